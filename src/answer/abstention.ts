import type { RankedPaper } from '../retrieval/types.js';
import type { AnswerDraft, Suggestion } from './types.js';

/** The fixed text of an answer that abstains. */
export const NOT_COVERED = "The indexed papers don't cover this.";

/** The closest papers, offered as leads when the answer abstains: never cited as sources. */
export function suggestionsFrom(passages: RankedPaper[], limit = 3): Suggestion[] {
  return passages.slice(0, limit).map(({ paper }) => ({
    id: paper.id,
    title: paper.title,
    titleDerived: paper.titleDerived,
    year: paper.year,
    url: paper.url,
  }));
}

/** An abstention: no sources, optionally a few suggestions (only when something was related at all). */
export function abstain(passages: RankedPaper[], options: { related: boolean; answeredBy?: string }): AnswerDraft {
  return {
    text: NOT_COVERED,
    citations: [],
    abstained: true,
    suggestions: options.related ? suggestionsFrom(passages) : [],
    answeredBy: options.answeredBy ?? 'extractive',
  };
}
