/**
 * The vectors `bench/hnswRecall.ts` measures: synthetic clustered vectors, and real abstracts
 * embedded by the offline embedder when a corpus file is at hand (SciFact by default).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPapers } from '../src/corpus/loadPapers.js';
import { embeddingText } from '../src/corpus/normalise.js';
import type { Paper } from '../src/corpus/Paper.js';
import { createEmbeddings } from '../src/embeddings/createEmbeddings.js';
import { clusteredVectors } from '../test/support/syntheticVectors.js';

export interface HnswDataset {
  label: string;
  description: string;
  dimension: number;
  vectors: number[][];
  queries: number[][];
}

const DEFAULT_REAL = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'scifact', 'corpus.jsonl');

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

/** Query texts: the BEIR `queries.jsonl` beside the corpus when present, else held-out titles. */
function queryTexts(file: string, heldOut: readonly Paper[], count: number): { texts: string[]; source: string } {
  const beirQueries = join(dirname(file), 'queries.jsonl');
  if (!existsSync(beirQueries)) return { texts: heldOut.slice(0, count).map((p) => p.title), source: 'titles of papers not indexed' };
  const lines = readFileSync(beirQueries, 'utf8').split('\n').filter(Boolean).slice(0, count);
  return { texts: lines.map((line) => String((JSON.parse(line) as { text: unknown }).text)), source: 'the BEIR queries beside it' };
}

async function real(args: readonly string[]): Promise<HnswDataset | undefined> {
  const file = option(args, 'real', DEFAULT_REAL);
  if (file === 'none') return undefined;
  if (!existsSync(file)) {
    process.stderr.write(`hnswRecall: ${file} not found, real vectors skipped (SciFact: https://public.ukp.informatik.tu-darmstadt.de/thakur/BEIR/datasets/scifact.zip)\n`);
    return undefined;
  }
  const n = Number(option(args, 'real-n', '5183'));
  const queryCount = Number(option(args, 'queries', '500'));
  const papers: Paper[] = [];
  for await (const record of loadPapers(file)) {
    if ('abstract' in record) papers.push(record);
    if (papers.length >= n + queryCount) break;
  }
  const indexed = papers.slice(0, n);
  const embeddings = createEmbeddings({ provider: 'local' });
  const { texts, source } = queryTexts(file, papers.slice(n), queryCount);
  return {
    label: `${embeddings.info.name} ${(indexed.length / 1000).toFixed(1)}k×${embeddings.info.dimension}`,
    description: `${indexed.length} abstracts of \`${file}\` embedded (title + abstract) by the offline embedder ${embeddings.info.name} v${embeddings.info.version}; ${texts.length} queries from ${source}.`,
    dimension: embeddings.info.dimension,
    vectors: await embeddings.embedDocuments(indexed.map(embeddingText)),
    queries: await Promise.all(texts.map((t) => embeddings.embedQuery(t))),
  };
}

/** The data sets named by the command line; synthetic always, real when its file exists. */
export async function loadHnswDatasets(args: readonly string[]): Promise<HnswDataset[]> {
  const realData = await real(args);
  return realData ? [synthetic(args), realData] : [synthetic(args)];
}
