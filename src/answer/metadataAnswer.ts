import type { Paper } from '../corpus/Paper.js';
import type { RankedPaper } from '../retrieval/types.js';
import type { PaperAnalyses } from './analyzePaper.js';
import { attributeSentence } from './attribute.js';
import { CitationNumbering } from './citations.js';
import { MAX_ANSWER_CHARS } from './composeAnswer.js';
import { keyFindingIndex } from './scoreSentences.js';
import { summarySentences } from './summarizePaper.js';
import type { Citation } from './types.js';

const METADATA = new Set(['author', 'year', 'title', 'id', 'venue']);
const MAX_LISTED = 5;

/** "A", "A and B", "A, B and C", "A, B and 3 others". */
export function authorList(authors: readonly string[]): string {
  if (authors.length === 0) return 'Unknown authors';
  if (authors.length <= 3) return authors.length === 1 ? (authors[0] as string) : `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
  return `${authors.slice(0, 2).join(', ')} and ${authors.length - 2} others`;
}

/** How a paper is named in prose: its title in italics, or, for a derived label, never as a title. */
export function paperName(paper: Paper): string {
  if (!paper.titleDerived) return `*${paper.title}*`;
  const opening = paper.abstract.split(/\s+/).slice(0, 8).join(' ');
  return `an untitled abstract beginning "${opening}…"`;
}

/** Drops middle sentences (never the first line or the last, the key finding) until the text fits. */
function withinLimit(parts: string[]): string {
  const kept = [...parts];
  while (kept.join(' ').length > MAX_ANSWER_CHARS && kept.length > 2) kept.splice(kept.length - 2, 1);
  return kept.join(' ');
}

/**
 * The answer to a question about authors, years, titles or ids: one line per matched paper, each
 * cited once, plus its key finding when only one or two papers matched.
 */
export function metadataAnswer(passages: RankedPaper[], analyses: PaperAnalyses): { text: string; citations: Citation[] } {
  const matched = passages.filter((p) => p.matchedBy && METADATA.has(p.matchedBy)).slice(0, MAX_LISTED);
  const numbering = new CitationNumbering();
  const single = matched.length === 1 && (matched[0]?.matchedBy === 'title' || matched[0]?.matchedBy === 'id');
  const withFinding = matched.length <= 2;
  const lines = matched.map(({ paper, matchedBy }) => {
    const sentences = analyses.get(paper).sentences;
    const finding = sentences[keyFindingIndex(sentences)] ?? paper.abstract;
    const n = numbering.cite(paper, finding);
    const year = paper.year ? ` (${paper.year})` : '';
    const venue = matchedBy === 'venue' && paper.venue ? `, which appeared at ${paper.venue}` : '';
    const line = `${authorList(paper.authors)} wrote ${paperName(paper)}${year}${venue} [${n}].`;
    // A paper asked for by name gets its card summary; an author's papers get their key findings.
    if (single) return withinLimit([line, ...summarySentences(paper, analyses).map((s) => `${s.text} [${n}]`)]);
    return withFinding ? `${line} ${attributeSentence(finding)} [${n}]` : line;
  });
  return { text: lines.join(withFinding ? ' ' : '\n'), citations: numbering.citations() };
}
