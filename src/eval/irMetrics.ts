/**
 * Standard IR figures over BEIR qrels, computed as `pytrec_eval` (and so BEIR's published tables)
 * computes them: graded gains, log2 discount, ideal ranking from the judged documents only.
 */

/** query id → document id → graded relevance (BEIR `qrels/*.tsv`; 0 means judged not relevant). */
export type Qrels = Map<string, Map<string, number>>;

/** query id → documents best first (a run; scores are not needed once ranked). */
export type Run = Map<string, readonly string[]>;

/**
 * Parses a BEIR qrels file: an optional `query-id corpus-id score` header, then one tab-separated judgement
 * per line. Blank lines are skipped; a malformed line throws with its line number.
 */
export function parseQrels(text: string): Qrels {
  const qrels: Qrels = new Map();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const [query, doc, score] = line.split('\t');
    const gain = Number(score);
    // The header (`query-id corpus-id score`) is the first line whose score is not a number.
    if (i === 0 && score !== undefined && !Number.isFinite(gain)) return;
    if (!query || !doc || score === undefined || !Number.isFinite(gain)) throw new Error(`qrels line ${i + 1}: expected "query<TAB>doc<TAB>score"`);
    const judged = qrels.get(query) ?? qrels.set(query, new Map()).get(query)!;
    judged.set(doc, gain);
  });
  return qrels;
}

/** nDCG@k of one ranking: DCG with gain `rel` and discount `1/log2(rank+1)`, over the ideal DCG. */
export function ndcgAt(ranked: readonly string[], judged: ReadonlyMap<string, number>, k: number): number {
  const discount = (i: number) => 1 / Math.log2(i + 2);
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    dcg += (judged.get(id) ?? 0) * discount(i);
  });
  const ideal = [...judged.values()].filter((g) => g > 0).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, g, i) => sum + g * discount(i), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** Recall@k of one ranking: relevant documents (gain > 0) found in the top k, over all relevant. */
export function recallAt(ranked: readonly string[], judged: ReadonlyMap<string, number>, k: number): number {
  const relevant = [...judged].filter(([, g]) => g > 0).map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export interface IrScores {
  /** Queries scored: those in the qrels with at least one relevant document. */
  queries: number;
  ndcg: number;
  recall: number;
}

/**
 * Mean nDCG@`ndcgK` and Recall@`recallK` over the judged queries with a relevant document. A query
 * the run has no line for counts as an empty ranking (0), as trec_eval does with `-m all_trec -c`.
 */
export function scoreRun(run: Run, qrels: Qrels, ndcgK = 10, recallK = 100): IrScores {
  const judgedQueries = [...qrels].filter(([, judged]) => [...judged.values()].some((g) => g > 0));
  if (judgedQueries.length === 0) return { queries: 0, ndcg: 0, recall: 0 };
  let ndcg = 0;
  let recall = 0;
  for (const [query, judged] of judgedQueries) {
    const ranked = run.get(query) ?? [];
    ndcg += ndcgAt(ranked, judged, ndcgK);
    recall += recallAt(ranked, judged, recallK);
  }
  return { queries: judgedQueries.length, ndcg: ndcg / judgedQueries.length, recall: recall / judgedQueries.length };
}
