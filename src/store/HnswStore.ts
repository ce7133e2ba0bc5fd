import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentInterface } from '@langchain/core/documents';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';
import { type EmbedderInfo, type FootnoteEmbeddings, sameEmbedder } from '../embeddings/types.js';
import { type AtomicDirHooks, hasRecoverableDir, recoverDir, replaceDirAtomically } from './atomicDir.js';
import { validateBatch } from './hnswVectors.js';
import { type HnswManifest, MANIFEST_FILE, corruptIndex, embedderMismatch, readManifest, verifyManifest } from './hnswManifest.js';
import { HnswLabels } from './hnswLabels.js';
import { readSnapshotIndex, writeSnapshot } from './hnswSnapshot.js';

const { HierarchicalNSW } = hnswlib;
type Index = InstanceType<typeof HierarchicalNSW>;

/** Graph parameters; the defaults are those `bench/hnswRecall.ts` supports (recall@10 ≥ 0.98). */
export interface HnswOptions {
  /** Links per node: more is better recall, more memory, slower build. */
  m?: number;
  efConstruction?: number;
  /** Candidate list size at query time (raised to k when k is larger). */
  efSearch?: number;
  /** Slots allocated up front; the index doubles when it runs out. */
  initialCapacity?: number;
}

export const HNSW_DEFAULTS = { m: 16, efConstruction: 100, efSearch: 1024, initialCapacity: 1024 } as const;
const RANDOM_SEED = 100;

type GraphOptions = HnswManifest['options'];
type DocFilter = (doc: DocumentInterface) => boolean;

/**
 * Footnote's vector store: a LangChain `SaveableVectorStore` over an hnswlib cosine index, keyed by
 * paper id. Scores are cosine similarities (1 − distance), best first. Saves are atomic, and an
 * index records the embedder that made it and refuses to load under another.
 */
export class HnswStore extends SaveableVectorStore {
  declare FilterType: DocFilter;
  declare embeddings: FootnoteEmbeddings;
  readonly embedder: EmbedderInfo;

  private constructor(
    embeddings: FootnoteEmbeddings,
    private readonly index: Index,
    private readonly options: GraphOptions,
    private readonly labels = new HnswLabels(),
  ) {
    super(embeddings, options);
    this.embedder = { ...embeddings.info };
  }

  /** An empty index for the embedder's dimension. */
  static create(embeddings: FootnoteEmbeddings, options: HnswOptions = {}): HnswStore {
    const graph: GraphOptions = {
      m: options.m ?? HNSW_DEFAULTS.m,
      efConstruction: options.efConstruction ?? HNSW_DEFAULTS.efConstruction,
      efSearch: options.efSearch ?? HNSW_DEFAULTS.efSearch,
    };
    const index = new HierarchicalNSW('cosine', embeddings.info.dimension);
    index.initIndex({
      maxElements: Math.max(1, options.initialCapacity ?? HNSW_DEFAULTS.initialCapacity),
      m: graph.m,
      efConstruction: graph.efConstruction,
      randomSeed: RANDOM_SEED,
    });
    return new HnswStore(embeddings, index, graph);
  }

  /** True when `directory` holds a saved index, or one a crashed save can recover. */
  static exists(directory: string): boolean {
    return existsSync(join(directory, MANIFEST_FILE)) || hasRecoverableDir(directory);
  }

  /**
   * Loads a saved index. Throws `index:embedder_mismatch` when another embedder built it and
   * `index:corrupt` when it is missing or damaged; either way `footnote index rebuild` repairs it.
   * The graph keeps the M and efConstruction it was built with; efSearch, a query-time setting,
   * comes from `options` (else the current default), so retuning it needs no rebuild.
   */
  static override async load(directory: string, embeddings: FootnoteEmbeddings, options: Pick<HnswOptions, 'efSearch'> = {}): Promise<HnswStore> {
    recoverDir(directory);
    if (!existsSync(directory)) throw corruptIndex(directory, 'it does not exist');
    const manifest = readManifest(directory);
    if (!sameEmbedder(manifest.embedder, embeddings.info)) throw embedderMismatch(directory, manifest.embedder, embeddings.info);
    verifyManifest(directory, manifest);
    const index = await readSnapshotIndex(directory, manifest);
    const graph = { ...manifest.options, efSearch: options.efSearch ?? HNSW_DEFAULTS.efSearch };
    return new HnswStore(embeddings, index, graph, HnswLabels.fromManifest(manifest));
  }

  _vectorstoreType(): string {
    return 'footnote-hnsw';
  }

  get size(): number {
    return this.labels.size;
  }

  has(id: string): boolean {
    return this.labels.labelOf(id) !== undefined;
  }

  ids(): string[] {
    return this.labels.ids();
  }

  /** The stored vector, normalised to unit length (the cosine space stores it so). */
  vectorOf(id: string): number[] | undefined {
    const label = this.labels.labelOf(id);
    return label === undefined ? undefined : this.index.getPoint(label);
  }

  /** Adds or replaces vectors by paper id (`options.ids`, else `metadata.id`); returns the ids. */
  async addVectors(vectors: number[][], documents: DocumentInterface[], options?: { ids?: string[] }): Promise<string[]> {
    const ids = validateBatch(vectors, documents, options?.ids, this.embedder.dimension);
    const capacity = this.index.getMaxElements();
    const needed = this.labels.allocatedAfter(ids);
    if (needed > capacity) this.index.resizeIndex(Math.max(needed, capacity * 2));
    ids.forEach((id, i) => {
      // A recycled label of a deleted vector is un-deleted and overwritten by addPoint.
      this.index.addPoint(vectors[i] as number[], this.labels.assign(id, documents[i] as DocumentInterface));
    });
    return ids;
  }

  async addDocuments(documents: DocumentInterface[], options?: { ids?: string[] }): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((doc) => doc.pageContent));
    return this.addVectors(vectors, documents, options);
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: DocFilter): Promise<[DocumentInterface, number][]> {
    validateBatch([query], [{ pageContent: '', metadata: { id: 'query' } }], undefined, this.embedder.dimension);
    const wanted = Math.min(Math.floor(k), this.size);
    if (!(wanted > 0)) return [];
    this.index.setEf(Math.max(this.options.efSearch, wanted));
    // With a filter hnswlib keeps walking until ef candidates pass it, so a selective filter still
    // yields up to k hits without fetching more by hand.
    const labelFilter = filter && ((label: number) => this.labels.passes(label, filter));
    const { distances, neighbors } = this.index.searchKnn(query, wanted, labelFilter);
    return neighbors.map((label, i) => [this.labels.docAt(label), similarity(distances[i] as number)]);
  }

  /** Removes vectors by paper id; unknown ids are ignored. Their slots are reused by later adds. */
  override async delete(params: { ids: string[] }): Promise<void> {
    for (const id of params.ids) {
      const label = this.labels.release(id);
      if (label !== undefined) this.index.markDelete(label);
    }
  }

  /** Writes the index and its manifest to `directory` atomically; `hooks` exist for crash tests. */
  async save(directory: string, hooks?: AtomicDirHooks): Promise<void> {
    const manifest = { embedder: this.embedder, options: this.options, ...this.labels.toManifest() };
    replaceDirAtomically(directory, (temp) => writeSnapshot(temp, this.index, manifest), hooks);
  }

  /** The graph's M and efConstruction and the current efSearch (for logs and `footnote` status output). */
  get settings(): Readonly<{ m: number; efConstruction: number; efSearch: number }> {
    return { ...this.options };
  }

  /** Changes the query-time candidate list size (recall against speed) without rebuilding. */
  setEfSearch(efSearch: number): void {
    this.options.efSearch = Math.max(1, Math.floor(efSearch));
  }
}

/** hnswlib computes in float32, so a distance can stray just outside [0, 2]. */
function similarity(distance: number): number {
  return Math.min(1, Math.max(-1, 1 - distance));
}
