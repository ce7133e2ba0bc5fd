import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HashedEmbeddings } from '../../src/embeddings/local/HashedEmbeddings.js';
import type { FootnoteEmbeddings } from '../../src/embeddings/types.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Library } from '../../src/store/Library.js';
import { openLibrary } from '../../src/store/openLibrary.js';

export const SEEDS_FILE = fileURLToPath(new URL('../../seeds/papers.jsonl', import.meta.url));
export const QUESTIONS_FILE = fileURLToPath(new URL('../fixtures/questions.jsonl', import.meta.url));

/** A real Library over the ten seed papers in a fresh temp dir (the real local embedder unless told otherwise). */
export async function openSeededLibrary(embeddings: FootnoteEmbeddings = new HashedEmbeddings()): Promise<{ library: Library; cleanup(): void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-seeded-'));
  const library = await openLibrary({ dataDir, embeddings, logger: createLogger({ level: 'silent' }), seedFile: SEEDS_FILE });
  return {
    library,
    cleanup() {
      library.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
