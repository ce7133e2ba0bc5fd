import { nlp, type ItemSentence } from './nlp.js';

/** Abbreviations after which wink-nlp may wrongly end a sentence: the next fragment is glued back on. */
const TRAILING_ABBREVIATION = /(?:\bet al|\be\.g|\bi\.e|\bcf|\bvs|\betc|\bFig|\bEq|\bapprox|\bresp|\bSec|\bNo)\.$/i;

/**
 * Splits an abstract into sentences with wink-nlp, repairing its known slips on academic text
 * ("et al.", "e.g.," and friends) and dropping empty fragments.
 */
export function splitSentences(text: string): string[] {
  const raw: string[] = [];
  nlp()
    .readDoc(text)
    .sentences()
    .each((s: ItemSentence) => {
      raw.push(s.out().trim());
    });
  const merged: string[] = [];
  for (const sentence of raw) {
    if (!sentence) continue;
    const previous = merged[merged.length - 1];
    // "GPT-3.5" is cut after "GPT-3." and must be rejoined without a space.
    const splitNumber = previous !== undefined && /\d\.$/.test(previous) && /^\d/.test(sentence);
    if (previous !== undefined && (splitNumber || TRAILING_ABBREVIATION.test(previous) || /^[a-z(,;:]/.test(sentence))) {
      merged[merged.length - 1] = `${previous}${splitNumber ? '' : ' '}${sentence}`;
    } else {
      merged.push(sentence);
    }
  }
  return merged;
}
