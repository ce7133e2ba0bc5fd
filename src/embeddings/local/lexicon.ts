import { charGramSlots } from './charGrams.js';
import { hash32 } from './featureHashing.js';
import { stem } from './stem.js';
import { startsPhrase, termWeight, tokenWords } from './textFeatures.js';

/** A per-document tally, reset lazily: `doc` says which document `count` belongs to. */
export interface Tally {
  doc: number;
  count: number;
}

/** A stem hash's unigram tally (words with one stem, or the rare stems with one hash, share it). */
export interface StemTally extends Tally {
  readonly hash: number;
}

/** Everything the embedder needs of one lowercase word, worked out once per word, not per occurrence. */
export interface WordEntry extends Tally {
  readonly word: string;
  readonly stem: string;
  readonly stemHash: number;
  readonly unigram: StemTally;
  /** Its weight as a term, or undefined for a stop word (still part of phrases). */
  readonly weight: number | undefined;
  readonly startsPhrase: boolean;
  /** Signed slots of its character n-grams (see `charGramSlots`) and the norm that scales them. */
  readonly grams: Int32Array;
  readonly gramNorm: number;
}

/**
 * A memo from raw tokens to their words' entries: one map lookup per token replaces a stem cache,
 * a hash cache, an IDF lookup, the stop-word sets and an n-gram cache (about half the embedder's
 * time at 75k abstracts). Vocabularies are Zipfian, so nearly every token is a hit.
 */
export class Lexicon {
  private readonly words = new Map<string, WordEntry>();
  private readonly tokens = new Map<string, readonly WordEntry[]>();
  private readonly stems = new Map<number, StemTally>();

  constructor(
    private readonly dimension: number,
    /** The unigram weight of a content word, from its stem (IDF) or its default weight. */
    private readonly weigh: (stem: string, defaultWeight: number) => number,
    private readonly limit = 200_000,
  ) {}

  /** Bounds memory on endless input; only between documents, since entries hold per-document counts. */
  trim(): void {
    if (this.words.size < this.limit && this.tokens.size < this.limit) return;
    this.words.clear();
    this.tokens.clear();
    this.stems.clear();
  }

  /** The entries of a token's words: what `tokenWords` makes of it, in order. */
  entriesOf(token: string): readonly WordEntry[] {
    let entries = this.tokens.get(token);
    if (entries === undefined) {
      entries = tokenWords(token, []).map((word) => this.entryOf(word));
      this.tokens.set(token, entries);
    }
    return entries;
  }

  private entryOf(word: string): WordEntry {
    let entry = this.words.get(word);
    if (entry === undefined) {
      const stemmed = stem(word);
      const weight = termWeight(word);
      const grams = charGramSlots(word, this.dimension);
      const stemHash = hash32(stemmed);
      entry = {
        word,
        stem: stemmed,
        stemHash,
        unigram: this.tallyOf(stemHash),
        weight: weight === undefined ? undefined : this.weigh(stemmed, weight),
        startsPhrase: startsPhrase(stemmed),
        grams,
        gramNorm: Math.sqrt(grams.length || 1),
        doc: -1,
        count: 0,
      };
      this.words.set(word, entry);
    }
    return entry;
  }

  private tallyOf(hash: number): StemTally {
    let tally = this.stems.get(hash);
    if (tally === undefined) {
      tally = { hash, doc: -1, count: 0 };
      this.stems.set(hash, tally);
    }
    return tally;
  }
}
