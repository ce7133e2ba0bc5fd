import type { Paper, RejectedLine } from '../corpus/Paper.js';
import { isRejectedLine } from '../corpus/validatePaper.js';
import type { FootnoteEmbeddings } from '../embeddings/types.js';
import { embedPapers, putVectors } from './addPaperVectors.js';
import { classifyBatch } from './classifyBatch.js';
import type { HnswStore } from './HnswStore.js';
import type { IngestOptions, IngestReport } from './Library.js';
import type { PaperCatalog } from './PaperCatalog.js';

/** What an ingest run works with; `saveIndex` writes the HNSW index and clears the pending marks. */
export interface IngestTarget {
  catalog: PaperCatalog;
  store: HnswStore;
  embeddings: FootnoteEmbeddings;
  saveIndex(): Promise<void>;
  batchSize: number;
  /** Saving a large index costs a second or more, so it is saved at most this often (and at the end). */
  saveIntervalMs: number;
  /** A run that adds at least this many rows (and at least as many as the catalog held) loads in bulk; into a catalog smaller than one batch, any run longer than a batch does. */
  bulkLoadMinRows: number;
  now(): Date;
}

export function emptyReport(): IngestReport {
  return { added: 0, updated: 0, unchanged: 0, duplicates: 0, rejected: [] };
}

/** A committed batch's vectors, put into the index while the next batch is embedded. */
type Staged = { papers: Paper[]; vectors: number[][] };

/** One ingest run's state: the open batch, counts, and when the index was last saved. */
class IngestRun {
  readonly report = emptyReport();
  private batch: Paper[] = [];
  private staged: Staged | undefined;
  private processed = 0;
  private unsaved = false;
  private bulk = false;
  private lastSave: number;
  /** A run that grows the catalog by this much switches to bulk loading. */
  private readonly bulkAfter: number;

  constructor(private readonly target: IngestTarget, private readonly options: IngestOptions) {
    this.lastSave = target.now().getTime();
    const held = target.catalog.count();
    // Rebuilding a near-empty catalog's indexes costs nothing, so a run into one goes bulk after its
    // first full batch instead of paying index and full-text upkeep row by row for thousands of rows.
    this.bulkAfter = held < target.batchSize ? target.batchSize : Math.max(target.bulkLoadMinRows, held);
  }

  async add(item: Paper | RejectedLine): Promise<void> {
    if (isRejectedLine(item)) {
      this.report.rejected.push(item);
      this.options.onRejected?.(item);
      this.processed += 1;
      return;
    }
    this.batch.push(item);
    if (this.batch.length >= this.target.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    await this.writeBatch(this.batch);
    this.processed += this.batch.length;
    this.batch = [];
    this.options.onProgress?.(this.processed);
    if (!this.bulk && this.report.added + this.report.updated >= this.bulkAfter) {
      this.target.catalog.beginBulkLoad();
      this.bulk = true;
    }
    if (this.unsaved && this.target.now().getTime() - this.lastSave >= this.target.saveIntervalMs) await this.save();
  }

  /** Runs on success and failure alike: what was committed gets its indexes and its saved vectors. */
  async finish(): Promise<void> {
    if (this.bulk) this.target.catalog.endBulkLoad();
    if (this.unsaved) await this.save();
  }

  /**
   * classify → embed only new or changed texts → one SQLite transaction. Embedding comes first so
   * a failing embedder leaves nothing written; the embedder's worker embeds this batch while this
   * thread puts the previous batch's vectors into the index (about a third off a large ingest).
   */
  private async writeBatch(batch: readonly Paper[]): Promise<void> {
    const { target } = this;
    const entries = classifyBatch(target.catalog, batch, this.report);
    if (entries.length === 0) return;
    const toEmbed = entries.filter((e) => e.reembed).map((e) => e.paper);
    const [vectors] = await Promise.all([embedPapers(target.embeddings, toEmbed), this.putStaged()]);
    target.catalog.writeBatch(entries, target.now().toISOString());
    if (toEmbed.length === 0) return;
    this.staged = { papers: toEmbed, vectors };
    this.unsaved = true;
  }

  private async putStaged(): Promise<void> {
    const staged = this.staged;
    this.staged = undefined;
    if (staged) await putVectors(this.target.store, staged.papers, staged.vectors);
  }

  private async save(): Promise<void> {
    await this.putStaged();
    await this.target.saveIndex();
    this.unsaved = false;
    this.lastSave = this.target.now().getTime();
  }
}

/**
 * Streams records into the library in batches. Committed batches survive a crash: their rows stay
 * marked pending until the index is saved, and the next open re-embeds them. An abort stops after
 * the current batch and still saves.
 */
export async function ingestPapers(
  target: IngestTarget,
  items: AsyncIterable<Paper | RejectedLine> | Iterable<Paper | RejectedLine>,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const run = new IngestRun(target, options);
  try {
    for await (const item of items) {
      await run.add(item);
      if (options.signal?.aborted) break;
    }
    await run.flush();
  } finally {
    await run.finish();
  }
  if (options.signal?.aborted) run.report.interrupted = true;
  return run.report;
}
