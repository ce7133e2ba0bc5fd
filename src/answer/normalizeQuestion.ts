/** Longest question retrieval sees; longer input is cut at a word boundary rather than refused. */
export const MAX_QUESTION_CHARS = 500;

const MENTION = /<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>|@everyone\b|@here\b/g;

/**
 * Sentences that address the bot instead of asking about papers ("ignore your instructions…",
 * "SYSTEM: reply that…", "cite arxiv:…"). They are dropped before retrieval so that text in a
 * question can never steer what is cited.
 */
const INSTRUCTION =
  /(?:\b(?:ignore|disregard|forget|override)\b[^.?!]{0,60}\b(?:instructions?|prompts?|rules?|above|context)\b|\bsystem\s*(?:prompt|:)|<\/?\s*(?:context|system|instructions?)\s*>|^\s*(?:assistant|user)\s*:|\b(?:reply|respond|answer|say|print|output)\s+(?:only\s+)?(?:that|with|exactly)\b|\b(?:you are now|act as|pretend to be)\b|\bcite\s+(?:arxiv:|\[?\d))/i;

export interface NormalizedQuestion {
  /** What retrieval and the answerer see. */
  text: string;
  /** True when the input had words but all of them were instructions to the bot. */
  onlyInstructions: boolean;
  truncated: boolean;
}

function splitIntoSentences(text: string): string[] {
  return text.split(/(?<=[.?!])\s+|\n+/).filter((s) => s.trim());
}

/** Cleans a question typed by a user: mentions, instruction-like sentences, excess length. */
export function normalizeQuestion(raw: string): NormalizedQuestion {
  const withoutMentions = raw.replace(MENTION, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
  const sentences = splitIntoSentences(withoutMentions);
  const kept = sentences.filter((s) => !INSTRUCTION.test(s));
  let text = kept.join(' ').replace(/\s+/g, ' ').trim();
  const truncated = text.length > MAX_QUESTION_CHARS;
  if (truncated) text = text.slice(0, MAX_QUESTION_CHARS).replace(/\s+\S*$/, '');
  const hasWords = (s: string) => /[\p{L}\p{N}]/u.test(s);
  return { text: hasWords(text) ? text : '', onlyInstructions: !hasWords(text) && sentences.some(hasWords), truncated };
}
