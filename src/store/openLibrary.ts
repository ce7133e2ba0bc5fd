import fs from 'node:fs';
import path from 'node:path';
import { loadPapers } from '../corpus/loadPapers.js';
import type { FootnoteEmbeddings } from '../embeddings/types.js';
import { FootnoteError, isFootnoteError } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import { CatalogLibrary } from './CatalogLibrary.js';
import { HnswStore, type HnswOptions } from './HnswStore.js';
import type { Library } from './Library.js';
import { PaperCatalog } from './PaperCatalog.js';
import { reconcileIndex } from './reconcileIndex.js';

export interface OpenLibraryOptions {
  /** Holds `corpus.db` (the catalog) and `index/` (the HNSW vectors). */
  dataDir: string;
  embeddings: FootnoteEmbeddings;
  logger: Logger;
  /** Ingested when the catalog is empty (the lead passes `seeds/papers.jsonl`). */
  seedFile?: string;
  hnsw?: HnswOptions;
  /** Records per transaction and per embedding call. */
  batchSize?: number;
  /** Minimum time between index saves during an ingest (it is always saved at the end). */
  saveIntervalMs?: number;
  /** A run adding at least this many papers defers index upkeep to its end (default 5,000). */
  bulkLoadMinRows?: number;
  now?: () => Date;
  /**
   * Runs while the saved vector index is read from disk (off the main thread, about a second at
   * 75k papers): start-up work that needs only the catalog overlaps the wait instead of following it.
   */
  whileLoading?: (catalog: PaperCatalog) => void;
}

export const catalogFile = (dataDir: string) => path.join(dataDir, 'corpus.db');
export const indexDir = (dataDir: string) => path.join(dataDir, 'index');

type LoadedStore = { store: HnswStore; unusable?: FootnoteError };

/** The saved index; a damaged one is replaced by an empty store that reconcile refills from the catalog. */
async function loadStore(options: OpenLibraryOptions, dir: string): Promise<LoadedStore> {
  const create = () => HnswStore.create(options.embeddings, options.hnsw);
  if (!HnswStore.exists(dir)) return { store: create() };
  try {
    return { store: await HnswStore.load(dir, options.embeddings) };
  } catch (error) {
    if (!isFootnoteError(error)) throw error;
    if (error.code === 'index:embedder_mismatch') {
      options.logger.warn({ dir, embedder: options.embeddings.info }, 'index built by another embedder; run `footnote index rebuild`');
      return { store: create(), unusable: error };
    }
    if (error.code !== 'index:corrupt') throw error;
    options.logger.warn({ dir, reason: error.detail?.reason }, 'vector index damaged; rebuilding it from the catalog');
    return { store: create() };
  }
}

/**
 * Opens the library in `dataDir`: the catalog, the vector index (repaired from the catalog when
 * an interrupted ingest left papers without vectors, or vectors without papers), and on first
 * run the seed papers. An index from another embedder opens in a state where only `rebuild()`,
 * metadata and lexical search work; dense search throws `index:embedder_mismatch`.
 */
export async function openLibrary(options: OpenLibraryOptions): Promise<Library> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  // A remote embedder learns its dimension from one request; the index check needs it first.
  await options.embeddings.ready?.();
  const catalog = PaperCatalog.open(catalogFile(options.dataDir));
  try {
    const dir = indexDir(options.dataDir);
    const loading = loadStore(options, dir);
    try {
      options.whileLoading?.(catalog);
    } catch (error) {
      options.logger.warn({ err: error }, 'start-up work beside the index load failed; it runs again when needed');
    }
    const { store, unusable } = await loading;
    const batchSize = options.batchSize ?? 512;
    const deps = {
      catalog, embeddings: options.embeddings, logger: options.logger, indexDir: dir, hnsw: options.hnsw ?? {},
      batchSize, saveIntervalMs: options.saveIntervalMs ?? 60_000, bulkLoadMinRows: options.bulkLoadMinRows ?? 5_000, now: options.now ?? (() => new Date()),
    };
    if (!unusable) {
      const repaired = await reconcileIndex(catalog, store, options.embeddings, batchSize, (missing) =>
        options.logger.info({ missing }, 'embedding papers the vector index lacks'),
      );
      if (repaired.embedded + repaired.removed > 0) {
        options.logger.info({ ...repaired }, 'vector index reconciled with the catalog');
        await store.save(dir);
        catalog.clearPending();
      }
    }
    const library = new CatalogLibrary(deps, store, unusable);
    if (options.seedFile && catalog.count() === 0 && !unusable) {
      const report = await library.ingest(loadPapers(options.seedFile));
      options.logger.info({ seedFile: options.seedFile, added: report.added }, 'seed papers indexed');
    }
    return library;
  } catch (error) {
    catalog.close();
    throw error;
  }
}
