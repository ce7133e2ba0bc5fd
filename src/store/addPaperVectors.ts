import { embeddingText } from '../corpus/normalise.js';
import type { FootnoteEmbeddings } from '../embeddings/types.js';
import type { HnswStore } from './HnswStore.js';

/** The fields a vector is made from. */
export type EmbeddablePaper = { id: string; title: string; abstract: string };

export async function embedPapers(embeddings: FootnoteEmbeddings, papers: readonly EmbeddablePaper[]): Promise<number[][]> {
  return papers.length === 0 ? [] : embeddings.embedDocuments(papers.map(embeddingText));
}

/** The index holds only ids: the catalog keeps the text, so 75k abstracts are never stored twice. */
export async function putVectors(store: HnswStore, papers: readonly EmbeddablePaper[], vectors: number[][]): Promise<void> {
  if (papers.length === 0) return;
  const ids = papers.map((p) => p.id);
  await store.addVectors(vectors, ids.map((id) => ({ pageContent: '', metadata: { id } })), { ids });
}

/** Embeds `title + "\n" + abstract` for each paper and adds (or replaces) its vector. */
export async function addPaperVectors(store: HnswStore, embeddings: FootnoteEmbeddings, papers: readonly EmbeddablePaper[]): Promise<void> {
  await putVectors(store, papers, await embedPapers(embeddings, papers));
}
