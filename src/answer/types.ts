import type { RankedPaper, RetrievalMode } from '../retrieval/types.js';

export interface Citation {
  /** The number shown as `[n]`; sources are numbered in order of first use. */
  n: number;
  id: string;
  title: string;
  /** True when the title is a label derived from the abstract, not a real title. */
  titleDerived: boolean;
  authors: string[];
  year: number | null;
  url: string | null;
  /** The sentence of the abstract that supports the citation. */
  quote: string;
}

/** A paper offered as a possible lead when the answer abstains: never presented as a source. */
export interface Suggestion {
  id: string;
  title: string;
  titleDerived: boolean;
  year: number | null;
  url: string | null;
}

export interface Turn {
  question: string;
  answer: string;
}

export interface AskOptions {
  /** How many papers retrieval considers (default 5). */
  k?: number;
  /** Earlier turns of a conversation, oldest first: folded into the retrieval query. */
  history?: Turn[];
  signal?: AbortSignal;
  /** Called with the partial answer text while an LLM streams (Discord edits the reply). */
  onPartial?: (text: string) => void;
  /** Retrieval mode (default hybrid): the eval compares hybrid with its lexical-only and dense-only legs. */
  mode?: RetrievalMode;
}

export interface Answer {
  question: string;
  /** The summary with `[n]` markers, or the abstention. */
  text: string;
  citations: Citation[];
  abstained: boolean;
  suggestions: Suggestion[];
  /** The ranked papers the answer was made from. */
  passages: RankedPaper[];
  timings: { retrieveMs: number; answerMs: number; totalMs: number };
  /** `extractive`, or the model that wrote the answer. */
  answeredBy: string;
}

/** What an answerer returns; the Assistant adds the question, passages and timings. */
export type AnswerDraft = Pick<Answer, 'text' | 'citations' | 'abstained' | 'suggestions' | 'answeredBy'>;

/**
 * Writes a grounded answer from ranked papers. The extractive answerer is the default and the
 * fallback; the LLM answerer (issue 5) wraps it and verifies every sentence before returning.
 */
export interface Answerer {
  readonly name: string;
  answer(question: string, passages: RankedPaper[], options?: AskOptions): Promise<AnswerDraft>;
}
