/** What one question produced. */
export interface EvalResult {
  question: string;
  expected: string[];
  /** Paper ids of the answer's passages, best first. */
  ranked: string[];
  /** Paper ids the answer cited, in citation order. */
  cited: string[];
  abstained: boolean;
  answer: string;
}

/**
 * The figures issue 2 judges. Rates over answerable questions: hit@1/@3, MRR, citation precision
 * (cited ids that are expected, over every citation of answerable questions), false abstain rate.
 * Over unanswerable ones: abstain recall; abstain precision is over every abstention. A figure with
 * nothing to count (no citation at all, no abstention) is null.
 */
export interface EvalSummary {
  n: number;
  answerable: number;
  hit_at_1: number | null;
  hit_at_3: number | null;
  mrr: number | null;
  citation_precision: number | null;
  abstain_precision: number | null;
  abstain_recall: number | null;
  false_abstain_rate: number | null;
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);

function firstHit(r: EvalResult): number {
  return r.ranked.findIndex((id) => r.expected.includes(id));
}

export function summarise(results: readonly EvalResult[]): EvalSummary {
  const answerable = results.filter((r) => r.expected.length > 0);
  const unanswerable = results.filter((r) => r.expected.length === 0);
  const ranks = answerable.map(firstHit);
  const citations = answerable.flatMap((r) => r.cited.map((id) => r.expected.includes(id)));
  const abstained = results.filter((r) => r.abstained);
  return {
    n: results.length,
    answerable: answerable.length,
    hit_at_1: ratio(ranks.filter((k) => k === 0).length, answerable.length),
    hit_at_3: ratio(ranks.filter((k) => k >= 0 && k < 3).length, answerable.length),
    mrr: ratio(
      ranks.reduce((sum, k) => sum + (k >= 0 ? 1 / (k + 1) : 0), 0),
      answerable.length,
    ),
    citation_precision: ratio(citations.filter(Boolean).length, citations.length),
    abstain_precision: ratio(abstained.filter((r) => r.expected.length === 0).length, abstained.length),
    abstain_recall: ratio(unanswerable.filter((r) => r.abstained).length, unanswerable.length),
    false_abstain_rate: ratio(answerable.filter((r) => r.abstained).length, answerable.length),
  };
}
