/**
 * The vectors `bench/hnswRecall.ts` measures: synthetic clustered vectors, and real abstracts
 * embedded by the offline embedder when a corpus file is at hand (SciFact by default).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPapers } from '../src/corpus/loadPapers.js';
import { embeddingText } from '../src/corpus/normalise.js';
import type { Paper } from '../src/corpus/Paper.js';
import { createEmbeddings } from '../src/embeddings/createEmbeddings.js';
import { HNSW_DEFAULTS } from '../src/store/HnswStore.js';
import { clusteredVectors, hashedBagOfWords } from '../test/support/syntheticVectors.js';

export interface HnswDataset {
  label: string;
  description: string;
  dimension: number;
  vectors: number[][];
  queries: number[][];
  /** Narrows the benchmark grid for this set (a large set is too slow to build six times). */
  grid?: { m?: number[]; efConstruction?: number[]; efSearch?: number[] };
}

const SHARED_DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');
const DEFAULT_REAL = join(SHARED_DATA, 'scifact', 'corpus.jsonl');
const DEFAULT_SCALE = join(SHARED_DATA, 'arxiv', 'arxiv_all_dedup.jsonl.gz');

function option(args: readonly string[], name: string, fallback: string): string {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? (args[at + 1] as string) : fallback;
}

function synthetic(args: readonly string[]): HnswDataset {
  const n = Number(option(args, 'n', '20000'));
  const dimension = Number(option(args, 'dim', '128'));
  const queries = Number(option(args, 'queries', '500'));
  const clusters = Math.max(10, Math.round(n / 200));
  const all = clusteredVectors(n + queries, dimension, Number(option(args, 'seed', '42')), clusters);
  return {
    label: `synthetic ${n / 1000}k×${dimension}`,
    description: `${n} synthetic vectors, ${dimension}-d, Gaussian clusters around ${clusters} centres (seeded); ${queries} queries drawn from the same clusters, not indexed.`,
    dimension,
    vectors: all.slice(0, n),
    queries: all.slice(n),
  };
}

/** Sparse hashed bag-of-words vectors: the offline embedder's shape without needing its corpus. */
function hashed(args: readonly string[], fallback: number): HnswDataset | undefined {
  const n = Number(option(args, 'hashed-n', String(fallback)));
  if (n <= 0) return undefined;
  const queries = Number(option(args, 'queries', '500'));
  const { documents, queries: qs } = hashedBagOfWords({ documents: n, queries }, 384, Number(option(args, 'seed', '42')));
  return {
    label: `hashed words ${n / 1000}k×384`,
    description: `${n} synthetic sparse vectors: 30–90 words from topic and Zipfian vocabularies hashed into 384 signed slots (seeded); ${queries} queries of 4–12 words.`,
    dimension: 384,
    vectors: documents,
    queries: qs,
  };
}

/** Query texts: the BEIR `queries.jsonl` beside the corpus when present, else held-out titles. */
function queryTexts(file: string, heldOut: readonly Paper[], count: number): { texts: string[]; source: string } {
  const beirQueries = join(dirname(file), 'queries.jsonl');
  if (!existsSync(beirQueries)) return { texts: heldOut.slice(0, count).map((p) => p.title), source: 'titles of papers not indexed' };
  const lines = readFileSync(beirQueries, 'utf8').split('\n').filter(Boolean).slice(0, count);
  return { texts: lines.map((line) => String((JSON.parse(line) as { text: unknown }).text)), source: 'the BEIR queries beside it' };
}

/** `scifact` for `…/scifact/corpus.jsonl`, `arxiv_all_dedup` for `…/arxiv_all_dedup.jsonl.gz`. */
function corpusName(file: string): string {
  const name = basename(file).split('.')[0] ?? file;
  return name === 'corpus' ? basename(dirname(file)) : name;
}

/**
 * Real abstracts from a corpus file, embedded by the offline embedder; undefined when the file is
 * missing. `n` = Infinity indexes all but the last `queryCount` papers (held out as queries).
 */
async function embeddedCorpus(file: string, n: number, queryCount: number): Promise<HnswDataset | undefined> {
  if (file === 'none' || !(n > 0)) return undefined;
  if (!existsSync(file)) {
    process.stderr.write(`hnswRecall: ${file} not found, skipped (see ../shared/data/README.md for SciFact and the arXiv metadata)\n`);
    return undefined;
  }
  const papers: Paper[] = [];
  for await (const record of loadPapers(file)) {
    if ('abstract' in record) papers.push(record);
    if (papers.length >= n + queryCount) break;
  }
  const indexed = papers.slice(0, Math.min(n, papers.length - queryCount));
  const embeddings = createEmbeddings({ provider: 'local' });
  const { texts, source } = queryTexts(file, papers.slice(indexed.length), queryCount);
  return {
    label: `${embeddings.info.name} ${corpusName(file)} ${(indexed.length / 1000).toFixed(1)}k×${embeddings.info.dimension}`,
    description: `${indexed.length} abstracts of \`${file}\` embedded (title + abstract) by the offline embedder ${embeddings.info.name} v${embeddings.info.version}; ${texts.length} queries from ${source}.`,
    dimension: embeddings.info.dimension,
    vectors: await embeddings.embedDocuments(indexed.map(embeddingText)),
    queries: await Promise.all(texts.map((t) => embeddings.embedQuery(t))),
  };
}

/**
 * The data sets named by the command line: synthetic clustered vectors always, SciFact and an
 * arXiv sample when their files exist (else synthetic hashed bag-of-words vectors in their place). The arXiv sample is measured on a narrowed grid (builds at that size
 * are slow) so the whole run stays within a few minutes.
 */
export async function loadHnswDatasets(args: readonly string[]): Promise<HnswDataset[]> {
  const queries = Number(option(args, 'queries', '500'));
  const real = await embeddedCorpus(option(args, 'real', DEFAULT_REAL), Number(option(args, 'real-n', '5183')), queries);
  const scaleFile = option(args, 'scale', DEFAULT_SCALE);
  const scale = await embeddedCorpus(scaleFile, Number(option(args, 'scale-n', '20000')), Math.min(queries, 300));
  // The whole file (75k abstracts by default) for the store's defaults only: recall falls as the index grows.
  const fullN = option(args, 'full-n', 'all');
  const full = await embeddedCorpus(scaleFile, fullN === 'all' ? Infinity : Number(fullN), Math.min(queries, 300));
  const defaults = { m: [HNSW_DEFAULTS.m], efConstruction: [HNSW_DEFAULTS.efConstruction], efSearch: [HNSW_DEFAULTS.efSearch] };
  const sets = [
    synthetic(args),
    // The hashed stand-in is measured by default only when there are no real abstracts to embed.
    hashed(args, real ? 0 : 10000),
    real,
    scale && { ...scale, grid: { m: [16, 32], efConstruction: [64, 100] } },
    full && { ...full, grid: defaults },
  ];
  return sets.filter((set): set is HnswDataset => Boolean(set));
}
