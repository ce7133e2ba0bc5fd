/**
 * SciFact (BEIR): indexes the 5,183 abstracts into a temporary data dir with the offline embedder,
 * runs the 300 held-out test claims and the 809 training claims through the retriever (the code
 * path of `footnote search --json --queries`), and reports nDCG@10 and Recall@100 for hybrid (the
 * default), lexical only and dense only. Tuning is done on train only: the fusion sweep runs over
 * the training claims, and its best setting is then scored once on test (`--no-tune` skips it).
 *
 *   npx tsx bench/scifact.ts [SCIFACT_DIR] [--no-tune]     (default ../shared/data/scifact)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPapers } from '../src/corpus/loadPapers.js';
import { HashedEmbeddings } from '../src/embeddings/local/HashedEmbeddings.js';
import { parseQrels, scoreRun, type Qrels, type Run } from '../src/eval/irMetrics.js';
import { createLogger } from '../src/logging/logger.js';
import { createRetriever, type RetrieverOptions } from '../src/retrieval/createRetriever.js';
import { expandQuery } from '../src/retrieval/expandQuery.js';
import { DEFAULT_FUSION, fuse, type FusionOptions } from '../src/retrieval/fuse.js';
import { DEFAULT_RERANK } from '../src/retrieval/rerankHead.js';
import type { RetrievalMode } from '../src/retrieval/types.js';
import type { Library } from '../src/store/Library.js';
import { openLibrary } from '../src/store/openLibrary.js';
import { describeWeights, sweepRerank } from './lib/rerankSweep.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_DIR = path.resolve(here, '../../shared/data/scifact');
const DOWNLOAD = 'https://public.ukp.informatik.tu-darmstadt.de/thakur/BEIR/datasets/scifact.zip';
const FILES = ['corpus.jsonl', 'queries.jsonl', 'qrels/test.tsv', 'qrels/train.tsv'];
const MODES: RetrievalMode[] = ['hybrid', 'lexical', 'dense'];
/** Synonyms per concept added to the lexical query (`createRetriever` uses 3). */
const SYNONYM_CHOICES = [0, 1, 3];
/** Head sizes for the rescoring sweep: its cost grows with the papers read (texts and vectors). */
const HEADS = [{ depth: 10, feedbackDocs: 3 }, { depth: 20, feedbackDocs: 5 }];
const PUBLISHED = [['BM25', 0.665], ['TAS-B', 0.643], ['ColBERT', 0.671], ['BM25 + cross-encoder', 0.688]] as const;

interface Split {
  name: 'test' | 'train';
  qrels: Qrels;
  queries: Array<{ id: string; text: string }>;
}

function requireData(dir: string): void {
  const missing = FILES.filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length === 0) return;
  throw new Error(
    `SciFact not found in ${dir} (missing ${missing.join(', ')}). Download ${DOWNLOAD}, unzip it, and pass its folder: npx tsx bench/scifact.ts path/to/scifact`,
  );
}

function loadSplits(dir: string): Split[] {
  const text = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(dir, 'queries.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const q = JSON.parse(line) as { _id: string | number; text: string };
    text.set(String(q._id), q.text);
  }
  return (['test', 'train'] as const).map((name) => {
    const qrels = parseQrels(fs.readFileSync(path.join(dir, 'qrels', `${name}.tsv`), 'utf8'));
    const queries = [...qrels.keys()].filter((id) => text.has(id)).map((id) => ({ id, text: text.get(id) as string }));
    return { name, qrels, queries };
  });
}

async function runSplit(library: Library, split: Split, mode: RetrievalMode, options: RetrieverOptions = {}): Promise<{ ndcg: number; recall: number; p50Ms: number }> {
  const retriever = createRetriever(library, options);
  const run: Run = new Map();
  const times: number[] = [];
  for (const q of split.queries) {
    const started = performance.now();
    const results = await retriever.retrieve(q.text, { k: 100, mode });
    times.push(performance.now() - started);
    run.set(q.id, results.map((r) => r.paper.id));
  }
  const { ndcg, recall } = scoreRun(run, split.qrels, 10, 100);
  times.sort((a, b) => a - b);
  return { ndcg, recall, p50Ms: times[Math.floor(times.length / 2)] ?? Number.NaN };
}

/** Fusion settings swept on the training claims only. */
function tuningGrid(): FusionOptions[] {
  const grid: FusionOptions[] = [];
  for (const lexicalWeight of [0.5, 0.6, 0.7, 0.8, 0.9]) {
    for (const bm25Half of [4, 8, 16, 32]) for (const similarityFull of [0.3, 0.5, 0.8]) grid.push({ ...DEFAULT_FUSION, method: 'saturate', lexicalWeight, bm25Half, similarityFull });
    grid.push({ ...DEFAULT_FUSION, method: 'max-norm', lexicalWeight });
    for (const rrfK of [10, 20, 60]) grid.push({ ...DEFAULT_FUSION, method: 'rrf', lexicalWeight, rrfK });
  }
  return grid;
}

/**
 * Each leg runs once per training claim (as `searchContent` runs it); only the fusion is redone per
 * setting, so the sweep costs seconds. Metadata routing and title promotion are left out: they do
 * not depend on the fusion.
 */
async function tune(library: Library, train: Split): Promise<{ markdown: string; best: RetrieverOptions }> {
  type Legs = { id: string; lexical: Record<number, Array<{ id: string; score: number }>>; dense: Array<{ id: string; similarity: number }> };
  const legs: Legs[] = [];
  for (const q of train.queries) {
    const lexical = Object.fromEntries(SYNONYM_CHOICES.map((n) => [n, library.lexicalSearch(n > 0 ? expandQuery(q.text, n) : q.text, 100)]));
    legs.push({ id: q.id, lexical, dense: await library.denseSearch(q.text, 100) });
  }
  const scored = SYNONYM_CHOICES.flatMap((synonyms) =>
    tuningGrid().map((fusion) => {
      const run: Run = new Map(legs.map((l) => [l.id, fuse(l.lexical[synonyms] ?? [], l.dense, fusion).map((h) => h.id)]));
      return { fusion, synonyms, ...scoreRun(run, train.qrels, 10, 100) };
    }),
  );
  scored.sort((a, b) => b.ndcg - a.ndcg);
  const describe = (f: FusionOptions) =>
    f.method === 'saturate' ? `saturate w=${f.lexicalWeight} bm25Half=${f.bm25Half} simFull=${f.similarityFull}` : f.method === 'rrf' ? `rrf w=${f.lexicalWeight} k=${f.rrfK}` : `max-norm w=${f.lexicalWeight}`;
  const rows = scored.slice(0, 8).map((r) => `| ${describe(r.fusion)} synonyms=${r.synonyms} | ${r.ndcg.toFixed(4)} | ${r.recall.toFixed(4)} |`);
  const top = scored[0] as (typeof scored)[number];
  const chosen = legs.map((l) => ({ id: l.id, lexical: l.lexical[top.synonyms] ?? [], dense: l.dense }));
  const heads = HEADS.map((head) => ({ head, ...sweepRerank(library, train.queries, chosen, train.qrels, top.fusion, head) }));
  const headRows = heads.map(({ head, scored: r, costMs }) => {
    const off = r.find((x) => Object.values(x.weights).every((w) => w === 0));
    const best = r[0] as (typeof r)[number];
    return `| top ${head.depth}, feedback from ${head.feedbackDocs} | ${describeWeights(best.weights)} | ${best.ndcg.toFixed(4)} | ${off?.ndcg.toFixed(4)} | ${costMs.p50.toFixed(2)} / ${costMs.p90.toFixed(2)} |`;
  });
  const chosenHead = heads.find((h) => h.head.depth === DEFAULT_RERANK.depth && h.head.feedbackDocs === DEFAULT_RERANK.feedbackDocs) ?? (heads[0] as (typeof heads)[number]);
  const reranked = chosenHead.scored;
  const rerankRows = reranked.slice(0, 8).map((r) => `| ${describeWeights(r.weights)} | ${r.ndcg.toFixed(4)} | ${r.recall.toFixed(4)} |`);
  const markdown = [
    '',
    `Fusion sweep on **train** only (${scored.length} settings, content legs only, best 8):`,
    '',
    '| fusion | nDCG@10 | Recall@100 |',
    '|---|---:|---:|',
    ...rows,
    '',
    `Head rescoring of the best fusion above, swept on **train** only (${reranked.length} weight settings per head size; cost = reading the evidence and rescoring, per claim):`,
    '',
    '| head | best weights | nDCG@10 | all weights 0 | ms p50 / p90 |',
    '|---|---|---:|---:|---:|',
    ...headRows,
    '',
    `Best 8 for the default head (top ${chosenHead.head.depth}, feedback from ${chosenHead.head.feedbackDocs}):`,
    '',
    '| weights | nDCG@10 | Recall@100 |',
    '|---|---:|---:|',
    ...rerankRows,
  ].join('\n');
  const best = reranked[0] as (typeof reranked)[number];
  return { markdown, best: { fusion: top.fusion, synonymsPerConcept: top.synonyms, rerank: { ...DEFAULT_RERANK, weights: best.weights } } };
}

export async function run(args: string[]): Promise<{ title: string; markdown: string }> {
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? DEFAULT_DIR);
  requireData(dir);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-scifact-'));
  const logger = createLogger({ level: 'silent' });
  const library = await openLibrary({ dataDir, embeddings: new HashedEmbeddings(), logger });
  try {
    const started = performance.now();
    const report = await library.ingest(loadPapers(path.join(dir, 'corpus.jsonl'), 'beir'));
    // A catalog this size builds its in-memory BM25 in the background; FTS5 answers until then.
    await library.warm?.();
    const ingestS = (performance.now() - started) / 1000;
    const rows: string[] = [];
    const splits = loadSplits(dir);
    for (const split of splits) {
      for (const mode of MODES) {
        const r = await runSplit(library, split, mode);
        const label = `${split.name === 'test' ? '**test** (held out)' : 'train'} | ${mode}${mode === 'hybrid' ? ' (default)' : ''}`;
        rows.push(`| ${label} | ${split.queries.length} | ${r.ndcg.toFixed(3)} | ${r.recall.toFixed(3)} | ${r.p50Ms.toFixed(1)} |`);
        process.stderr.write(`scifact: ${rows.at(-1)}\n`);
      }
    }
    let tuning = '';
    if (!args.includes('--no-tune')) {
      const [test, train] = splits as [Split, Split];
      const tuned = await tune(library, train);
      const r = await runSplit(library, test, 'hybrid', tuned.best);
      rows.push(`| **test** (held out) | hybrid, fusion and head rescoring tuned on train (best rows below) | ${test.queries.length} | ${r.ndcg.toFixed(3)} | ${r.recall.toFixed(3)} | ${r.p50Ms.toFixed(1)} |`);
      process.stderr.write(`scifact: ${rows.at(-1)}\n`);
      tuning = tuned.markdown;
    }
    const markdown = [
      `Offline default (local-hashed embedder, no key). ${library.count()} abstracts indexed in ${ingestS.toFixed(1)} s (${report.duplicates} duplicate abstracts skipped); k = 100 per claim.`,
      '',
      '| split | retrieval | claims | nDCG@10 | Recall@100 | p50 ms |',
      '|---|---|---:|---:|---:|---:|',
      ...rows,
      '',
      `Published nDCG@10 on the test split (BEIR, Thakur et al. 2021): ${PUBLISHED.map(([n, v]) => `${n} ${v}`).join(', ')}. Goal for the offline default: ≥ 0.70.`,
      tuning,
      '',
      `Command: \`npx tsx bench/scifact.ts ${args.join(' ')}\` · data ${dir} · load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    ].join('\n');
    return { title: 'SciFact retrieval quality (BEIR)', markdown };
  } finally {
    library.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const section = await run(process.argv.slice(2));
  process.stdout.write(`## ${section.title}\n\n${section.markdown}\n`);
}
