import type { RankedPaper } from '../../retrieval/types.js';
import { neutraliseSourceText, stripMentions } from './sanitize.js';

const MAX_QUESTION_CHARS = 1000;

/**
 * The numbered sources block of the answer prompt. Numbers are the passages' positions (1-based),
 * the same numbers the grounding check resolves markers against.
 */
export function formatSources(passages: readonly RankedPaper[]): string {
  return passages
    .map(({ paper }, i) => {
      const title = paper.titleDerived ? '(untitled; no title is known)' : neutraliseSourceText(paper.title);
      const byline = [paper.authors.length ? paper.authors.join(', ') : null, paper.year ?? null].filter(Boolean).join(', ');
      return [`[${i + 1}] ${title}${byline ? ` (${byline})` : ''}`, `Abstract: ${neutraliseSourceText(paper.abstract)}`].join('\n');
    })
    .join('\n\n');
}

/** The question as data: no mentions, no tag that could close the question block, a sane length. */
export function formatQuestion(question: string): string {
  return stripMentions(question).replace(/<\/?\s*question\s*>/gi, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_CHARS);
}
