import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { buildLexicalIndex, type IndexedRows } from './buildLexicalIndex.js';
import type { Bm25Snapshot } from './MemoryBm25.js';

/** What the worker sends back: the flattened index (its buffers transferred) and the rows it covers. */
export type LexicalWorkerResult = { snapshot: Bm25Snapshot; rows: IndexedRows } | { error: string };

// Runs only as a worker thread: reads the catalog on its own read-only connection (WAL lets it
// read beside the main thread) and hands the built index over without copying its arrays.
const port = parentPort;
if (port) {
  let db: Database.Database | undefined;
  try {
    db = new Database((workerData as { file: string }).file, { readonly: true });
    const { index, rows } = buildLexicalIndex(db);
    const snapshot = index.snapshot();
    const buffers = [snapshot.offsets, snapshot.docs, snapshot.title, snapshot.body, snapshot.lengths, snapshot.alive].map((a) => a.buffer as ArrayBuffer);
    port.postMessage({ snapshot, rows } satisfies LexicalWorkerResult, buffers);
  } catch (error) {
    port.postMessage({ error: String(error instanceof Error ? error.message : error) } satisfies LexicalWorkerResult);
  } finally {
    db?.close();
  }
}
