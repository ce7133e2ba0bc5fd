import { parentPort, workerData } from 'node:worker_threads';
import { HashedEmbeddings, type HashedEmbeddingsOptions } from './HashedEmbeddings.js';

/** A request from `WorkerEmbedder`: texts to embed under a request id. */
export interface EmbedRequest {
  id: number;
  texts: string[];
}

/** The vectors of one request, row after row in one transferred buffer (HNSW stores float32 anyway). */
export interface EmbedResponse {
  id: number;
  vectors?: Float32Array;
  error?: string;
}

// Runs only as a worker thread: the same embedder, so the vectors equal those made in-process.
const port = parentPort;
if (port) {
  const embedder = new HashedEmbeddings({ ...(workerData as HashedEmbeddingsOptions), worker: false });
  const dimension = embedder.info.dimension;
  port.on('message', ({ id, texts }: EmbedRequest) => {
    try {
      const vectors = new Float32Array(texts.length * dimension);
      texts.forEach((text, i) => embedder.embedInto(text, vectors, i * dimension));
      port.postMessage({ id, vectors } satisfies EmbedResponse, [vectors.buffer]);
    } catch (error) {
      port.postMessage({ id, error: String(error instanceof Error ? error.message : error) } satisfies EmbedResponse);
    }
  });
}
