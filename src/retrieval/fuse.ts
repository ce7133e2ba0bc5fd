/** One paper as the content legs saw it. */
export interface LegHit {
  id: string;
  /** BM25 from the lexical leg. */
  lexicalScore?: number;
  /** Cosine similarity from the dense leg. */
  similarity?: number;
  /** The fused score, in [0, 1]. */
  score: number;
}

export type FusionMethod = 'rrf' | 'max-norm' | 'saturate';

export interface FusionOptions {
  method: FusionMethod;
  /** Weight of the lexical leg; the dense leg gets `1 - lexicalWeight`. */
  lexicalWeight: number;
  /** RRF's rank offset: larger flattens the difference between ranks. */
  rrfK: number;
  /** `saturate`: the BM25 score that maps to 0.5. */
  bm25Half: number;
  /** `saturate`: the cosine similarity that maps to 1 (higher is capped). */
  similarityFull: number;
}

/** Chosen on SciFact train (bench/scifact.ts): BM25 leads; the hashed dense leg breaks ties and adds recall. */
export const DEFAULT_FUSION: FusionOptions = { method: 'saturate', lexicalWeight: 0.9, rrfK: 20, bm25Half: 32, similarityFull: 0.8 };

/**
 * Fuses the legs. `max-norm` scales each leg by its best score for this query (BM25 has no fixed
 * range) and adds them by weight; `rrf` adds weighted reciprocal ranks. Either way the result is
 * in [0, 1], with 1 for a paper both legs rank first.
 */
export function fuse(
  lexical: Array<{ id: string; score: number }>,
  dense: Array<{ id: string; similarity: number }>,
  options: FusionOptions = DEFAULT_FUSION,
): LegHit[] {
  const hits = new Map<string, LegHit>();
  const hit = (id: string) => hits.get(id) ?? (hits.set(id, { id, score: 0 }).get(id) as LegHit);
  const absolute = options.method === 'saturate';
  // Relative methods give a lone leg all the weight; `saturate` keeps weights fixed, so a question
  // only one leg answers scores lower, and scores compare across questions.
  let wl = options.lexicalWeight;
  if (!absolute && !dense.length) wl = 1;
  if (!absolute && !lexical.length) wl = 0;
  const wd = 1 - wl;
  const maxLex = Math.max(1e-9, ...lexical.map((l) => l.score));
  const maxSim = Math.max(1e-9, ...dense.map((d) => d.similarity));
  const rrf = (rank: number) => (options.rrfK + 1) / (options.rrfK + rank + 1);
  lexical.forEach((l, rank) => {
    const h = hit(l.id);
    h.lexicalScore = l.score;
    const value = options.method === 'rrf' ? rrf(rank) : absolute ? l.score / (l.score + options.bm25Half) : l.score / maxLex;
    h.score += wl * value;
  });
  dense.forEach((d, rank) => {
    const h = hit(d.id);
    h.similarity = d.similarity;
    const sim = Math.max(0, d.similarity);
    const value = options.method === 'rrf' ? rrf(rank) : absolute ? Math.min(1, sim / options.similarityFull) : sim / maxSim;
    h.score += wd * value;
  });
  return [...hits.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
