import { describe, expect, it } from 'vitest';
import { ndcgAt, parseQrels, recallAt, scoreRun } from '../../../src/eval/irMetrics.js';

const judged = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('IR metrics over BEIR qrels', () => {
  it('GIVEN a BEIR qrels file with a header WHEN parsed THEN each query maps its documents to their gains', () => {
    const qrels = parseQrels('query-id\tcorpus-id\tscore\n1\t31715818\t1\n1\t42\t2\n\n3\t14717500\t1\n');
    expect([...qrels.keys()]).toEqual(['1', '3']);
    expect(qrels.get('1')?.get('42')).toBe(2);
    expect(qrels.get('3')?.get('14717500')).toBe(1);
  });

  it('GIVEN a line without three fields WHEN parsed THEN the error names its line', () => {
    expect(() => parseQrels('query-id\tcorpus-id\tscore\n1\t2\n')).toThrow(/line 2/);
  });

  it('GIVEN the only relevant document ranked first WHEN nDCG@10 is taken THEN it is 1', () => {
    expect(ndcgAt(['a', 'b'], judged({ a: 1 }), 10)).toBe(1);
  });

  it('GIVEN the only relevant document ranked third WHEN nDCG@10 is taken THEN it is 1/log2(4) = 0.5', () => {
    expect(ndcgAt(['x', 'y', 'a'], judged({ a: 1 }), 10)).toBeCloseTo(0.5, 10);
  });

  it('GIVEN graded gains ranked in the wrong order WHEN nDCG is taken THEN it is DCG over the ideal DCG', () => {
    const dcg = 1 + 2 / Math.log2(3);
    const ideal = 2 + 1 / Math.log2(3);
    expect(ndcgAt(['low', 'high'], judged({ high: 2, low: 1 }), 10)).toBeCloseTo(dcg / ideal, 10);
  });

  it('GIVEN a relevant document just past the cut-off WHEN nDCG@k and Recall@k are taken THEN it does not count', () => {
    const ranked = ['x', 'y', 'a'];
    expect(ndcgAt(ranked, judged({ a: 1 }), 2)).toBe(0);
    expect(recallAt(ranked, judged({ a: 1 }), 2)).toBe(0);
    expect(recallAt(ranked, judged({ a: 1 }), 3)).toBe(1);
  });

  it('GIVEN a document judged 0 WHEN scored THEN it is neither a gain nor a relevant document to recall', () => {
    expect(recallAt(['a'], judged({ a: 1, b: 0 }), 10)).toBe(1);
    expect(ndcgAt(['b', 'a'], judged({ a: 1, b: 0 }), 10)).toBeCloseTo(1 / Math.log2(3), 10);
  });

  it('GIVEN a run missing one judged query WHEN scored THEN that query counts as zero in the means', () => {
    const qrels = parseQrels('q\td\ts\n1\ta\t1\n2\tb\t1\n2\tc\t1\n');
    const run = new Map([['1', ['a']]]);
    expect(scoreRun(run, qrels, 10, 100)).toEqual({ queries: 2, ndcg: 0.5, recall: 0.5 });
  });

  it('GIVEN half the relevant documents found in the top 100 WHEN Recall@100 is taken THEN it is 0.5', () => {
    const ranked = Array.from({ length: 150 }, (_, i) => `d${i}`);
    expect(recallAt(ranked, judged({ d5: 1, d120: 1 }), 100)).toBe(0.5);
  });
});
