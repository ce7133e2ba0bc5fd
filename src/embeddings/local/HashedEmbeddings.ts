import { Embeddings } from '@langchain/core/embeddings';
import type { EmbedderInfo, FootnoteEmbeddings } from '../types.js';
import { addCharGrams } from './charGrams.js';
import { FeatureCounter } from './countFeatures.js';
import type { HashCounts } from './HashCounts.js';
import { WorkerEmbedder } from './WorkerEmbedder.js';
import { addBlock, addSigned, normaliseInto, normalised, signedSlot } from './featureHashing.js';
import { idfOf } from './idf.js';
import { Lexicon } from './lexicon.js';

/** The weight of each feature block in the vector; a block set to 0 is left out. */
export interface HashedEmbeddingsOptions {
  dimension?: number;
  /** Stemmed content words. */
  words?: number;
  /** Concepts from the domain synonym map. */
  concepts?: number;
  /** Adjacent content-word pairs. */
  bigrams?: number;
  /** Character 3–5-grams of each content word: catches spelling variants and rare-word overlap. */
  charNgrams?: number;
  /** Weigh words by a fixed IDF learned from arXiv abstracts (else only the short list of weak words). */
  idf?: boolean;
  /** Name suffix for the benchmark's variants; the default embedder is `local-hashed`. */
  variant?: string;
  /** Embed large document batches on a worker thread (same vectors; ingest uses both cores). */
  worker?: boolean;
}

export const DEFAULT_HASHED_OPTIONS: Required<HashedEmbeddingsOptions> = {
  dimension: 512,
  words: 1,
  concepts: 0.6,
  bigrams: 0.2,
  charNgrams: 0.9,
  idf: true,
  variant: '',
  worker: true,
};

/** Smaller batches (a query, a few papers) cost less in-process than a round trip to the worker. */
const WORKER_MIN_BATCH = 32;

const SALT = { word: 0x1b873593, concept: 0x5bd1e995, bigram: 0x27d4eb2f } as const;

/** Sublinear TF: the tenth "model" in an abstract adds much less than the first. */
const sublinear = (w: number) => (w > 1 ? 1 + Math.log(w) : w);

function addCounts(block: Float64Array, counts: HashCounts, salt: number): void {
  for (let n = 0; n < counts.size; n++) addSigned(block, signedSlot(counts.keyAt(n), salt, block.length), sublinear(counts.valueAt(n)));
}

/**
 * The offline embedder: a fixed hashed projection of stemmed words, domain concepts, word pairs and
 * character n-grams, each block normalised and weighted. Deterministic, corpus-independent (vectors
 * never change as papers are added), no network.
 */
export class HashedEmbeddings extends Embeddings implements FootnoteEmbeddings {
  readonly info: EmbedderInfo;
  private readonly options: Required<HashedEmbeddingsOptions>;
  private readonly counter: FeatureCounter;
  private readonly worker: WorkerEmbedder | undefined;
  // Reused by every document (embedding is synchronous): allocation was a tenth of the cost.
  private readonly vector: Float64Array;
  private readonly block: Float64Array;

  constructor(options: HashedEmbeddingsOptions = {}) {
    super({});
    this.options = { ...DEFAULT_HASHED_OPTIONS, ...options };
    const suffix = this.options.variant ? `-${this.options.variant}` : '';
    const { dimension, idf } = this.options;
    this.info = { name: `local-hashed${suffix}`, version: '2', dimension };
    this.counter = new FeatureCounter(new Lexicon(dimension, (stem, weight) => (idf ? idfOf(stem) : weight)));
    this.worker = this.options.worker ? new WorkerEmbedder(this.options, dimension) : undefined;
    this.vector = new Float64Array(dimension);
    this.block = new Float64Array(dimension);
  }

  embed(text: string): number[] {
    return normalised(this.featureVector(text));
  }

  /** The unit vector of `text` written as float32 into `out` at `offset` (the worker's path: no number[]). */
  embedInto(text: string, out: Float32Array, offset: number): void {
    normaliseInto(this.featureVector(text), out, offset);
  }

  /** The weighted sum of the feature blocks, not yet normalised; valid until the next call. */
  private featureVector(text: string): Float64Array {
    const o = this.options;
    const { vector, block } = this;
    const { unigrams, distinct, bigrams, concepts } = this.counter.count(text);
    vector.fill(0);
    for (const { hash, count } of unigrams) addSigned(block, signedSlot(hash, SALT.word, block.length), sublinear(count));
    addBlock(vector, block, o.words);
    addCounts(block, concepts, SALT.concept);
    addBlock(vector, block, o.concepts);
    addCounts(block, bigrams, SALT.bigram);
    addBlock(vector, block, o.bigrams);
    if (o.charNgrams) addCharGrams(block, distinct);
    addBlock(vector, block, o.charNgrams);
    return vector;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (this.worker?.available && texts.length >= WORKER_MIN_BATCH) {
      try {
        return await this.worker.embed(texts);
      } catch {
        // The worker died (out of memory, killed): the same vectors are made here, only slower.
      }
    }
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}
