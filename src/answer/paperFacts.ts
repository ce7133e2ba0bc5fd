import type { Paper } from '../corpus/Paper.js';
import { markersIn } from './citations.js';
import { MAX_ANSWER_CHARS } from './composeAnswer.js';
import { authorList, paperName } from './metadataAnswer.js';
import type { Citation } from './types.js';

/** A fact about a paper that its abstract does not hold: who wrote it, when, where it appeared. */
export type PaperFact = 'authors' | 'year' | 'venue';

// Only explicit asks: "who argues…" and "when does Fast Forward stop…" are about the content.
const ASKS: Array<[PaperFact, RegExp]> = [
  ['authors', /\bwho\s+(?:wrote|authored|write|writes|published|is behind|are behind)\b|\bwho\s+(?:are|were|is|was)\s+the\s+(?:authors?|writers?)\b|\bauthors?\s+of\s+(?:it|this|that|the)\b/i],
  ['year', /\b(?:what|which)\s+year\b|\bwhen\s+(?:was|were|did)\b.*\b(?:published|written|released|posted|out|appear(?:ed)?)\b/i],
  ['venue', /\b(?:what|which)\s+(?:venue|conference|journal|workshop)\b|\bwhere\s+(?:was|were|did)\b.*\b(?:published|presented|appear(?:ed)?|accepted)\b/i],
];

/** The paper facts a question explicitly asks for, in a fixed order. */
export function paperFactsAsked(question: string): PaperFact[] {
  return ASKS.filter(([, pattern]) => pattern.test(question)).map(([fact]) => fact);
}

/** "*Title* is by A and B, is from 2024 and appeared at NeurIPS 2024": unknown facts are said to be unknown. */
function factsSentence(paper: Paper, facts: readonly PaperFact[]): string {
  const clauses = facts.map((fact) => {
    if (fact === 'authors') return paper.authors.length ? `is by ${authorList(paper.authors)}` : 'lists no authors';
    if (fact === 'year') return paper.year ? `is from ${paper.year}` : 'has no recorded year';
    return paper.venue ? `appeared at ${paper.venue}` : 'has no recorded venue';
  });
  const joined = clauses.length > 1 ? `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}` : (clauses[0] as string);
  const name = paperName(paper);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${joined}`;
}

/**
 * Puts the asked-for facts of the answer's first source before the answer, cited as that source,
 * then drops trailing sentences until the whole fits. Sources no sentence cites any more go too.
 */
export function withPaperFacts(answer: { text: string; citations: Citation[] }, paper: Paper, facts: readonly PaperFact[]): { text: string; citations: Citation[] } {
  const first = answer.citations[0];
  if (facts.length === 0 || !first || first.id !== paper.id) return answer;
  const sentences = answer.text.split(/(?<=\]) /);
  const kept = [`${factsSentence(paper, facts)} [${first.n}].`, ...sentences];
  while (kept.length > 2 && kept.join(' ').length > MAX_ANSWER_CHARS) kept.pop();
  const text = kept.join(' ');
  const cited = new Set(markersIn(text));
  return { text, citations: answer.citations.filter((c) => cited.has(c.n)) };
}
