import { addSigned, hash32, signedSlot } from './featureHashing.js';

const GRAM_SALT = 0x3c6ef372;

/** The signed slots of a word's character 3–5-grams (with `<` `>` word boundaries), memoised per word. */
export class CharGramSlots {
  private readonly cache = new Map<string, Int32Array>();
  constructor(
    private readonly dimension: number,
    private readonly limit = 200_000,
  ) {}

  of(word: string): Int32Array {
    let grams = this.cache.get(word);
    if (grams === undefined) {
      const padded = `<${word}>`;
      const out: number[] = [];
      for (let n = 3; n <= 5; n++) {
        for (let i = 0; i + n <= padded.length; i++) out.push(signedSlot(hash32(padded.slice(i, i + n)), GRAM_SALT, this.dimension));
      }
      grams = Int32Array.from(out);
      if (this.cache.size >= this.limit) this.cache.clear();
      this.cache.set(word, grams);
    }
    return grams;
  }

  /** Each distinct word once, weighted by sublinear TF, its grams normalised so long words don't dominate. */
  addTo(block: Float64Array, weightedWords: Map<string, number>): void {
    for (const [word, w] of weightedWords) {
      const grams = this.of(word);
      const k = (w > 1 ? 1 + Math.log(w) : w) / Math.sqrt(grams.length || 1);
      for (const slot of grams) addSigned(block, slot, k);
    }
  }
}
