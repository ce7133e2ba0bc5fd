import { describe, expect, it } from 'vitest';
import { CorpusTerms, type PaperSource } from '../../../src/answer/CorpusTerms.js';
import type { Paper } from '../../../src/corpus/Paper.js';

const TOPICS = ['tidal turbines', 'graph coloring', 'protein folding', 'sparse attention', 'speech recognition'];

function papers(n: number): Paper[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p:${i}`, title: `Study ${i} of ${TOPICS[i % TOPICS.length]}`, titleDerived: false, authors: [], year: 2024, venue: null, url: null,
    abstract: `We examine ${TOPICS[i % TOPICS.length]} under condition ${i} and report how it behaves.`, categories: [], published: null,
  }));
}

/** A paper source with a key-value store beside it, counting how often the papers are read whole. */
function source(list: Paper[], state = new Map<string, string>()): PaperSource & { state: Map<string, string>; writes: number } {
  const s = {
    state, writes: 0,
    count: () => list.length,
    list: (offset: number, limit: number) => list.slice(offset, offset + limit),
    readState: (key: string) => state.get(key),
    writeState: (key: string, value: string) => { s.writes += 1; state.set(key, value); },
  };
  return s;
}

describe('corpus statistics kept between starts', () => {
  it('GIVEN statistics computed once WHEN a new process reads the same catalog THEN it reuses them, with the same weights', () => {
    const first = source(papers(80));
    const a = new CorpusTerms(first);
    const weight = a.idf('turbin');
    expect(first.writes).toBe(1);
    const second = source(papers(80), first.state);
    const b = new CorpusTerms(second);
    expect(b.idf('turbin')).toBe(weight);
    expect(b.known('fold')).toBe(true);
    expect(second.writes).toBe(0);
  });

  it('GIVEN a paper whose text changed WHEN a new process starts THEN the saved statistics are not reused', () => {
    const first = source(papers(80));
    new CorpusTerms(first).warm();
    const changed = papers(80);
    changed[3] = { ...changed[3]!, abstract: `${changed[3]!.abstract} Also quasars.` };
    const second = source(changed, first.state);
    const b = new CorpusTerms(second);
    expect(b.known('quasar')).toBe(true);
    expect(second.writes).toBe(1);
  });

  it('GIVEN a small catalog WHEN its statistics are computed THEN nothing is written (they cost less than reading back)', () => {
    const small = source(papers(10));
    new CorpusTerms(small).warm();
    expect(small.writes).toBe(0);
  });

  it('GIVEN garbage where the statistics were saved WHEN read THEN they are recomputed', () => {
    const s = source(papers(80), new Map([['corpus_terms', '{not json']]));
    expect(new CorpusTerms(s).known('turbin')).toBe(true);
    expect(s.writes).toBe(1);
  });
});
