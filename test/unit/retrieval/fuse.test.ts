import { describe, expect, it } from 'vitest';
import { DEFAULT_FUSION, fuse } from '../../../src/retrieval/fuse.js';

const lexical = [
  { id: 'a', score: 12 },
  { id: 'b', score: 6 },
  { id: 'c', score: 1 },
];
const dense = [
  { id: 'b', similarity: 0.5 },
  { id: 'd', similarity: 0.3 },
  { id: 'a', similarity: 0.1 },
];

describe('fuse', () => {
  it('GIVEN legs weighed equally, WHEN a paper is ranked well by both, THEN it beats papers only one leg likes', () => {
    const fused = fuse(lexical, dense, { ...DEFAULT_FUSION, lexicalWeight: 0.5, bm25Half: 8, similarityFull: 0.5 });
    expect(fused.map((h) => h.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(fused[0]).toMatchObject({ id: 'b', lexicalScore: 6, similarity: 0.5 });
  });

  it('GIVEN the default fusion (tuned on SciFact train), WHEN BM25 clearly prefers a paper, THEN it leads and the dense leg only breaks ties', () => {
    expect(fuse(lexical, dense).map((h) => h.id)).toEqual(['a', 'b', 'd', 'c']);
    const tie = fuse([{ id: 'x', score: 10 }, { id: 'y', score: 10 }], [{ id: 'y', similarity: 0.4 }]);
    expect(tie.map((h) => h.id)).toEqual(['y', 'x']);
  });

  it('GIVEN each fusion method, WHEN fused, THEN every score lies in [0, 1] and is sorted best first', () => {
    for (const method of ['rrf', 'max-norm', 'saturate'] as const) {
      const fused = fuse(lexical, dense, { ...DEFAULT_FUSION, method });
      for (const h of fused) expect(h.score).toBeGreaterThanOrEqual(0), expect(h.score).toBeLessThanOrEqual(1);
      expect([...fused].sort((x, y) => y.score - x.score)).toEqual(fused);
    }
  });

  it('GIVEN saturating fusion, WHEN a question only weakly matches, THEN its best score is lower than a strong match', () => {
    const weak = fuse([{ id: 'a', score: 1 }], [{ id: 'a', similarity: 0.05 }]);
    const strong = fuse([{ id: 'a', score: 40 }], [{ id: 'a', similarity: 0.8 }]);
    expect(weak[0]!.score).toBeLessThan(0.1);
    expect(strong[0]!.score).toBeGreaterThan(0.5);
  });

  it('GIVEN relative fusion and one empty leg, WHEN fused, THEN the other leg alone decides the order', () => {
    const fused = fuse([], dense, { ...DEFAULT_FUSION, method: 'max-norm' });
    expect(fused.map((h) => h.id)).toEqual(['b', 'd', 'a']);
    expect(fused[0]!.score).toBe(1);
  });
});
