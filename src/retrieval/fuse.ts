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

export type FusionMethod = 'rrf' | 'max-norm';

export interface FusionOptions {
  method: FusionMethod;
  /** Weight of the lexical leg; the dense leg gets `1 - lexicalWeight`. */
  lexicalWeight: number;
  /** RRF's rank offset: larger flattens the difference between ranks. */
  rrfK: number;
}

export const DEFAULT_FUSION: FusionOptions = { method: 'max-norm', lexicalWeight: 0.5, rrfK: 20 };

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
  const wl = lexical.length ? (dense.length ? options.lexicalWeight : 1) : 0;
  const wd = dense.length ? 1 - wl : 0;
  const maxLex = Math.max(1e-9, ...lexical.map((l) => l.score));
  const maxSim = Math.max(1e-9, ...dense.map((d) => d.similarity));
  const rrf = (rank: number) => (options.rrfK + 1) / (options.rrfK + rank + 1);
  lexical.forEach((l, rank) => {
    const h = hit(l.id);
    h.lexicalScore = l.score;
    h.score += wl * (options.method === 'rrf' ? rrf(rank) : l.score / maxLex);
  });
  dense.forEach((d, rank) => {
    const h = hit(d.id);
    h.similarity = d.similarity;
    h.score += wd * (options.method === 'rrf' ? rrf(rank) : Math.max(0, d.similarity) / maxSim);
  });
  return [...hits.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
