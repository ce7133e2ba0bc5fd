import type Database from 'better-sqlite3';
import { MemoryBm25 } from './MemoryBm25.js';

/** Rows per read: large enough to amortise the query, small enough to yield between pages. */
const PAGE = 500;

/** What the index was built from, so later catalog changes can be found by comparing. */
export interface IndexedRows {
  /** Paper id by index document number. */
  ids: string[];
  /** Index document number by catalog `seq`. */
  docs: number[];
  /** `content_hash` by `seq`: a changed hash means the paper's text changed. */
  hashes: string[];
}

export const noRows = (): IndexedRows => ({ ids: [], docs: [], hashes: [] });

export type IndexRow = { seq: number; id: string; title: string; abstract: string; hash: string };

export const ROW_COLUMNS = 'seq, id, title, abstract, content_hash AS hash';

/** Indexes a catalog row, replacing what the index held for its `seq`. */
export function addRow(index: MemoryBm25, rows: IndexedRows, row: IndexRow): void {
  removeRow(index, rows, row.seq);
  const doc = index.add(row.title, row.abstract);
  rows.ids[doc] = row.id;
  rows.docs[row.seq] = doc;
  rows.hashes[row.seq] = row.hash;
}

export function removeRow(index: MemoryBm25, rows: IndexedRows, seq: number): void {
  const doc = rows.docs[seq];
  if (doc === undefined) return;
  index.remove(doc);
  delete rows.ids[doc];
  delete rows.docs[seq];
  delete rows.hashes[seq];
}

/**
 * Indexes every paper of the catalog, yielding after each page: the in-process build runs one
 * page per event-loop turn so questions keep being answered meanwhile.
 */
export function* indexCatalog(db: Database.Database, index: MemoryBm25, rows: IndexedRows): Generator<void> {
  const page = db.prepare(`SELECT ${ROW_COLUMNS} FROM papers WHERE seq > ? ORDER BY seq LIMIT ?`);
  for (let last = 0; ; ) {
    const batch = page.all(last, PAGE) as IndexRow[];
    if (batch.length === 0) return;
    for (const row of batch) addRow(index, rows, row);
    last = (batch[batch.length - 1] as IndexRow).seq;
    yield;
  }
}

/** The whole catalog in one go (worker threads, small catalogs). */
export function buildLexicalIndex(db: Database.Database): { index: MemoryBm25; rows: IndexedRows } {
  const index = new MemoryBm25();
  const rows = noRows();
  for (const _ of indexCatalog(db, index, rows));
  return { index, rows };
}
