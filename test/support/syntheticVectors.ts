import type { EmbedderInfo, FootnoteEmbeddings } from '../../src/embeddings/types.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same vectors on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function randomVector(random: () => number, dimension: number): number[] {
  return Array.from({ length: dimension }, () => gaussian(random));
}

/**
 * Points around `clusters` random centres, like embeddings of papers on a few topics: harder for
 * HNSW than uniform noise because neighbours crowd together.
 */
export function clusteredVectors(count: number, dimension: number, seed: number, clusters = 50, spread = 0.6): number[][] {
  const random = seededRandom(seed);
  const centres = Array.from({ length: clusters }, () => randomVector(random, dimension));
  return Array.from({ length: count }, () => {
    const centre = centres[Math.floor(random() * clusters)] as number[];
    return centre.map((x) => x + spread * gaussian(random));
  });
}

function unitRows(vectors: readonly (readonly number[])[], dimension: number): Float32Array {
  const flat = new Float32Array(vectors.length * dimension);
  vectors.forEach((vector, row) => {
    const norm = Math.sqrt(vector.reduce((s, x) => s + x * x, 0)) || 1;
    for (let d = 0; d < dimension; d++) flat[row * dimension + d] = (vector[d] as number) / norm;
  });
  return flat;
}

/** Indices of the `k` most cosine-similar vectors to each query, by brute force (the ground truth for recall). */
export function exactNeighbours(vectors: readonly number[][], queries: readonly number[][], k: number): number[][] {
  const dimension = vectors[0]?.length ?? 0;
  const rows = unitRows(vectors, dimension);
  const qs = unitRows(queries, dimension);
  return queries.map((_, q) => {
    // A short sorted list beats sorting every score when k is small.
    const best: Array<[number, number]> = [];
    for (let row = 0; row < vectors.length; row++) {
      let dot = 0;
      for (let d = 0, a = row * dimension, b = q * dimension; d < dimension; d++) dot += (rows[a + d] as number) * (qs[b + d] as number);
      if (best.length === k && dot <= (best[k - 1] as [number, number])[1]) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1] as [number, number])[1] < dot) at--;
      best.splice(at, 0, [row, dot]);
      if (best.length > k) best.pop();
    }
    return best.map(([row]) => row);
  });
}

/** Mean share of the true neighbours that were found. */
export function recallAtK(found: readonly (readonly number[])[], truth: readonly (readonly number[])[]): number {
  let total = 0;
  truth.forEach((expected, q) => {
    const got = new Set(found[q]);
    total += expected.filter((i) => got.has(i)).length / Math.max(1, expected.length);
  });
  return total / Math.max(1, truth.length);
}

/** A deterministic embedder for tests: each text maps to a seeded random vector of its hash. */
export function seededEmbeddings(info: EmbedderInfo): FootnoteEmbeddings {
  const embed = (text: string): number[] => {
    let hash = 2166136261;
    for (const ch of text) hash = Math.imul(hash ^ (ch.codePointAt(0) as number), 16777619);
    return randomVector(seededRandom(hash), info.dimension);
  };
  return {
    info,
    embedQuery: async (text) => embed(text),
    embedDocuments: async (texts) => texts.map(embed),
  };
}

/**
 * Sparse "bag of words" vectors hashed into `dimension` signed slots, like the offline embedder's:
 * documents of 30–90 words drawn from topic vocabularies and a Zipfian common vocabulary, and
 * queries of 4–12 words from the same hashing. Their similarities bunch together, which is what
 * makes HNSW work hard (the default efSearch was chosen against these and real abstracts).
 */
export function hashedBagOfWords(
  counts: { documents: number; queries: number },
  dimension: number,
  seed: number,
): { documents: number[][]; queries: number[][] } {
  const random = seededRandom(seed);
  const vocabulary = 6000;
  const topics = 60;
  const zipf = (): number => Math.min(vocabulary - 1, Math.floor(Math.exp(random() * Math.log(vocabulary))) - 1);
  const slot = Array.from({ length: vocabulary }, () => [Math.floor(random() * dimension), random() < 0.5 ? -1 : 1] as const);
  const text = (meanWords: number): number[] => {
    const topic = Math.floor(random() * topics);
    const words = Math.max(3, Math.round(meanWords * (0.5 + random())));
    const tally = new Map<number, number>();
    for (let w = 0; w < words; w++) {
      const word = random() < 0.5 ? (topic * 97 + Math.floor(random() * 80) * 31) % vocabulary : zipf();
      tally.set(word, (tally.get(word) ?? 0) + 1);
    }
    const vector = new Array<number>(dimension).fill(0);
    for (const [word, n] of tally) {
      const [at, sign] = slot[word] as readonly [number, number];
      vector[at] = (vector[at] as number) + sign * (1 + Math.log(n));
    }
    return vector;
  };
  return {
    documents: Array.from({ length: counts.documents }, () => text(60)),
    queries: Array.from({ length: counts.queries }, () => text(8)),
  };
}
