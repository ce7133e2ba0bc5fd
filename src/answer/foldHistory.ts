import type { Turn } from './types.js';

/** Openings and references that only make sense after an earlier turn. */
const FOLLOW_UP =
  /^(?:and|but|also|so|what about|how about|then|why|how so)\b|\b(?:it|its|they|them|their|this (?:paper|method|work|model)|that (?:paper|method|work|model)|the (?:paper|method|authors)|these|those)\b/i;

/** A chain of follow-ups ("who wrote it?" then "when was it published?") reaches back this many turns at most. */
const MAX_FOLDED_TURNS = 3;

/**
 * The retrieval query for a question in a conversation: a follow-up ("and how much compute did it
 * save?") is joined to the previous question so that it retrieves the same paper, and when that
 * question was itself a follow-up, to the one before it; a question that stands on its own is left alone.
 */
export function foldHistory(question: string, history: readonly Turn[] | undefined): string {
  const turns = history ?? [];
  const parts = [question.trim()];
  for (let i = turns.length - 1; i >= 0 && parts.length <= MAX_FOLDED_TURNS; i--) {
    if (!FOLLOW_UP.test(parts[0] as string)) break;
    parts.unshift((turns[i] as Turn).question.trim());
  }
  return parts.length === 1 ? question : parts.join(' ');
}
