import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createExtractiveAnswerer } from '../../src/answer/ExtractiveAnswerer.js';
import { FootnoteAssistant } from '../../src/answer/FootnoteAssistant.js';
import { createEmbeddings } from '../../src/embeddings/createEmbeddings.js';
import { createRetriever } from '../../src/retrieval/createRetriever.js';
import type { Library } from '../../src/store/Library.js';
import { openLibrary } from '../../src/store/openLibrary.js';

const SEEDS = path.join(path.dirname(new URL(import.meta.url).pathname), '../../seeds/papers.jsonl');

export interface SeedAssistant {
  assistant: FootnoteAssistant;
  library: Library;
  close(): void;
}

/**
 * The real default pipeline over the ten seed papers: a catalog and HNSW index in a temp dir,
 * the offline embedder, hybrid retrieval and the extractive answerer.
 */
export async function openSeedAssistant(options: { seedFile?: string } = {}): Promise<SeedAssistant> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'footnote-answer-'));
  const logger = pino({ level: 'silent' });
  const library = await openLibrary({ dataDir, embeddings: createEmbeddings({ provider: 'local' }), logger, seedFile: options.seedFile ?? SEEDS });
  const assistant = new FootnoteAssistant({ library, retriever: createRetriever(library), answerer: createExtractiveAnswerer(library), logger });
  return {
    assistant,
    library,
    close() {
      library.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
