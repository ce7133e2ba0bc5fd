import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchContent } from '../../../src/retrieval/contentSearch.js';
import { DEFAULT_FUSION } from '../../../src/retrieval/fuse.js';
import { headEvidence } from '../../../src/retrieval/headEvidence.js';
import { DEFAULT_RERANK, paperEvidence, questionTerms, rerankHead } from '../../../src/retrieval/rerankHead.js';
import type { Library } from '../../../src/store/Library.js';
import { openSeededLibrary } from '../../support/seededLibrary.js';

const question = questionTerms('vitamin D deficiency raises fracture risk');

describe('paperEvidence', () => {
  it('GIVEN a title with every question word, WHEN scored, THEN title coverage is 1 and an unrelated title scores 0', () => {
    const full = paperEvidence(question, { title: 'Fracture risk raised by vitamin D deficiency', abstract: 'We studied bones.' });
    const none = paperEvidence(question, { title: 'Graph neural networks', abstract: 'We studied bones.' });
    expect(full.title).toBe(1);
    expect(none.title).toBe(0);
  });

  it('GIVEN the question words spread over two sentences or held in one, WHEN scored, THEN the single sentence covers more', () => {
    const spread = paperEvidence(question, { title: 'Bones', abstract: 'Vitamin D deficiency is common. Fracture risk rises with age.' });
    const together = paperEvidence(question, { title: 'Bones', abstract: 'Vitamin D deficiency raises fracture risk. Age matters.' });
    expect(together.sentence).toBeCloseTo(1);
    expect(spread.sentence).toBeLessThan(together.sentence);
  });

  it('GIVEN the same words in the question order or shuffled, WHEN scored, THEN only the ordered text matches word pairs', () => {
    const ordered = paperEvidence(question, { title: 'Bones', abstract: 'Vitamin D deficiency raises fracture risk.' });
    const shuffled = paperEvidence(question, { title: 'Bones', abstract: 'Risk of fracture raises; deficiency in vitamin D.' });
    expect(ordered.pairs).toBeGreaterThan(0.9);
    expect(shuffled.pairs).toBeLessThan(ordered.pairs);
  });
});

describe('rerankHead', () => {
  const hits = [
    { id: 'a', score: 0.5 },
    { id: 'b', score: 0.48 },
    { id: 'c', score: 0.2 },
  ];
  const none = { title: 0, sentence: 0, pairs: 0, feedback: 0 };

  it('GIVEN a close second with strong evidence, WHEN the head is rescored, THEN it moves first and the tail stays below', () => {
    const features = new Map([['a', none], ['b', { title: 1, sentence: 1, pairs: 1, feedback: 1 }]]);
    const out = rerankHead(hits, features, DEFAULT_RERANK.weights);
    expect(out.map((h) => h.id)).toEqual(['b', 'a', 'c']);
    for (const h of out) expect(h.score).toBeGreaterThanOrEqual(0), expect(h.score).toBeLessThanOrEqual(1);
    expect(out[2]!.score).toBeLessThan(out[1]!.score);
  });

  it('GIVEN no evidence anywhere, WHEN rescored, THEN the fused order is kept', () => {
    const out = rerankHead(hits, new Map([['a', none], ['b', none]]), DEFAULT_RERANK.weights);
    expect(out.map((h) => h.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('headEvidence and hybrid search over the seed library', () => {
  let library: Library;
  let cleanup: () => void;
  beforeAll(async () => ({ library, cleanup } = await openSeededLibrary()));
  afterAll(() => cleanup());

  it('GIVEN a question about one seed paper, WHEN its head evidence is read, THEN that paper has stored-vector feedback and word coverage', async () => {
    const query = 'low-rank adaptation finetuning speed with Fast Forward';
    const lexical = library.lexicalSearch(query, 10);
    const fused = lexical.map((l) => ({ id: l.id, score: l.score / (l.score + 32) }));
    const evidence = headEvidence(library, query, fused, lexical, DEFAULT_RERANK);
    const top = evidence.get(lexical[0]!.id)!;
    expect(evidence.size).toBe(Math.min(fused.length, DEFAULT_RERANK.depth));
    expect(top.feedback).toBeGreaterThan(0.3);
    expect(top.sentence).toBeGreaterThan(0);
  });

  it('GIVEN hybrid search with rescoring on or off, WHEN the same question is asked, THEN both return the same papers with scores in [0, 1]', async () => {
    const query = 'does a chess model trained on human games beat the players it imitates?';
    const base = { mode: 'hybrid' as const, depth: 50, fusion: DEFAULT_FUSION, synonymsPerConcept: 3 };
    const on = await searchContent(library, query, { ...base, rerank: DEFAULT_RERANK });
    const off = await searchContent(library, query, { ...base, rerank: { ...DEFAULT_RERANK, depth: 0 } });
    expect(new Set(on.map((h) => h.id))).toEqual(new Set(off.map((h) => h.id)));
    expect(on[0]!.id).toBe('arxiv:2406.11741');
    for (const h of on) expect(h.score).toBeGreaterThanOrEqual(0), expect(h.score).toBeLessThanOrEqual(1);
  });
});
