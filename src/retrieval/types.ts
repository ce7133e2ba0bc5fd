import type { Paper } from '../corpus/Paper.js';

/** One retrieved paper with the evidence of how it ranked. */
export interface RankedPaper {
  paper: Paper;
  /** The fused score used for ranking (higher is better). */
  score: number;
  /** BM25 score from the lexical leg, when that leg found it. */
  lexicalScore?: number;
  /** Cosine similarity from the dense leg, when that leg found it. */
  similarity?: number;
  /** Why it is here when not by content: `author`, `title`, `year`, `venue`. */
  matchedBy?: 'content' | 'author' | 'title' | 'year' | 'id' | 'venue';
}

export type RetrievalMode = 'hybrid' | 'lexical' | 'dense';

export interface RetrieveOptions {
  k?: number;
  mode?: RetrievalMode;
}

/** Ranks papers for a question: the one retrieval entry point the Assistant uses. */
export interface Retriever {
  retrieve(query: string, options?: RetrieveOptions): Promise<RankedPaper[]>;
}
