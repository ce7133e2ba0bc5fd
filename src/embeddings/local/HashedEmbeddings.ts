import { Embeddings } from '@langchain/core/embeddings';
import type { EmbedderInfo, FootnoteEmbeddings } from '../types.js';
import { CharGramSlots } from './charGrams.js';
import { WorkerEmbedder } from './WorkerEmbedder.js';
import { addBlock, addSigned, hash32, normalised, pairHash, signedSlot } from './featureHashing.js';
import { idfOf } from './idf.js';
import { textFeatures } from './textFeatures.js';

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

function bump<K>(map: Map<K, number>, key: K, weight: number): void {
  map.set(key, (map.get(key) ?? 0) + weight);
}

/** Sublinear TF into the block: the tenth "model" in an abstract adds much less than the first. */
function addCounts(block: Float64Array, counts: Map<number, number>, salt: number): void {
  for (const [hash, w] of counts) addSigned(block, signedSlot(hash, salt, block.length), w > 1 ? 1 + Math.log(w) : w);
}

/**
 * The offline embedder: a fixed hashed projection of stemmed words, domain concepts, word pairs and
 * character n-grams, each block normalised and weighted. Deterministic, corpus-independent (vectors
 * never change as papers are added), no network.
 */
export class HashedEmbeddings extends Embeddings implements FootnoteEmbeddings {
  readonly info: EmbedderInfo;
  private readonly options: Required<HashedEmbeddingsOptions>;
  private readonly grams: CharGramSlots;
  private readonly hashes = new Map<string, number>();
  private readonly worker: WorkerEmbedder | undefined;

  constructor(options: HashedEmbeddingsOptions = {}) {
    super({});
    this.options = { ...DEFAULT_HASHED_OPTIONS, ...options };
    const suffix = this.options.variant ? `-${this.options.variant}` : '';
    this.info = { name: `local-hashed${suffix}`, version: '2', dimension: this.options.dimension };
    this.grams = new CharGramSlots(this.options.dimension);
    this.worker = this.options.worker ? new WorkerEmbedder(this.options, this.options.dimension) : undefined;
  }

  private hashOf(key: string): number {
    let h = this.hashes.get(key);
    if (h === undefined) {
      h = hash32(key);
      if (this.hashes.size >= 300_000) this.hashes.clear();
      this.hashes.set(key, h);
    }
    return h;
  }

  embed(text: string): number[] {
    const { terms, concepts } = textFeatures(text);
    const o = this.options;
    const vector = new Float64Array(o.dimension);
    const block = new Float64Array(o.dimension);
    const unigrams = new Map<number, number>();
    const bigrams = new Map<number, number>();
    const surface = new Map<string, number>();
    let previous: { hash: number; weight: number } | undefined;
    for (const t of terms) {
      const hash = this.hashOf(t.stem);
      const weight = o.idf ? idfOf(t.stem) : t.weight;
      bump(unigrams, hash, weight);
      bump(surface, t.word, weight);
      if (previous) bump(bigrams, pairHash(previous.hash, hash), Math.min(previous.weight, weight));
      previous = { hash, weight };
    }
    const conceptCounts = new Map<number, number>();
    for (const c of concepts) bump(conceptCounts, this.hashOf(c), 1);
    addCounts(block, unigrams, SALT.word);
    addBlock(vector, block, o.words);
    addCounts(block, conceptCounts, SALT.concept);
    addBlock(vector, block, o.concepts);
    addCounts(block, bigrams, SALT.bigram);
    addBlock(vector, block, o.bigrams);
    if (o.charNgrams) this.grams.addTo(block, surface);
    addBlock(vector, block, o.charNgrams);
    return normalised(vector);
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
