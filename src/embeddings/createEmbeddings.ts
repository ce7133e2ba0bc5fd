import type { Config } from '../config/index.js';
import { FootnoteError } from '../errors/index.js';
import { HashedEmbeddings } from './local/HashedEmbeddings.js';
import { createRemoteEmbeddings } from './remote/createRemoteEmbeddings.js';
import type { FootnoteEmbeddings } from './types.js';

/** What a remote provider may need beyond the config (an HTTP client, a logger); unused by `local`. */
export type EmbeddingsDeps = Record<string, unknown>;

/**
 * The embedder named by the config. `local` (the default) needs no network and no key; remote
 * providers are added here as further cases.
 */
export function createEmbeddings(config: Config['embeddings'], deps: EmbeddingsDeps = {}): FootnoteEmbeddings {
  void deps;
  switch (config.provider) {
    case 'local':
      return new HashedEmbeddings();
    case 'openai':
    case 'ollama':
      return createRemoteEmbeddings(config);
    default:
      throw new FootnoteError('config:invalid', `EMBEDDINGS=${config.provider} is not supported yet; use EMBEDDINGS=local`, {
        provider: config.provider,
      });
  }
}
