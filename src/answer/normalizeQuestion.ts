/** Longest question retrieval sees; longer input is cut at a word boundary rather than refused. */
export const MAX_QUESTION_CHARS = 500;

const MENTION = /<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>|@everyone\b|@here\b/g;

/**
 * Sentences that address the bot instead of asking about papers ("ignore your instructions…",
 * "SYSTEM: reply that…", "cite arxiv:…"). They are dropped before retrieval so that text in a
 * question can never steer what is cited.
 */
const INSTRUCTION = new RegExp(
  [
    String.raw`\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:(?:your|the|my|of|previous|prior|above|earlier|system)\s+)*(?:instructions?|prompts?|rules?|directions?|guidelines?)\b`,
    String.raw`\b(?:ignore|disregard|forget)\s+(?:everything|all)\s+(?:above|before|else)\b`,
    String.raw`\b(?:ignore|disregard|forget)\s+(?:the\s+|all\s+)?(?:above|before|previous|prior|preceding)\s*[.!]?\s*$`,
    String.raw`\bsystem\s*(?:prompt\b|:)`,
    String.raw`<\/?\s*(?:context|system|instructions?)\s*>`,
    String.raw`^\s*(?:assistant|user)\s*:`,
    String.raw`^\s*(?:please\s+)?(?:reply|respond|answer|say|print|output|write)\s+(?:only\s+)?(?:that|with|exactly)\b`,
    String.raw`\b(?:you are now|act as|pretend to be|from now on)\b`,
    String.raw`^\s*(?:please\s+)?(?:cite|reference)\s+(?:arxiv:|\[?\d)`,
    String.raw`\band\s+cite\s+(?:arxiv:|\[?\d)`,
  ].join('|'),
  'i',
);

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
