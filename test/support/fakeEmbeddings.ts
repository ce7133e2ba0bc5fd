import { createHash } from 'node:crypto';
import type { EmbedderInfo, FootnoteEmbeddings } from '../../src/embeddings/types.js';

/** A deterministic bag-of-words embedder that counts its calls, so tests can assert "nothing re-embedded". */
export interface FakeEmbeddings extends FootnoteEmbeddings {
  /** Texts embedded by `embedDocuments` so far. */
  readonly documentsEmbedded: number;
  readonly queriesEmbedded: number;
}

function bucket(word: string, dimension: number): number {
  return createHash('md5').update(word).digest().readUInt32LE(0) % dimension;
}

function embedText(text: string, dimension: number): number[] {
  const vector = new Array<number>(dimension).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) vector[bucket(word, dimension)]! += 1;
  const norm = Math.hypot(...vector);
  // An empty text still needs a valid unit vector for cosine space.
  if (norm === 0) return vector.map((_, i) => (i === 0 ? 1 : 0));
  return vector.map((v) => v / norm);
}

/** Hashed bag of lowercase words, L2-normalised; `name` lets a test build a "different" embedder. */
export function createFakeEmbeddings(options: { name?: string; version?: string; dimension?: number } = {}): FakeEmbeddings {
  const info: EmbedderInfo = { name: options.name ?? 'test-hash', version: options.version ?? '1', dimension: options.dimension ?? 64 };
  let documentsEmbedded = 0;
  let queriesEmbedded = 0;
  return {
    info,
    get documentsEmbedded() {
      return documentsEmbedded;
    },
    get queriesEmbedded() {
      return queriesEmbedded;
    },
    async embedDocuments(texts: string[]) {
      documentsEmbedded += texts.length;
      return texts.map((t) => embedText(t, info.dimension));
    },
    async embedQuery(text: string) {
      queriesEmbedded += 1;
      return embedText(text, info.dimension);
    },
  };
}
