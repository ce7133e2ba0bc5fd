import { idfOf } from '../embeddings/local/idf.js';
import { stem } from '../embeddings/local/stem.js';
import { STOP_WORDS } from '../embeddings/local/stopWords.js';
import { words } from '../embeddings/local/textFeatures.js';
import type { LegHit } from './fuse.js';

/** How much each evidence of a close match adds to a head paper's fused score. */
export interface RerankWeights {
  /** Share of the question's IDF-weighted words found in the title. */
  title: number;
  /** The same share in the best single sentence of the abstract. */
  sentence: number;
  /** Share of the question's adjacent word pairs found adjacent in the paper. */
  pairs: number;
  /** Cosine to the centroid of the top lexical hits' vectors (pseudo-relevance feedback). */
  feedback: number;
}

export interface RerankOptions {
  /** Papers at the head of the fused list that are rescored (0 = off). */
  depth: number;
  /** Top lexical hits whose vectors make the feedback centroid. */
  feedbackDocs: number;
  weights: RerankWeights;
}

/** The evidence of one head paper, each in [0, 1]. */
export type HeadFeatures = Record<keyof RerankWeights, number>;

/** Tuned on SciFact train (bench/scifact.ts); small weights: BM25 and the dense leg still lead. */
export const DEFAULT_RERANK: RerankOptions = { depth: 20, feedbackDocs: 5, weights: { title: 0.05, sentence: 0.2, pairs: 0.1, feedback: 0.1 } };

/** Content-word stems of a text, in order (the tokenisation the embedder uses). */
export function contentStems(text: string): string[] {
  return words(text, false)
    .filter((w) => !STOP_WORDS.has(w) && (w.length >= 2 || /\d/.test(w)))
    .map(stem);
}

/** A question's stems with their fixed IDF, and its adjacent pairs. */
export interface QuestionTerms {
  weights: Map<string, number>;
  pairs: Array<[string, string]>;
}

export function questionTerms(query: string): QuestionTerms {
  const stems = contentStems(query);
  const pairs = stems.slice(1).map((s, i) => [stems[i] as string, s] as [string, string]);
  return { weights: new Map(stems.map((s) => [s, idfOf(s)])), pairs };
}

function share(terms: QuestionTerms, present: (stem: string) => boolean): number {
  let found = 0;
  let total = 0;
  for (const [s, w] of terms.weights) {
    total += w;
    if (present(s)) found += w;
  }
  return total > 0 ? found / total : 0;
}

function pairShare(terms: QuestionTerms, stems: readonly string[]): number {
  if (terms.pairs.length === 0) return 0;
  const adjacent = new Set(stems.slice(1).map((s, i) => `${stems[i]} ${s}`));
  let found = 0;
  let total = 0;
  for (const [a, b] of terms.pairs) {
    const w = (terms.weights.get(a) ?? 0) + (terms.weights.get(b) ?? 0);
    total += w;
    if (adjacent.has(`${a} ${b}`)) found += w;
  }
  return total > 0 ? found / total : 0;
}

const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z0-9])/;

/** Lexical evidence of one paper; `feedback` is left 0 (it needs vectors). */
export function paperEvidence(terms: QuestionTerms, paper: { title: string; abstract: string }): HeadFeatures {
  const titleStems = contentStems(paper.title);
  const title = new Set(titleStems);
  const sentences = paper.abstract.split(SENTENCE_END).map((s) => new Set(contentStems(s)));
  const sentence = Math.max(0, ...sentences.map((s) => share(terms, (x) => s.has(x))));
  const pairs = pairShare(terms, [...titleStems, ...contentStems(paper.abstract)]);
  return { title: share(terms, (x) => title.has(x)), sentence, pairs, feedback: 0 };
}

/** Unit-free centroid of the seed vectors (their mean), or undefined without any. */
export function centroid(vectors: readonly number[][]): number[] | undefined {
  const first = vectors[0];
  if (!first) return undefined;
  const out = new Array<number>(first.length).fill(0);
  for (const v of vectors) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (v[i] as number) / vectors.length;
  return out;
}

/** Dot product of two vectors of the same length. */
export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/**
 * Rescores the head of a fused list (the leading hits that have features): score' = (score +
 * Σ wᵢ·featureᵢ) / (1 + Σ wᵢ). The tail is divided by the same total, so every score stays in
 * [0, 1] and the tail stays below the head.
 */
export function rerankHead(hits: LegHit[], features: ReadonlyMap<string, HeadFeatures>, weights: RerankWeights): LegHit[] {
  const names = Object.keys(weights) as Array<keyof RerankWeights>;
  const total = 1 + names.reduce((s, n) => s + weights[n], 0);
  const rescored = hits.map((h) => {
    const f = features.get(h.id);
    const bonus = f ? names.reduce((s, n) => s + weights[n] * Math.max(0, f[n]), 0) : 0;
    return { ...h, score: (h.score + bonus) / total };
  });
  let depth = 0;
  while (depth < hits.length && features.has((hits[depth] as LegHit).id)) depth++;
  const head = rescored.slice(0, depth).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return [...head, ...rescored.slice(depth)];
}
