import { Embeddings, type EmbeddingsInterface } from '@langchain/core/embeddings';
import { FootnoteError } from '../../errors/index.js';
import type { EmbedderInfo, FootnoteEmbeddings } from '../types.js';
import { DEFAULT_RETRY, sleep, statusOf, withRetries, type RetryPolicy, type Sleep } from './retry.js';

export interface RemoteEmbeddingsOptions {
  /** e.g. `openai:text-embedding-3-small`. */
  name: string;
  /** Known in advance for common models; otherwise discovered from the first response. */
  dimension?: number;
  /** Texts per request. */
  batchSize?: number;
  retry?: RetryPolicy;
  /** Per-request deadline: a hung server must not hang an ingest. */
  timeoutMs?: number;
  sleep?: Sleep;
}

/**
 * A LangChain embeddings client (OpenAI-compatible or Ollama) made a FootnoteEmbeddings: batched,
 * retried with our own bounded policy, and checked so that every vector has the dimension the
 * index was built with.
 */
export class RemoteEmbeddings extends Embeddings implements FootnoteEmbeddings {
  private dimension: number | undefined;
  private client: Promise<EmbeddingsInterface> | undefined;

  /**
   * `loadClient` builds the LangChain client on first use: the provider SDKs take seconds to
   * import, and a start with `EMBEDDINGS=local` should never pay for them.
   */
  constructor(private readonly loadClient: () => Promise<EmbeddingsInterface>, private readonly options: RemoteEmbeddingsOptions) {
    super({ maxRetries: 0 });
    this.dimension = options.dimension;
  }

  private inner(): Promise<EmbeddingsInterface> {
    this.client ??= this.loadClient();
    return this.client;
  }

  /** The dimension is 0 until known: call `ready()` before trusting it. */
  get info(): EmbedderInfo {
    return { name: this.options.name, version: '1', dimension: this.dimension ?? 0 };
  }

  /** Discovers the dimension with one request when it is not known in advance. */
  async ready(): Promise<EmbedderInfo> {
    if (this.dimension === undefined) await this.embedQuery('dimension probe');
    return this.info;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const size = this.options.batchSize ?? 64;
    const out: number[][] = [];
    for (let start = 0; start < texts.length; start += size) {
      const batch = texts.slice(start, start + size);
      out.push(...this.checked(await this.call(async () => (await this.inner()).embedDocuments(batch)), batch.length));
    }
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = this.checked([await this.call(async () => (await this.inner()).embedQuery(text))], 1);
    return vector as number[];
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs ?? 60_000);
    try {
      const { value } = await withRetries(() => raceAbort(request(), deadline), this.options.retry ?? DEFAULT_RETRY, deadline, this.options.sleep ?? sleep);
      return value;
    } catch (error) {
      if (error instanceof FootnoteError) throw error;
      const attempts = (error as { attempts?: number }).attempts;
      throw new FootnoteError('embeddings:unavailable', `${this.options.name} failed after ${attempts ?? 1} attempt(s): ${(error as Error).message}`, { status: statusOf(error), attempts }, { cause: error });
    }
  }

  private checked(vectors: number[][], expected: number): number[][] {
    if (vectors.length !== expected) {
      throw new FootnoteError('embeddings:unavailable', `${this.options.name} returned ${vectors.length} vectors for ${expected} texts`);
    }
    for (const vector of vectors) {
      this.dimension ??= vector.length;
      if (vector.length !== this.dimension || vector.length === 0) {
        throw new FootnoteError(
          'embeddings:dimension_mismatch',
          `${this.options.name} returned ${vector.length}-dimensional vectors, expected ${this.dimension}. If the model changed, run \`footnote index rebuild\`.`,
          { got: vector.length, expected: this.dimension },
        );
      }
    }
    return vectors;
  }
}

/** The LangChain clients take no signal for embeddings; the deadline still ends the wait. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
