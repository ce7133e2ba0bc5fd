import type { Turn } from './types.js';

/** Openings and references that only make sense after an earlier turn. */
const FOLLOW_UP =
  /^(?:and|but|also|so|what about|how about|then|why|how so)\b|\b(?:it|its|they|them|their|this (?:paper|method|work|model)|that (?:paper|method|work|model)|the (?:paper|method|authors)|these|those)\b/i;

/**
 * The retrieval query for a question in a conversation: a follow-up ("and how much compute did it
 * save?") is joined to the previous question so that it retrieves the same paper; a question that
 * stands on its own is left alone.
 */
export function foldHistory(question: string, history: readonly Turn[] | undefined): string {
  const previous = history?.[history.length - 1];
  if (!previous || !FOLLOW_UP.test(question.trim())) return question;
  return `${previous.question.trim()} ${question.trim()}`;
}
