import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EmbedRequest, EmbedResponse } from './embedWorker.js';

type Pending = { resolve(vectors: number[][]): void; reject(error: Error): void };

/** Compiled beside this file; absent when running from TypeScript sources (tests), where embedding stays in-process. */
const WORKER_FILE = fileURLToPath(new URL('./embedWorker.js', import.meta.url));

/**
 * Embeds document batches on a worker thread, so a large ingest uses the second core: the main
 * thread writes batch N to SQLite and HNSW while the worker embeds batch N+1. The worker starts on
 * the first batch (queries never pay for it) and holds the process open only while it has work.
 */
export class WorkerEmbedder {
  private worker: Worker | undefined;
  private failed = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly options: object, private readonly dimension: number) {}

  /** False when no compiled worker exists or it died; the caller then embeds in-process. */
  get available(): boolean {
    return !this.failed && existsSync(WORKER_FILE);
  }

  embed(texts: string[]): Promise<number[][]> {
    const worker = this.start();
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, texts } satisfies EmbedRequest);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_FILE, { workerData: this.options });
    worker.unref();
    worker.on('message', (message: EmbedResponse) => this.settle(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`embedding worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private settle({ id, vectors, error }: EmbedResponse): void {
    const request = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    if (!request) return;
    if (error !== undefined || !vectors) return request.reject(new Error(error ?? 'embedding worker sent no vectors'));
    const rows: number[][] = [];
    for (let at = 0; at < vectors.length; at += this.dimension) rows.push(Array.from(vectors.subarray(at, at + this.dimension)));
    request.resolve(rows);
  }

  private fail(error: Error): void {
    this.failed = true;
    this.worker = undefined;
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
  }
}
