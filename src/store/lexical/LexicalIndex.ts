import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { addRow, buildLexicalIndex, indexCatalog, noRows, removeRow, ROW_COLUMNS, type IndexedRows, type IndexRow } from './buildLexicalIndex.js';
import { lexicalTerms } from './lexicalTerms.js';
import type { LexicalWorkerResult } from './lexicalWorker.js';
import { DEFAULT_BM25, MemoryBm25, type Bm25Params } from './MemoryBm25.js';

export interface LexicalIndexOptions {
  bm25?: Partial<Bm25Params>;
  /** Catalogs smaller than this are indexed on the first question, in one go (5k papers: ~0.3 s). */
  buildInlineBelow?: number;
}

/** Compiled beside this file; absent when running from TypeScript sources (tests), where the build runs in-process. */
const WORKER_FILE = fileURLToPath(new URL('./lexicalWorker.js', import.meta.url));

type Built = { index: MemoryBm25; rows: IndexedRows };

/** What the index asks of its catalog: when it changed, and how large it is (both cached there). */
export interface CatalogState {
  generation(): string;
  count(): number;
}

/**
 * The in-memory BM25 index over a catalog, built on first use and kept in step with it. A large
 * catalog is indexed on a worker thread (or, without one, a page per event-loop turn); until it
 * is ready `search` returns undefined and the caller asks FTS5. Catalog changes, from this
 * process or another, are found by the catalog's generation and applied before the next search.
 */
export class LexicalIndex {
  private built: Built | undefined;
  private building: Promise<void> | undefined;
  private worker: Worker | undefined;
  private closed = false;
  private stamp = '';
  private readonly params: Bm25Params;
  private readonly statements;

  constructor(private readonly db: Database.Database, private readonly catalog: CatalogState, private readonly options: LexicalIndexOptions = {}) {
    this.params = { ...DEFAULT_BM25, ...options.bm25 };
    this.statements = {
      hashes: db.prepare('SELECT seq, content_hash FROM papers').raw(),
      row: db.prepare(`SELECT ${ROW_COLUMNS} FROM papers WHERE seq = ?`),
    };
  }

  /** Best first; undefined while a large catalog is still being indexed. */
  search(query: string, k: number): Array<{ id: string; score: number }> | undefined {
    const built = this.current();
    if (!built) return undefined;
    return built.index.search(lexicalTerms(query), k, this.params).map((h) => ({ id: built.rows.ids[h.doc] as string, score: h.score }));
  }

  /** Resolves once the index is built (benchmarks wait for it before timing). */
  async ready(): Promise<void> {
    this.current();
    // Someone waits for the build now: the worker must keep the process alive until it is done.
    this.worker?.ref();
    await this.building;
  }

  /** Stops a build in progress (the catalog is closing); searches then get undefined. */
  close(): void {
    this.closed = true;
    void this.worker?.terminate();
    this.built = undefined;
  }

  private current(): Built | undefined {
    if (this.closed) return undefined;
    if (!this.built) {
      this.start();
      if (!this.built) return undefined;
    }
    const stamp = this.catalog.generation();
    if (stamp !== this.stamp) this.sync(this.built, stamp);
    return this.built;
  }

  private start(): void {
    if (this.building) return;
    const stamp = this.catalog.generation();
    const finish = (built: Built) => {
      if (this.closed) return;
      this.built = built;
      this.stamp = stamp;
    };
    if (this.catalog.count() < (this.options.buildInlineBelow ?? 5_000)) return finish(buildLexicalIndex(this.db));
    this.building = (this.workerFile() ? this.buildOnWorker(this.workerFile() as string) : this.buildInTurns())
      .then(finish)
      // A failed build leaves FTS5 answering; the next question tries again.
      .catch(() => undefined)
      .finally(() => {
        this.building = undefined;
        this.worker = undefined;
      });
  }

  private workerFile(): string | undefined {
    return !this.db.memory && existsSync(WORKER_FILE) ? WORKER_FILE : undefined;
  }

  private async buildInTurns(): Promise<Built> {
    const built = { index: new MemoryBm25(), rows: noRows() };
    for (const _ of indexCatalog(this.db, built.index, built.rows)) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.closed) throw new Error('catalog closed');
    }
    return built;
  }

  private buildOnWorker(file: string): Promise<Built> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(file, { workerData: { file: this.db.name } });
      this.worker = worker;
      worker.once('message', (result: LexicalWorkerResult) => {
        if ('error' in result) return reject(new Error(result.error));
        resolve({ index: MemoryBm25.fromSnapshot(result.snapshot), rows: result.rows });
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`lexical index worker exited with code ${code}`)));
      // The build is an optimisation: it must not keep a one-shot command alive. (After the
      // listeners: adding a 'message' listener refs the worker again.)
      worker.unref();
    });
  }

  /** Applies what changed since the index last looked: new, changed and removed papers. */
  private sync(built: Built, stamp: string): void {
    this.stamp = stamp;
    const seen = new Set<number>();
    for (const [seq, hash] of this.statements.hashes.all() as Array<[number, string]>) {
      seen.add(seq);
      if (built.rows.hashes[seq] === hash) continue;
      const row = this.statements.row.get(seq) as IndexRow | undefined;
      if (row) addRow(built.index, built.rows, row);
    }
    built.rows.hashes.forEach((_, seq) => {
      if (!seen.has(seq)) removeRow(built.index, built.rows, seq);
    });
    // Removed papers' postings are skipped, not freed: past a quarter of the index, start afresh.
    if (built.index.removed > built.index.size / 4) {
      this.built = undefined;
      this.start();
    }
  }
}
