import type { Config } from '../../config/index.js';
import { FootnoteError } from '../../errors/index.js';
import { RemoteEmbeddings, type RemoteEmbeddingsOptions } from './RemoteEmbeddings.js';

export const DEFAULT_EMBEDDING_MODELS = { openai: 'text-embedding-3-small', ollama: 'nomic-embed-text' } as const;

/** Dimensions of common models, so an index can be checked before the first request. */
const KNOWN_DIMENSIONS: Record<string, number> = {
  'openai:text-embedding-3-small': 1536,
  'openai:text-embedding-3-large': 3072,
  'openai:text-embedding-ada-002': 1536,
  'ollama:nomic-embed-text': 768,
  'ollama:mxbai-embed-large': 1024,
  'ollama:all-minilm': 384,
};

const BATCH_SIZE = 64;

/**
 * `EMBEDDINGS=openai` (any OpenAI-compatible `/v1/embeddings`) or `EMBEDDINGS=ollama`. Client
 * retries are off; RemoteEmbeddings retries with its own bounded policy.
 */
export function createRemoteEmbeddings(config: Config['embeddings'], overrides: Partial<RemoteEmbeddingsOptions> = {}): RemoteEmbeddings {
  if (config.provider === 'local') throw new FootnoteError('config:invalid', 'EMBEDDINGS=local is not a remote provider');
  const model = config.model ?? DEFAULT_EMBEDDING_MODELS[config.provider];
  const name = `${config.provider}:${model}`;
  const options = { name, dimension: KNOWN_DIMENSIONS[name], batchSize: BATCH_SIZE, ...overrides };
  if (config.provider === 'ollama') {
    const baseUrl = config.baseUrl ?? 'http://127.0.0.1:11434';
    return new RemoteEmbeddings(async () => new (await import('@langchain/ollama')).OllamaEmbeddings({ model, baseUrl, maxRetries: 0 }), options);
  }
  if (!config.apiKey && !config.baseUrl) {
    throw new FootnoteError('config:invalid', 'EMBEDDINGS=openai needs OPENAI_API_KEY, or EMBEDDINGS_BASE_URL for a local OpenAI-compatible server');
  }
  const fields = {
    model,
    apiKey: config.apiKey ?? 'not-needed',
    // Explicit, so OPENAI_API_BASE in the environment cannot redirect the requests.
    configuration: { baseURL: config.baseUrl ?? 'https://api.openai.com/v1' },
    batchSize: options.batchSize,
    maxRetries: 0,
  };
  return new RemoteEmbeddings(async () => new (await import('@langchain/openai')).OpenAIEmbeddings(fields), options);
}
