/**
 * Why the offline embedder and the fusion are what they are: retrieval hit@1 / hit@3 / MRR on the
 * fixture question set for each embedder candidate in each retrieval mode, each fusion method, and
 * (when SciFact is beside the project) the dense leg's nDCG@10 on SciFact's train queries.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HashedEmbeddings, type HashedEmbeddingsOptions } from '../src/embeddings/local/HashedEmbeddings.js';
import { loadQuestions, type EvalQuestion } from '../src/eval/index.js';
import { createLogger } from '../src/logging/logger.js';
import { createRetriever, type RetrieverOptions } from '../src/retrieval/createRetriever.js';
import { DEFAULT_FUSION } from '../src/retrieval/fuse.js';
import type { RetrievalMode } from '../src/retrieval/types.js';
import type { Library } from '../src/store/Library.js';
import { openLibrary } from '../src/store/openLibrary.js';
import { denseScifact, loadScifactTrain } from './lib/denseScifact.js';
import { fmt, runIfMain, table } from './lib/report.js';

const CANDIDATES: Array<[string, HashedEmbeddingsOptions]> = [
  ['**local-hashed (default)**: IDF-weighted words + concepts + pairs + char 3–5-grams, 512-d', {}],
  ['same, 384-d', { dimension: 384, variant: 'd384' }],
  ['same, 768-d', { dimension: 768, variant: 'd768' }],
  ['same without the fixed IDF', { idf: false, variant: 'noidf' }],
  ['same without char n-grams', { charNgrams: 0, variant: 'nochars' }],
  ['same without concepts (no synonym map)', { concepts: 0, variant: 'noconcepts' }],
  ['stemmed words only (hashed BoW, no IDF)', { concepts: 0, bigrams: 0, charNgrams: 0, idf: false, variant: 'words' }],
  ['char 3–5-grams only', { words: 0, concepts: 0, bigrams: 0, variant: 'chars' }],
];

async function seeded(embedder: HashedEmbeddings): Promise<{ library: Library; dispose(): void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-rq-'));
  const seedFile = path.resolve('seeds/papers.jsonl');
  const library = await openLibrary({ dataDir, embeddings: embedder, logger: createLogger({ level: 'silent' }), seedFile });
  return { library, dispose: () => (library.close(), fs.rmSync(dataDir, { recursive: true, force: true })) };
}

async function score(library: Library, questions: EvalQuestion[], mode: RetrievalMode, options: RetrieverOptions = {}): Promise<string[]> {
  const retriever = createRetriever(library, options);
  let h1 = 0;
  let h3 = 0;
  let mrr = 0;
  for (const q of questions) {
    const rank = (await retriever.retrieve(q.question, { k: 10, mode })).findIndex((r) => q.expected.includes(r.paper.id));
    h1 += rank === 0 ? 1 : 0;
    h3 += rank >= 0 && rank < 3 ? 1 : 0;
    mrr += rank >= 0 ? 1 / (rank + 1) : 0;
  }
  return [h1, h3, mrr].map((x) => fmt(x / questions.length));
}

export async function run(args: string[]): Promise<{ title: string; markdown: string }> {
  const file = args[0] ?? path.resolve('test/fixtures/questions.jsonl');
  const scifactDir = args[1] ?? path.resolve('../shared/data/scifact');
  const questions = loadQuestions(file).filter((q) => q.expected.length > 0);
  const scifact = loadScifactTrain(scifactDir);
  const rows: (string | number)[][] = [];
  let lexical: string[] = [];
  const fusionRows: (string | number)[][] = [];
  for (const [label, options] of CANDIDATES) {
    const embedder = new HashedEmbeddings(options);
    const { library, dispose } = await seeded(embedder);
    try {
      const dense = await score(library, questions, 'dense');
      const hybrid = await score(library, questions, 'hybrid');
      if (rows.length === 0) {
        lexical = await score(library, questions, 'lexical');
        for (const method of ['saturate', 'max-norm', 'rrf'] as const) {
          for (const lexicalWeight of new Set([0.5, 0.7, DEFAULT_FUSION.lexicalWeight])) {
            const s = await score(library, questions, 'hybrid', { fusion: { ...DEFAULT_FUSION, method, lexicalWeight } });
            fusionRows.push([`${method}${method === DEFAULT_FUSION.method && lexicalWeight === DEFAULT_FUSION.lexicalWeight ? ' (default)' : ''}`, lexicalWeight, ...s]);
          }
        }
      }
      const sf = scifact ? denseScifact(scifact, embedder) : undefined;
      rows.push([label, ...dense, ...hybrid, sf ? fmt(sf.ndcg10) : '–', sf ? sf.cpuMsPer1k.toFixed(0) : '–']);
    } finally {
      dispose();
    }
  }
  return {
    title: 'Retrieval quality: embedder candidates, modes and fusion',
    markdown: [
      `Retrieval only (no answerer): the first expected paper's rank among the top 10, over the ${questions.length} answerable questions of \`${path.relative(process.cwd(), file)}\`. BM25 alone (the lexical leg, same for every embedder): hit@1 ${lexical[0]}, hit@3 ${lexical[1]}, MRR ${lexical[2]}.`,
      scifact
        ? `SciFact column: the dense leg alone by exact cosine over the 5,183 SciFact abstracts, nDCG@10 on the ${scifact.queries.length} **train** queries (tuning data; the held-out test figure is in the SciFact section). CPU ms per 1,000 abstracts is the embedder's own cost (process CPU time, robust to other load).`
        : `SciFact columns skipped: put SciFact (BEIR format) in \`${scifactDir}\` (corpus.jsonl, queries.jsonl, qrels/train.tsv) or pass its path as the second argument.`,
      '',
      table(['embedder', 'dense hit@1', 'dense hit@3', 'dense MRR', 'hybrid hit@1', 'hybrid hit@3', 'hybrid MRR', 'SciFact train nDCG@10 (dense)', 'CPU ms / 1k abstracts'], rows),
      '',
      'Fusion of the two legs (default embedder, hybrid mode):',
      '',
      table(['fusion', 'lexical weight', 'hit@1', 'hit@3', 'MRR'], fusionRows),
    ].join('\n'),
  };
}

await runIfMain(import.meta.url, run);
