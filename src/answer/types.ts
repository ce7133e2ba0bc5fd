import type { PaperRef } from '../corpus/Paper.js';
import type { RankedPaper, RetrievalMode } from '../retrieval/types.js';

/** A cited paper; `titleDerived` marks a label made from the abstract, never shown as a real title. */
export interface Citation extends PaperRef {
  /** The number shown as `[n]`; sources are numbered in order of first use. */
  n: number;
  /** The sentence of the abstract that supports the citation. */
  quote: string;
}

/** A paper offered as a possible lead when the answer abstains: never presented as a source. */
export type Suggestion = Omit<PaperRef, 'authors'>;

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
