import { describe, expect, it } from 'vitest';
import { CitationNumbering, markersIn, renumberByFirstUse } from '../../../src/answer/citations.js';
import { loadSeedPapers } from '../../support/memoryLibrary.js';

const papers = loadSeedPapers();
const [a, b, c] = papers as [(typeof papers)[0], (typeof papers)[0], (typeof papers)[0]];

describe('citation numbering', () => {
  it('GIVEN three papers cited out of order WHEN numbered THEN numbers follow first use and repeats keep their number', () => {
    const numbering = new CitationNumbering();
    expect([numbering.cite(c, 'q1'), numbering.cite(a, 'q2'), numbering.cite(c, 'q3'), numbering.cite(b, 'q4')]).toEqual([1, 2, 1, 3]);
    expect(numbering.citations().map((x) => [x.n, x.id, x.quote])).toEqual([
      [1, c.id, 'q1'],
      [2, a.id, 'q2'],
      [3, b.id, 'q4'],
    ]);
  });

  it('GIVEN a draft citing sources 3, 1 and an unknown 9 WHEN renumbered THEN markers become 1, 2, the unknown one disappears and only cited papers are listed', () => {
    const sources = new Map([
      [1, { paper: a, quote: 'qa' }],
      [2, { paper: b, quote: 'qb' }],
      [3, { paper: c, quote: 'qc' }],
    ]);
    const out = renumberByFirstUse('First claim [3]. Second claim [1][1]. Made up [9]. Again [3].', (n) => sources.get(n));
    expect(out.text).toBe('First claim [1]. Second claim [2]. Made up. Again [1].');
    expect(out.citations.map((x) => x.id)).toEqual([c.id, a.id]);
    expect(markersIn(out.text)).toEqual(out.citations.map((x) => x.n));
  });
});
