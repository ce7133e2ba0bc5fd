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
  now(): Date;
}

export function emptyReport(): IngestReport {
  return { added: 0, updated: 0, unchanged: 0, duplicates: 0, rejected: [] };
}

/**
 * One batch: classify → embed only new or changed texts → one SQLite transaction → vectors into
 * the in-memory index. Embedding comes first so a failing embedder leaves nothing written.
 */
async function writeBatch(target: IngestTarget, batch: readonly Paper[], report: IngestReport): Promise<boolean> {
  const entries = classifyBatch(target.catalog, batch, report);
  if (entries.length === 0) return false;
  const toEmbed = entries.filter((e) => e.reembed).map((e) => e.paper);
  const vectors = await embedPapers(target.embeddings, toEmbed);
  target.catalog.writeBatch(entries, target.now().toISOString());
  await putVectors(target.store, toEmbed, vectors);
  return toEmbed.length > 0;
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
  const report = emptyReport();
  let batch: Paper[] = [];
  let processed = 0;
  let unsaved = false;
  let lastSave = target.now().getTime();
  const flush = async () => {
    unsaved = (await writeBatch(target, batch, report)) || unsaved;
    processed += batch.length;
    batch = [];
    options.onProgress?.(processed);
    if (unsaved && target.now().getTime() - lastSave >= target.saveIntervalMs) {
      await target.saveIndex();
      unsaved = false;
      lastSave = target.now().getTime();
    }
  };
  try {
    for await (const item of items) {
      if (isRejectedLine(item)) {
        report.rejected.push(item);
        options.onRejected?.(item);
        processed += 1;
        continue;
      }
      batch.push(item);
      if (batch.length >= target.batchSize) await flush();
      if (options.signal?.aborted) break;
    }
    if (batch.length > 0) await flush();
  } finally {
    if (unsaved) await target.saveIndex();
  }
  if (options.signal?.aborted) report.interrupted = true;
  return report;
}
