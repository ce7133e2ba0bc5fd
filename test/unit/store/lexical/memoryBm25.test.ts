import { describe, expect, it } from 'vitest';
import { lexicalTerms } from '../../../../src/store/lexical/lexicalTerms.js';
import { DEFAULT_BM25, MemoryBm25 } from '../../../../src/store/lexical/MemoryBm25.js';

const DOCS = [
  ['Sparse attention', 'Sparse attention lets a transformer read long documents; attention cost grows slowly.'],
  ['Dense retrieval', 'Dense retrieval encodes queries and documents; retrieval quality depends on negatives.'],
  ['Low-rank adapters', 'Low-rank adaptation fine-tunes a language model with few parameters.'],
  ['Language model memorization', 'Language models memorize rare sequences; memorization grows with model size.'],
  ['Attention heads', 'Some attention heads copy tokens; others track syntax in the language model.'],
];

/** BM25 written out term by term, the textbook way, to check the index's fast loop against. */
function bruteForce(query: string, titleWeight = 1): Array<{ doc: number; score: number }> {
  const { k1, b } = DEFAULT_BM25;
  const docs = DOCS.map(([t, a]) => ({ title: lexicalTerms(t as string), body: lexicalTerms(a as string) }));
  const avg = docs.reduce((s, d) => s + d.title.length + d.body.length, 0) / docs.length;
  const scores = docs.map((d, doc) => {
    let score = 0;
    for (const term of new Set(lexicalTerms(query))) {
      const df = docs.filter((x) => x.title.includes(term) || x.body.includes(term)).length;
      if (df === 0) continue;
      const idf = Math.max(1e-6, Math.log((docs.length - df + 0.5) / (df + 0.5)));
      const f = titleWeight * d.title.filter((t) => t === term).length + d.body.filter((t) => t === term).length;
      if (f === 0) continue;
      score += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * (d.title.length + d.body.length)) / avg));
    }
    return { doc, score };
  });
  return scores.filter((s) => s.score > 0).sort((x, y) => y.score - x.score || x.doc - y.doc);
}

function indexed(): MemoryBm25 {
  const index = new MemoryBm25();
  DOCS.forEach(([t, a]) => index.add(t as string, a as string));
  return index;
}

describe('in-memory BM25', () => {
  it.each(['sparse attention', 'language model memorization', 'low-rank retrieval of documents', 'attention'])(
    'GIVEN five abstracts WHEN searching "%s" THEN scores and order equal BM25 computed term by term',
    (query) => {
      const got = indexed().search(lexicalTerms(query), 10);
      const want = bruteForce(query);
      expect(got.map((h) => h.doc)).toEqual(want.map((h) => h.doc));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 9));
    },
  );

  it('GIVEN a title weight of 3 WHEN a word is in one title and another abstract THEN scores follow the weighted frequencies', () => {
    const params = { ...DEFAULT_BM25, titleWeight: 3 };
    const got = indexed().search(lexicalTerms('attention heads'), 10, params);
    const want = bruteForce('attention heads', 3);
    expect(got.map((h) => h.doc)).toEqual(want.map((h) => h.doc));
    expect(got[0]!.score).toBeCloseTo(want[0]!.score, 9);
  });

  it('GIVEN k smaller than the matches WHEN searching THEN only the best k come back, best first', () => {
    const all = indexed().search(lexicalTerms('language model attention'), 10);
    expect(indexed().search(lexicalTerms('language model attention'), 2)).toEqual(all.slice(0, 2));
  });

  it('GIVEN a removed document and a replaced one WHEN searching THEN the removed is gone and the replacement found by its new text', () => {
    const index = indexed();
    index.remove(0);
    index.remove(2);
    const replacement = index.add('Tidal energy', 'Tidal turbines convert sea currents into power.');
    expect(replacement).toBe(5);
    expect(index.search(lexicalTerms('sparse'), 10)).toEqual([]);
    expect(index.search(lexicalTerms('low-rank'), 10)).toEqual([]);
    expect(index.search(lexicalTerms('tidal turbines'), 10).map((h) => h.doc)).toEqual([5]);
    expect(index.size).toBe(4);
  });

  it('GIVEN an index flattened to a snapshot WHEN rebuilt from it and grown THEN it answers as the original and takes new documents', () => {
    const original = indexed();
    const copy = MemoryBm25.fromSnapshot(original.snapshot());
    for (const q of ['sparse attention', 'language model']) expect(copy.search(lexicalTerms(q), 10)).toEqual(original.search(lexicalTerms(q), 10));
    const added = copy.add('Sparse experts', 'Mixture of sparse experts routes tokens.');
    expect(added).toBe(DOCS.length);
    expect(copy.search(lexicalTerms('sparse experts'), 1)[0]?.doc).toBe(added);
    expect(original.search(lexicalTerms('experts'), 10)).toEqual([]);
  });

  it('GIVEN a question of stop words only WHEN searching THEN nothing matches', () => {
    expect(indexed().search(lexicalTerms('what is the of and'), 10)).toEqual([]);
  });
});
