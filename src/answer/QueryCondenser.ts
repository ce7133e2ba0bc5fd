import { foldHistory } from './foldHistory.js';
import type { Turn } from './types.js';

/**
 * Turns a question asked inside a conversation into a standalone retrieval query. Only
 * retrieval (and the answerability gate) sees the result; the answer is still written for the
 * question the user asked.
 */
export interface QueryCondenser {
  /** `fold`, or `llm:<model>`: for logs. */
  readonly name: string;
  condense(question: string, history: readonly Turn[] | undefined, signal?: AbortSignal): Promise<string>;
}

/** The offline default: a follow-up is joined to the previous question (see {@link foldHistory}). */
export const foldHistoryCondenser: QueryCondenser = {
  name: 'fold',
  condense: async (question, history) => foldHistory(question, history),
};
