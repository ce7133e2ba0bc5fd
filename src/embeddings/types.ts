import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/** Who made a set of vectors: an index records it and refuses vectors from anyone else. */
export interface EmbedderInfo {
  /** e.g. `local-hybrid`, `openai:text-embedding-3-small`, `ollama:nomic-embed-text`. */
  name: string;
  version: string;
  dimension: number;
}

/** A LangChain embeddings object that can say who it is. */
export interface FootnoteEmbeddings extends EmbeddingsInterface {
  readonly info: EmbedderInfo;
  /**
   * Resolves `info` when it is not known up front (a remote embedder learns its dimension from
   * one request). Call it before opening an index with a fresh embedder.
   */
  ready?(): Promise<EmbedderInfo>;
}

export function sameEmbedder(a: EmbedderInfo, b: EmbedderInfo): boolean {
  return a.name === b.name && a.version === b.version && a.dimension === b.dimension;
}
