import { describe, expect, it } from 'vitest';
import type { StoredPaper } from '../../../src/corpus/Paper.js';
import { selectHighlights, type SelectionInput } from '../../../src/highlights/selectHighlights.js';

const paper = (id: string): StoredPaper => ({
  id, title: id, titleDerived: false, authors: [], year: 2024, venue: null, url: null,
  abstract: 'x', categories: [], published: null, addedAt: '2026-01-01T00:00:00Z', contentHash: id,
});
const corpus = ['a', 'b', 'c', 'd', 'e'].map(paper);

function select(over: Partial<SelectionInput>) {
  return selectHighlights({ count: 2, fresh: [], boosts: new Map(), boosted: [], rotation: corpus, isShown: () => false, ...over });
}
const ids = (s: ReturnType<typeof select>) => s.picks.map((p) => `${p.paper.id}:${p.reason}`);

describe('selectHighlights', () => {
  it('GIVEN new papers WHEN selecting THEN they come first, newest first, before the rotation', () => {
    expect(ids(select({ fresh: [paper('n2'), paper('n1')], count: 3 }))).toEqual(['n2:new', 'n1:new', 'a:rotation']);
  });

  it('GIVEN feedback on an older new paper WHEN selecting THEN the boost puts it ahead of newer ones', () => {
    const s = select({ fresh: [paper('n2'), paper('n1')], boosts: new Map([['n1', 3]]), count: 1 });
    expect(ids(s)).toEqual(['n1:new']);
  });

  it('GIVEN a boosted paper not yet shown WHEN there are no new papers THEN it jumps the rotation', () => {
    expect(ids(select({ boosts: new Map([['d', 1]]), boosted: [paper('d')] }))).toEqual(['d:boosted', 'a:rotation']);
  });

  it('GIVEN papers shown this cycle WHEN selecting THEN none of them is picked again, boosted or not', () => {
    const shown = new Set(['a', 'b', 'd']);
    const s = select({ isShown: (id) => shown.has(id), boosts: new Map([['d', 5]]), boosted: [paper('d')] });
    expect(ids(s)).toEqual(['c:rotation', 'e:rotation']);
    expect(s.rotationRead).toBe(5);
  });

  it('GIVEN every paper shown WHEN selecting THEN the cycle is reported exhausted so a new one can start', () => {
    const s = select({ isShown: () => true });
    expect(s.picks).toEqual([]);
    expect(s.cycleExhausted).toBe(true);
  });

  it('GIVEN the same inputs twice WHEN selecting THEN the picks are identical (deterministic)', () => {
    const input = { fresh: [paper('n1')], boosts: new Map([['c', 1]]), boosted: [paper('c')], count: 3 };
    expect(ids(select(input))).toEqual(ids(select(input)));
    expect(select(input).rotationRead).toBe(1);
  });
});
