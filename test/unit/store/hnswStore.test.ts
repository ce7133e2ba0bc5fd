import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentInterface } from '@langchain/core/documents';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HNSW_DEFAULTS, HnswStore } from '../../../src/store/HnswStore.js';
import { exactNeighbours, randomVector, seededEmbeddings, seededRandom } from '../../support/syntheticVectors.js';

const info = { name: 'test-seeded', version: '1', dimension: 16 };
const embeddings = seededEmbeddings(info);

function doc(id: string, extra: Record<string, unknown> = {}): DocumentInterface {
  return { pageContent: '', metadata: { id, ...extra } };
}

function papers(count: number, seed = 1): { vectors: number[][]; docs: DocumentInterface[] } {
  const random = seededRandom(seed);
  const vectors = Array.from({ length: count }, () => randomVector(random, info.dimension));
  return { vectors, docs: vectors.map((_, i) => doc(`p${i}`, { year: 2000 + (i % 5) })) };
}

const idsOf = (hits: [DocumentInterface, number][]) => hits.map(([d]) => d.metadata.id as string);

describe('HnswStore in memory', () => {
  it('GIVEN an empty store WHEN searched THEN it returns no hits', async () => {
    const store = HnswStore.create(embeddings);
    expect(store.size).toBe(0);
    expect(await store.similaritySearchVectorWithScore(randomVector(seededRandom(9), 16), 5)).toEqual([]);
  });

  it('GIVEN indexed papers WHEN searched with one of their vectors THEN that paper comes first with similarity 1', async () => {
    const store = HnswStore.create(embeddings);
    const { vectors, docs } = papers(50);
    expect(await store.addVectors(vectors, docs)).toEqual(docs.map((d) => d.metadata.id));
    const hits = await store.similaritySearchVectorWithScore(vectors[7] as number[], 10);
    expect(hits[0]?.[0].metadata).toEqual({ id: 'p7', year: 2002 });
    expect(hits[0]?.[1]).toBeCloseTo(1, 5);
    const scores = hits.map(([, s]) => s);
    expect(scores.every((s) => s >= -1 && s <= 1)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('GIVEN opposite vectors WHEN searched THEN similarities span -1 to 1', async () => {
    const store = HnswStore.create(embeddings);
    const v = randomVector(seededRandom(3), 16);
    await store.addVectors([v, v.map((x) => -x)], [doc('same'), doc('opposite')]);
    const hits = await store.similaritySearchVectorWithScore(v, 2);
    expect(idsOf(hits)).toEqual(['same', 'opposite']);
    expect(hits[1]?.[1]).toBeCloseTo(-1, 5);
  });

  it('GIVEN a k of zero, negative or not a number WHEN searched THEN it returns no hits rather than throwing', async () => {
    const store = HnswStore.create(embeddings);
    const { vectors, docs } = papers(5);
    await store.addVectors(vectors, docs);
    for (const k of [0, -3, Number.NaN]) expect(await store.similaritySearchVectorWithScore(vectors[0] as number[], k)).toEqual([]);
  });

  it('GIVEN k larger than the store WHEN searched THEN every paper is returned once', async () => {
    const store = HnswStore.create(embeddings);
    const { vectors, docs } = papers(5);
    await store.addVectors(vectors, docs);
    const hits = await store.similaritySearchVectorWithScore(vectors[0] as number[], 100);
    expect(new Set(idsOf(hits))).toEqual(new Set(['p0', 'p1', 'p2', 'p3', 'p4']));
  });

  it('GIVEN more papers than the initial capacity WHEN added in batches THEN the index grows and finds them all', async () => {
    const store = HnswStore.create(embeddings, { initialCapacity: 4 });
    const { vectors, docs } = papers(300);
    for (let i = 0; i < 300; i += 70) await store.addVectors(vectors.slice(i, i + 70), docs.slice(i, i + 70));
    expect(store.size).toBe(300);
    for (const i of [0, 150, 299]) {
      expect(idsOf(await store.similaritySearchVectorWithScore(vectors[i] as number[], 1))).toEqual([`p${i}`]);
    }
  });

  it('GIVEN an indexed paper WHEN re-added with a new vector THEN its vector and document are replaced, not duplicated', async () => {
    const store = HnswStore.create(embeddings);
    const { vectors, docs } = papers(20);
    await store.addVectors(vectors, docs);
    const moved = vectors[3] as number[];
    await store.addVectors([moved], [doc('p5', { year: 1999 })]);
    expect(store.size).toBe(20);
    const hits = await store.similaritySearchVectorWithScore(moved, 2);
    expect(new Set(idsOf(hits))).toEqual(new Set(['p3', 'p5']));
    expect(hits.find(([d]) => d.metadata.id === 'p5')?.[0].metadata.year).toBe(1999);
  });

  it('GIVEN indexed papers WHEN some are deleted THEN they are never returned and their slots are reused', async () => {
    const store = HnswStore.create(embeddings, { initialCapacity: 10 });
    const { vectors, docs } = papers(10);
    await store.addVectors(vectors, docs);
    await store.delete({ ids: ['p2', 'p4', 'unknown'] });
    expect(store.size).toBe(8);
    expect(store.has('p2')).toBe(false);
    const all = idsOf(await store.similaritySearchVectorWithScore(vectors[2] as number[], 10));
    expect(all).toHaveLength(8);
    expect(all).not.toContain('p2');
    expect(all).not.toContain('p4');
    const fresh = papers(2, 77);
    await store.addVectors(fresh.vectors, [doc('n0'), doc('n1')]);
    expect(store.size).toBe(10);
    expect(idsOf(await store.similaritySearchVectorWithScore(fresh.vectors[1] as number[], 1))).toEqual(['n1']);
  });

  it('GIVEN a filter WHEN searched THEN only matching papers are returned, up to k', async () => {
    const store = HnswStore.create(embeddings);
    const { vectors, docs } = papers(200);
    await store.addVectors(vectors, docs);
    const hits = await store.similaritySearchVectorWithScore(vectors[0] as number[], 10, (d) => d.metadata.year === 2003);
    expect(hits).toHaveLength(10);
    expect(hits.every(([d]) => d.metadata.year === 2003)).toBe(true);
    const one = await store.similaritySearchVectorWithScore(vectors[0] as number[], 10, (d) => d.metadata.id === 'p123');
    expect(idsOf(one)).toEqual(['p123']);
  });

  it('GIVEN a filter matching one paper in twenty WHEN searched THEN the hits are the exact nearest matching papers', async () => {
    const store = HnswStore.create(embeddings);
    const { vectors, docs } = papers(1000, 4);
    await store.addVectors(vectors, docs);
    const rare = (d: DocumentInterface) => Number((d.metadata.id as string).slice(1)) % 20 === 7;
    const matching = docs.map((d, i) => [d, i] as const).filter(([d]) => rare(d)).map(([, i]) => i);
    const query = randomVector(seededRandom(99), 16);
    const [exact] = exactNeighbours(matching.map((i) => vectors[i] as number[]), [query], 10);
    const hits = await store.similaritySearchVectorWithScore(query, 10, rare);
    expect(idsOf(hits)).toEqual((exact as number[]).map((j) => `p${matching[j]}`));
  });

  it('GIVEN documents with text WHEN added through addDocuments THEN a query embedding of the same text finds them', async () => {
    const store = HnswStore.create(embeddings);
    await store.addDocuments([
      { pageContent: 'fast forward indexes', metadata: { id: 'a' } },
      { pageContent: 'probing language models', metadata: { id: 'b' } },
    ]);
    const [first] = await store.similaritySearch('probing language models', 1);
    expect(first?.metadata.id).toBe('b');
    expect(store.ids().sort()).toEqual(['a', 'b']);
    expect(store.vectorOf('a')).toHaveLength(16);
    expect(store._vectorstoreType()).toBe('footnote-hnsw');
  });

  it('GIVEN a vector of the wrong dimension WHEN added THEN it is refused and nothing is written', async () => {
    const store = HnswStore.create(embeddings);
    const { vectors, docs } = papers(2);
    await expect(store.addVectors([vectors[0] as number[], [1, 2, 3]], docs)).rejects.toThrow(/16 finite numbers/);
    expect(store.size).toBe(0);
  });
});

describe('HnswStore save and load', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'footnote-hnsw-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN a saved store WHEN loaded THEN it returns the same documents, scores and ids', async () => {
    const store = HnswStore.create(embeddings);
    const { vectors, docs } = papers(120);
    await store.addVectors(vectors, docs);
    await store.delete({ ids: ['p9'] });
    await store.addVectors([vectors[9] as number[]], [doc('bare')]);
    const target = join(dir, 'index');
    expect(HnswStore.exists(target)).toBe(false);
    await store.save(target);
    expect(HnswStore.exists(target)).toBe(true);
    const loaded = await HnswStore.load(target, embeddings);
    expect(loaded.size).toBe(120);
    expect(loaded.ids().sort()).toEqual(store.ids().sort());
    expect(loaded.embedder).toEqual(info);
    for (const q of [vectors[0], vectors[9], vectors[60]] as number[][]) {
      expect(await loaded.similaritySearchVectorWithScore(q, 10)).toEqual(await store.similaritySearchVectorWithScore(q, 10));
    }
    const [bare] = await loaded.similaritySearchVectorWithScore(vectors[9] as number[], 1);
    expect(bare?.[0]).toMatchObject({ pageContent: '', metadata: { id: 'bare' } });
    await loaded.addVectors([vectors[9] as number[]], [doc('p9')]);
    expect(new Set(idsOf(await loaded.similaritySearchVectorWithScore(vectors[9] as number[], 2)))).toEqual(new Set(['p9', 'bare']));
  });

  it('GIVEN an index saved with one efSearch WHEN loaded with another THEN the query-time setting is the new one', async () => {
    const store = HnswStore.create(embeddings, { m: 8, efSearch: 40 });
    await store.save(join(dir, 'tuned'));
    expect(store.settings).toEqual({ m: 8, efConstruction: HNSW_DEFAULTS.efConstruction, efSearch: 40 });
    expect((await HnswStore.load(join(dir, 'tuned'), embeddings, { efSearch: 300 })).settings).toEqual({ m: 8, efConstruction: HNSW_DEFAULTS.efConstruction, efSearch: 300 });
    expect((await HnswStore.load(join(dir, 'tuned'), embeddings)).settings.efSearch).toBe(HNSW_DEFAULTS.efSearch);
  });

  it('GIVEN an empty store WHEN saved, loaded and filled THEN it works', async () => {
    await HnswStore.create(embeddings).save(join(dir, 'empty'));
    const loaded = await HnswStore.load(join(dir, 'empty'), embeddings);
    expect(loaded.size).toBe(0);
    const { vectors, docs } = papers(30);
    await loaded.addVectors(vectors, docs);
    expect(idsOf(await loaded.similaritySearchVectorWithScore(vectors[29] as number[], 1))).toEqual(['p29']);
  });
});
