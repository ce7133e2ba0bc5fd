import { fileURLToPath } from 'node:url';
import type { Config } from './config/index.js';
import type { Logger } from './logging/logger.js';
import type { Assistant } from './answer/Assistant.js';
import { corpusTermsFor, type CorpusTerms } from './answer/CorpusTerms.js';
import { createExtractiveAnswerer } from './answer/ExtractiveAnswerer.js';
import { FootnoteAssistant } from './answer/FootnoteAssistant.js';
import type { LlmServices } from './answer/llm/createLlmAnswerer.js';
import { foldHistoryCondenser } from './answer/QueryCondenser.js';
import { createEmbeddings } from './embeddings/createEmbeddings.js';
import { createRetriever } from './retrieval/createRetriever.js';
import type { Library } from './store/Library.js';
import { openLibrary } from './store/openLibrary.js';

/** The ten papers a fresh data directory starts with. */
export const SEED_FILE = fileURLToPath(new URL('../seeds/papers.jsonl', import.meta.url));

/** The wired services: what every edge (CLI, Discord bot, tests) works with. */
export interface App {
  config: Config;
  logger: Logger;
  library: Library;
  assistant: Assistant;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** Ingested when the catalog is empty; `null` starts with an empty library. */
  seedFile?: string | null;
}

/**
 * The answerer, follow-up condenser and paper summarizer. LLM clients are loaded only when
 * configured, so the offline default starts fast.
 */
async function createAnswerer(config: Config, logger: Logger, library: Library, corpus: CorpusTerms): Promise<LlmServices> {
  const extractive = createExtractiveAnswerer(library, corpus);
  if (config.llm.provider === 'none') return { answerer: extractive, condenser: foldHistoryCondenser };
  const { createLlmServices } = await import('./answer/llm/createLlmAnswerer.js');
  return createLlmServices(config.llm, { extractive, logger });
}

/** The composition root: config → logger → stores → services. Edges are started by their own entry points. */
export async function createApp(config: Config, logger: Logger, options: CreateAppOptions = {}): Promise<App> {
  const embeddings = createEmbeddings(config.embeddings);
  let corpus: CorpusTerms | undefined;
  const library = await openLibrary({
    dataDir: config.dataDir,
    embeddings,
    logger: logger.child({ component: 'library' }),
    seedFile: options.seedFile === null ? undefined : (options.seedFile ?? SEED_FILE),
    // The answerer's corpus statistics (and the NLP model they load) take ~0.5 s at 75k papers: done while the vectors load.
    whileLoading: (catalog) => (corpus = corpusTermsFor(catalog)).warm(),
  });
  try {
    corpus ??= corpusTermsFor(library);
    const retriever = createRetriever(library);
    const llm = await createAnswerer(config, logger, library, corpus);
    const assistant = new FootnoteAssistant({ library, retriever, corpus, ...llm, logger: logger.child({ component: 'assistant' }) });
    return {
      config,
      logger,
      library,
      assistant,
      async close() {
        library.close();
      },
    };
  } catch (error) {
    library.close();
    throw error;
  }
}
