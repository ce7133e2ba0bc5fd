import { hash32, pairHash } from './featureHashing.js';
import { HashCounts } from './HashCounts.js';
import { Lexicon, type StemTally, type Tally, type WordEntry } from './lexicon.js';
import { findConcepts, tokens } from './textFeatures.js';

/** One document's features, in first-seen order (the order the sums were always taken in). */
export interface FeatureCounts {
  unigrams: readonly StemTally[];
  /** Distinct content words with their summed weights (for character n-grams). */
  distinct: readonly WordEntry[];
  bigrams: HashCounts;
  concepts: HashCounts;
}

/** Adds `weight` to a tally, first resetting it (and listing it) when it last counted another document. */
function tally<T extends Tally>(t: T, doc: number, weight: number, seen: T[]): void {
  if (t.doc !== doc) {
    t.doc = doc;
    t.count = 0;
    seen.push(t);
  }
  t.count += weight;
}

/**
 * Counts the features of one document at a time: stems, adjacent content-word pairs, concepts
 * and distinct words. The result is valid until the next `count` (its tables are reused).
 */
export class FeatureCounter {
  private readonly bigrams = new HashCounts();
  private readonly concepts = new HashCounts(64);
  private doc = 0;

  constructor(private readonly lexicon: Lexicon) {}

  count(text: string): FeatureCounts {
    const { bigrams, concepts } = this;
    bigrams.clear();
    concepts.clear();
    this.lexicon.trim();
    const doc = ++this.doc;
    const unigrams: StemTally[] = [];
    const distinct: WordEntry[] = [];
    const stems: string[] = [];
    const starts: boolean[] = [];
    let previousHash = 0;
    let previousWeight = -1;
    for (const token of tokens(text)) {
      for (const entry of this.lexicon.entriesOf(token)) {
        stems.push(entry.stem);
        starts.push(entry.startsPhrase);
        const { weight, stemHash: hash } = entry;
        if (weight === undefined) continue;
        tally(entry.unigram, doc, weight, unigrams);
        tally(entry, doc, weight, distinct);
        if (previousWeight >= 0) bigrams.add(pairHash(previousHash, hash), Math.min(previousWeight, weight));
        previousHash = hash;
        previousWeight = weight;
      }
    }
    for (const c of findConcepts(stems, starts)) concepts.add(hash32(c), 1);
    return { unigrams, distinct, bigrams, concepts };
  }
}
