import { scoreRun, type Qrels, type Run } from '../../src/eval/irMetrics.js';
import { fuse, type FusionOptions } from '../../src/retrieval/fuse.js';
import { headEvidence } from '../../src/retrieval/headEvidence.js';
import { rerankHead, type RerankOptions, type RerankWeights } from '../../src/retrieval/rerankHead.js';
import type { Library } from '../../src/store/Library.js';

/** One query's content legs (run once) and the evidence of its fused head. */
export interface SweepLegs {
  id: string;
  lexical: Array<{ id: string; score: number }>;
  dense: Array<{ id: string; similarity: number }>;
}

const GRID = { title: [0, 0.05, 0.1, 0.2], sentence: [0, 0.1, 0.2], pairs: [0, 0.05, 0.1], feedback: [0, 0.1, 0.2, 0.3] };

function* weightGrid(): Generator<RerankWeights> {
  for (const title of GRID.title) for (const sentence of GRID.sentence) for (const pairs of GRID.pairs) for (const feedback of GRID.feedback) yield { title, sentence, pairs, feedback };
}

/**
 * Sweeps the head-rescoring weights over the training claims for one fusion setting: the fused
 * head and its evidence are computed once per claim, so each setting only re-sorts the head.
 * `costMs` is what reading the evidence and rescoring adds to one query (p50, p90).
 */
export function sweepRerank(
  library: Library,
  queries: ReadonlyArray<{ id: string; text: string }>,
  legs: SweepLegs[],
  qrels: Qrels,
  fusion: FusionOptions,
  head: Pick<RerankOptions, 'depth' | 'feedbackDocs'>,
) {
  const text = new Map(queries.map((q) => [q.id, q.text]));
  const times: number[] = [];
  const prepared = legs.map((l) => {
    const fused = fuse(l.lexical, l.dense, fusion);
    const started = performance.now();
    const evidence = headEvidence(library, text.get(l.id) ?? '', fused, l.lexical, head);
    rerankHead(fused, evidence, { title: 0.1, sentence: 0.1, pairs: 0.1, feedback: 0.1 });
    times.push(performance.now() - started);
    return { id: l.id, fused, evidence };
  });
  times.sort((a, b) => a - b);
  const costMs = { p50: times[Math.floor(times.length / 2)] ?? Number.NaN, p90: times[Math.floor(times.length * 0.9)] ?? Number.NaN };
  const scored = [...weightGrid()].map((weights) => {
    const run: Run = new Map(prepared.map((p) => [p.id, rerankHead(p.fused, p.evidence, weights).map((h) => h.id)]));
    return { weights, ...scoreRun(run, qrels, 10, 100) };
  });
  return { scored: scored.sort((a, b) => b.ndcg - a.ndcg), costMs };
}

export const describeWeights = (w: RerankWeights) => `title=${w.title} sentence=${w.sentence} pairs=${w.pairs} feedback=${w.feedback}`;
