import { addSigned, hash32, signedSlot } from './featureHashing.js';

const GRAM_SALT = 0x3c6ef372;

/** The signed slots of a word's character 3–5-grams, with `<` `>` marking the word's ends. */
export function charGramSlots(word: string, dimension: number): Int32Array {
  const padded = `<${word}>`;
  const out: number[] = [];
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= padded.length; i++) out.push(signedSlot(hash32(padded.slice(i, i + n)), GRAM_SALT, dimension));
  }
  return Int32Array.from(out);
}

/** A distinct word of a document: its n-gram slots, their norm, and its summed weight there. */
export interface GramWord {
  readonly grams: Int32Array;
  readonly gramNorm: number;
  count: number;
}

/** Each distinct word once, weighted by sublinear TF, its grams normalised so long words don't dominate. */
export function addCharGrams(block: Float64Array, distinct: readonly GramWord[]): void {
  for (const { grams, gramNorm, count } of distinct) {
    const k = (count > 1 ? 1 + Math.log(count) : count) / gramNorm;
    for (let j = 0; j < grams.length; j++) addSigned(block, grams[j] as number, k);
  }
}
