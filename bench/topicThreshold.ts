/**
 * Calibrates the subscription matcher's similarity floor for the offline embedder on SciFact's
 * TRAIN judgements (never the test set): each claim plays a topic, its judged abstracts are the
 * papers that should reach the subscriber, every other abstract in the topic's top 2% should not.
 *
 *   npx tsx bench/topicThreshold.ts [path/to/scifact]
 */
import fs from 'node:fs';
import os from 'node:os';
import { createEmbeddings } from '../src/embeddings/createEmbeddings.js';
import type { HashedEmbeddings } from '../src/embeddings/local/HashedEmbeddings.js';
import { DEFAULT_TOPIC_MATCHING, matchingSentence, topicStems } from '../src/highlights/subscriptions/matchTopic.js';
import { loadScifactTrain } from './lib/denseScifact.js';

/** Short topics as users type them, each with the seed paper it is about (hand-labelled). */
const SEED_TOPICS: Array<[string, string]> = [
  ['low-rank adaptation', 'arxiv:2409.04206'],
  ['mechanistic interpretability', 'arxiv:2410.09087'],
  ['memorization', 'arxiv:2406.17746'],
  ['guardrails bias', 'arxiv:2407.06866'],
  ['chess', 'arxiv:2406.11741'],
];

/** Per short topic: its paper's cosine and the best cosine of any other seed paper. */
function seedTopics(): string[] {
  const embedder = createEmbeddings({ provider: 'local' }) as HashedEmbeddings;
  const seeds = fs.readFileSync('seeds/papers.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; title: string; abstract: string });
  const vectors = seeds.map((p) => embedder.embed(`${p.title}\n${p.abstract}`));
  return SEED_TOPICS.map(([topic, id]) => {
    const v = embedder.embed(topic);
    const sims = vectors.map((d) => d.reduce((acc, x, j) => acc + x * (v[j] as number), 0));
    const own = sims[seeds.findIndex((p) => p.id === id)] ?? 0;
    const other = Math.max(...sims.filter((_, i) => seeds[i]?.id !== id));
    return `| ${topic} | ${id} | ${own.toFixed(3)} | ${other.toFixed(3)} |`;
  });
}

const DEFAULT_DIRS = ['../shared/data/scifact', '/work/shared/data/scifact'];
const FLOORS = Array.from({ length: 17 }, (_, i) => 0.1 + i * 0.025);

interface Candidate { similarity: number; relevant: boolean; overlap: number }

function candidates(dir: string): { pairs: Candidate[]; judged: number; queries: number; docs: number } {
  const data = loadScifactTrain(dir);
  if (!data) throw new Error('missing');
  const embedder = createEmbeddings({ provider: 'local' }) as HashedEmbeddings;
  const vectors = data.docs.map((d) => Float32Array.from(embedder.embed(d.text)));
  const k = Math.max(20, Math.ceil(data.docs.length * DEFAULT_TOPIC_MATCHING.topShare));
  const pairs: Candidate[] = [];
  let judged = 0;
  for (const q of data.queries) {
    const v = embedder.embed(q.text);
    const stems = topicStems(q.text);
    const top = vectors.map((d, i) => ({ i, s: d.reduce((acc, x, j) => acc + x * (v[j] as number), 0) })).sort((a, b) => b.s - a.s).slice(0, k);
    judged += q.relevant.size;
    for (const { i, s } of top) {
      const doc = data.docs[i]!;
      const [title = '', ...rest] = doc.text.split('\n');
      pairs.push({ similarity: s, relevant: q.relevant.has(doc.id), overlap: matchingSentence({ title, abstract: rest.join(' ') }, stems).overlap });
    }
  }
  return { pairs, judged, queries: data.queries.length, docs: data.docs.length };
}

export async function run(args: string[]): Promise<{ title: string; markdown: string }> {
  const dir = args[0] ?? DEFAULT_DIRS.find((d) => fs.existsSync(d));
  const title = 'Subscription matching threshold (SciFact train)';
  if (!dir || !fs.existsSync(dir)) return { title, markdown: 'Data missing: pass the SciFact BEIR folder (corpus.jsonl, queries.jsonl, qrels/train.tsv; see ../shared/data/README.md).' };
  const { pairs, judged, queries, docs } = candidates(dir);
  const rows = FLOORS.map((floor) => {
    const kept = pairs.filter((p) => p.similarity >= floor && p.overlap > 0);
    const hits = kept.filter((p) => p.relevant).length;
    const precision = kept.length ? hits / kept.length : 0;
    const recall = hits / judged;
    return { floor, kept: kept.length, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  });
  const best = rows.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  const markdown = [
    `Each of ${queries} train claims is a topic over ${docs} abstracts; candidates are its top ${(DEFAULT_TOPIC_MATCHING.topShare * 100).toFixed(0)}% by cosine (offline \`local\` embedder), kept when over the floor and sharing a word stem. Judged abstracts: ${judged}.`,
    '',
    '| floor | kept | precision | recall | F1 |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.floor.toFixed(3)} | ${r.kept} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | ${r.f1.toFixed(3)} |`),
    '',
    `Best F1 on claims at floor **${best.floor.toFixed(3)}**. Claims are whole sentences; users subscribe with a few words, which score lower against an abstract. Short topics over the ten seed papers:`,
    '',
    '| topic | its paper | cosine to its paper | best cosine to another paper |',
    '|---|---|---|---|',
    ...seedTopics(),
    '',
    `The matcher's default floor is **${DEFAULT_TOPIC_MATCHING.minSimilarity}**: under every short topic's own paper, above almost every unrelated one; the top-${(DEFAULT_TOPIC_MATCHING.topShare * 100).toFixed(0)}% rank bar and the shared-stem rule carry the precision the floor alone lacks on claims.`,
    '',
    `_Command: \`npx tsx bench/topicThreshold.ts ${args.join(' ')}\`, ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}._`,
  ].join('\n');
  return { title, markdown };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { markdown } = await run(process.argv.slice(2));
  process.stdout.write(`${markdown}\n`);
}
