import type { Library } from '../store/Library.js';
import { expandQuery } from './expandQuery.js';
import { fuse, type FusionOptions, type LegHit } from './fuse.js';
import { headEvidence } from './headEvidence.js';
import { rerankHead, type RerankOptions } from './rerankHead.js';
import type { RetrievalMode } from './types.js';

export interface ContentSearchOptions {
  mode: RetrievalMode;
  /** How many papers each leg returns before fusion. */
  depth: number;
  fusion: FusionOptions;
  /** Synonyms added to the lexical query (0 = none). */
  synonymsPerConcept: number;
  /** Rescoring of the fused head in hybrid mode (`depth: 0` turns it off). */
  rerank?: RerankOptions;
}

/**
 * The content legs of one question, fused: the lexical leg (BM25), the dense leg (HNSW), or both.
 * In hybrid mode the head of the fused list is then rescored by closer lexical evidence.
 */
export async function searchContent(library: Library, query: string, options: ContentSearchOptions): Promise<LegHit[]> {
  const { mode, depth } = options;
  const lexicalQuery = options.synonymsPerConcept > 0 ? expandQuery(query, options.synonymsPerConcept) : query;
  const lexical = mode === 'dense' ? [] : library.lexicalSearch(lexicalQuery, depth);
  const dense = mode === 'lexical' || !/[\p{L}\p{N}]/u.test(query) ? [] : await library.denseSearch(query, depth);
  const fused = fuse(lexical, dense, options.fusion);
  const rerank = options.rerank;
  if (mode !== 'hybrid' || !rerank || rerank.depth <= 0) return fused;
  return rerankHead(fused, headEvidence(library, query, fused, lexical, rerank), rerank.weights);
}
