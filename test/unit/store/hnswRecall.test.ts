import { describe, expect, it } from 'vitest';
import { HNSW_DEFAULTS, type HnswOptions, HnswStore } from '../../../src/store/HnswStore.js';
import { clusteredVectors, exactNeighbours, hashedBagOfWords, recallAtK, seededEmbeddings } from '../../support/syntheticVectors.js';

async function recallOf(vectors: number[][], queries: number[][], options: HnswOptions = {}): Promise<number> {
  const dimension = vectors[0]?.length ?? 0;
  const store = HnswStore.create(seededEmbeddings({ name: 'synthetic', version: '1', dimension }), options);
  await store.addVectors(vectors, vectors.map((_, i) => ({ pageContent: '', metadata: { id: String(i) } })));
  const found: number[][] = [];
  for (const query of queries) {
    const hits = await store.similaritySearchVectorWithScore(query, 10);
    found.push(hits.map(([doc]) => Number(doc.metadata.id)));
  }
  return recallAtK(found, exactNeighbours(vectors, queries, 10));
}

// Quality tests, not timing tests: with its defaults the store finds what exact search finds.
describe('HnswStore recall@10 against exact search', () => {
  const all = clusteredVectors(3200, 64, 2024, 30);
  const clustered = { vectors: all.slice(0, 3000), queries: all.slice(3000) };

  it('GIVEN 3,000 clustered 64-d vectors WHEN 200 unseen queries are searched with the defaults THEN recall is at least 0.98', async () => {
    expect(await recallOf(clustered.vectors, clustered.queries), JSON.stringify(HNSW_DEFAULTS)).toBeGreaterThanOrEqual(0.98);
  });

  it('GIVEN the same vectors WHEN the graph is starved (M 4, ef 10) THEN recall falls well below, so the measure can tell', async () => {
    expect(await recallOf(clustered.vectors, clustered.queries, { m: 4, efConstruction: 10, efSearch: 10 })).toBeLessThan(0.9);
  });

  it('GIVEN 3,000 sparse hashed bag-of-words vectors like the offline embedder makes WHEN short queries are searched with the defaults THEN recall is at least 0.98', async () => {
    const { documents, queries } = hashedBagOfWords({ documents: 3000, queries: 150 }, 384, 11);
    expect(await recallOf(documents, queries), JSON.stringify(HNSW_DEFAULTS)).toBeGreaterThanOrEqual(0.98);
  });
});
