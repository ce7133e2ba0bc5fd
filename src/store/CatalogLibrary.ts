import type { Paper, RejectedLine, StoredPaper } from '../corpus/Paper.js';
import type { EmbedderInfo, FootnoteEmbeddings } from '../embeddings/types.js';
import { FootnoteError } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import { addPaperVectors } from './addPaperVectors.js';
import { HnswStore, type HnswOptions } from './HnswStore.js';
import { ingestPapers } from './ingestPapers.js';
import type { IngestOptions, IngestReport, Library } from './Library.js';
import type { PaperCatalog } from './PaperCatalog.js';
import { SavedIndexWatch } from './SavedIndexWatch.js';

export interface CatalogLibraryDeps {
  catalog: PaperCatalog;
  embeddings: FootnoteEmbeddings;
  logger: Logger;
  indexDir: string;
  hnsw: HnswOptions;
  batchSize: number;
  saveIntervalMs: number;
  bulkLoadMinRows: number;
  now(): Date;
}

/** The Library over the SQLite catalog and the HNSW index; built by `openLibrary`. */
export class CatalogLibrary implements Library {
  readonly embedder: EmbedderInfo;
  private readonly catalog: PaperCatalog;
  /** Ingest and rebuild change the index: one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** True while an ingest or rebuild holds the store: it must not be swapped under them. */
  private busy = false;
  private readonly watch: SavedIndexWatch;

  constructor(
    private readonly deps: CatalogLibraryDeps,
    private store: HnswStore,
    /** Set when the saved index cannot serve this embedder: dense search and ingest wait for a rebuild. */
    private unusable?: FootnoteError,
  ) {
    this.catalog = deps.catalog;
    this.embedder = deps.embeddings.info;
    this.watch = new SavedIndexWatch(deps.indexDir, deps.now);
  }

  count = (): number => this.catalog.count();
  get = (id: string): StoredPaper | undefined => this.catalog.get(id);
  getMany = (ids: readonly string[]): StoredPaper[] => this.catalog.getMany(ids);
  list = (offset: number, limit: number): StoredPaper[] => this.catalog.list(offset, limit);
  lexicalSearch = (query: string, k: number) => this.catalog.lexicalSearch(query, k);
  byAuthor = (name: string, limit: number): StoredPaper[] => this.catalog.byAuthor(name, limit);
  byYear = (year: number, limit: number): StoredPaper[] => this.catalog.byYear(year, limit);
  byVenue = (venue: string, limit: number): StoredPaper[] => this.catalog.byVenue(venue, limit);
  venues = (): string[] => this.catalog.venues();
  suggest = (query: string, limit: number): StoredPaper[] => this.catalog.suggest(query, limit);
  addedSince = (isoTime: string, limit: number): StoredPaper[] => this.catalog.addedSince(isoTime, limit);
  authorNames = (): string[] => this.catalog.authorNames();
  readState = (key: string): string | undefined => this.catalog.readState(key);
  writeState = (key: string, value: string): void => this.catalog.writeState(key, value);
  knowsAuthor = (name: string, as: 'full' | 'surname'): boolean => this.catalog.knowsAuthor(name, as);
  /** Resolves when the in-memory BM25 index is built (until then FTS5 answers the lexical leg). */
  warm = (): Promise<void> => this.catalog.lexicalReady();

  async denseSearch(query: string, k: number): Promise<Array<{ id: string; similarity: number }>> {
    await this.reloadIfSavedElsewhere();
    this.assertUsable();
    if (this.store.size === 0 || k <= 0) return [];
    return this.nearest(await this.deps.embeddings.embedQuery(query), k);
  }

  vectorsOf(ids: readonly string[]): Map<string, number[]> {
    if (this.unusable) return new Map();
    return new Map(ids.flatMap((id) => {
      const vector = this.store.vectorOf(id);
      return vector ? [[id, vector] as const] : [];
    }));
  }

  async similarTo(id: string, k: number): Promise<Array<{ id: string; similarity: number }>> {
    await this.reloadIfSavedElsewhere();
    this.assertUsable();
    const vector = this.store.vectorOf(id);
    if (!vector) throw new FootnoteError('not_found:paper', `No indexed paper has the id ${id}.`, { id });
    return this.nearest(vector, k, (other) => other !== id);
  }

  ingest(papers: AsyncIterable<Paper | RejectedLine> | Iterable<Paper | RejectedLine>, options?: IngestOptions): Promise<IngestReport> {
    return this.exclusive(async () => {
      await this.reloadIfSavedElsewhere(true);
      this.assertUsable();
      const target = { ...this.deps, store: this.store, saveIndex: () => this.saveIndex(this.store) };
      return ingestPapers(target, papers, options);
    });
  }

  rebuild(options: IngestOptions = {}): Promise<void> {
    return this.exclusive(async () => {
      const fresh = HnswStore.create(this.deps.embeddings, this.deps.hnsw);
      let done = 0;
      for (const page of this.catalog.embeddingPages(this.deps.batchSize)) {
        await addPaperVectors(fresh, this.deps.embeddings, page);
        options.onProgress?.((done += page.length));
        if (options.signal?.aborted) throw new FootnoteError('internal', 'index rebuild interrupted; the previous index is unchanged');
      }
      await this.saveIndex(fresh);
      this.store = fresh;
      this.unusable = undefined;
      this.deps.logger.info({ papers: done, embedder: this.embedder.name }, 'index rebuilt');
    });
  }

  close(): void {
    this.catalog.close();
  }

  /** Writes the index atomically; only then are the committed rows no longer pending. */
  private async saveIndex(store: HnswStore): Promise<void> {
    await store.save(this.deps.indexDir);
    this.watch.mark();
    this.catalog.clearPending();
  }

  /**
   * Picks up an index another process saved (an ingest from the CLI while the bot runs), so its
   * papers are found by dense search too, and this process's next save does not drop them.
   */
  private async reloadIfSavedElsewhere(force = false): Promise<void> {
    if ((this.busy && !force) || !this.watch.changed(force)) return;
    try {
      this.store = await HnswStore.load(this.deps.indexDir, this.deps.embeddings);
      // `footnote index rebuild` run elsewhere also cures an embedder mismatch here.
      this.unusable = undefined;
      this.deps.logger.info({ vectors: this.store.size }, 'reloaded the vector index saved by another process');
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'could not reload the vector index saved by another process; keeping ours');
    }
    this.watch.mark();
  }

  private async nearest(vector: number[], k: number, keep?: (id: string) => boolean) {
    const filter = keep && ((doc: { metadata: Record<string, unknown> }) => keep(String(doc.metadata.id)));
    const hits = await this.store.similaritySearchVectorWithScore(vector, k, filter);
    return hits.map(([doc, similarity]) => ({ id: String(doc.metadata.id), similarity }));
  }

  private assertUsable(): void {
    if (this.unusable) throw this.unusable;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const guarded = async () => {
      this.busy = true;
      try {
        return await work();
      } finally {
        this.busy = false;
      }
    };
    const run = this.queue.then(guarded, guarded);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
