/** Warm query latency for bench/scale.ts: the composition root over a data dir the CLI built. */
import os from 'node:os';
import { loadConfig } from '../src/config/index.js';
import type { Paper } from '../src/corpus/Paper.js';
import { createLogger } from '../src/logging/logger.js';
import { createApp } from '../src/main.js';
import { createRetriever } from '../src/retrieval/createRetriever.js';

export interface Latency {
  papers: number;
  retrieveP50: number;
  retrieveP95: number;
  askP50: number;
  askP95: number;
  /** Time from open until the in-memory BM25 index was built (searches use FTS5 until then). */
  warmMs: number;
  /** This process's RSS with the library open and warm. */
  rssMb: number;
  load: string;
}

/** A deterministic spread of papers: the same questions on every run. */
function samplePapers(list: (offset: number, limit: number) => { total: number; papers: Paper[] }, n: number): Paper[] {
  const { total } = list(0, 1);
  const step = Math.max(1, Math.floor(total / n));
  const out: Paper[] = [];
  for (let at = Math.floor(step / 2); at < total && out.length < n; at += step) out.push(...list(at, 1).papers);
  return out;
}

/** Mostly topic questions from titles; every fifth asks by author, every seventh by year and topic. */
function questionFor(paper: Paper, i: number): string {
  const words = paper.title.replace(/[^\p{L}\p{N}\s-]/gu, ' ').split(/\s+/).filter((w) => w.length > 3);
  const topic = words.slice(0, 5).join(' ').toLowerCase() || paper.title;
  if (i % 5 === 0 && paper.authors[0]) return `Which papers did ${paper.authors[0]} write?`;
  if (i % 7 === 0 && paper.year) return `What was published in ${paper.year} about ${words.slice(0, 2).join(' ').toLowerCase()}?`;
  return `What is known about ${topic}?`;
}

function percentiles(times: number[]): [number, number] {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return [at(0.5), at(0.95)];
}

async function timeEach(questions: string[], call: (q: string) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const q of questions) {
    const started = performance.now();
    await call(q);
    times.push(performance.now() - started);
  }
  return times;
}

/** Opens the data dir as the bot would, asks every question once to warm up, then times a second pass. */
export async function measureLatency(dataDir: string, n: number): Promise<Latency> {
  const config = loadConfig({ FOOTNOTE_DATA_DIR: dataDir, EMBEDDINGS: 'local', LLM_PROVIDER: 'none' });
  const app = await createApp(config, createLogger({ level: 'silent' }), { seedFile: null });
  try {
    const { assistant } = app;
    const retriever = createRetriever(app.library);
    const warmStarted = performance.now();
    await app.library.warm?.();
    const warmMs = performance.now() - warmStarted;
    const questions = samplePapers((o, l) => assistant.listPapers(o, l), n).map(questionFor);
    for (const q of questions) await assistant.ask(q);
    const [retrieveP50, retrieveP95] = percentiles(await timeEach(questions, (q) => retriever.retrieve(q)));
    const [askP50, askP95] = percentiles(await timeEach(questions, (q) => assistant.ask(q)));
    return { warmMs, papers: assistant.stats().papers, retrieveP50, retrieveP95, askP50, askP95, rssMb: process.memoryUsage().rss / 2 ** 20, load: os.loadavg()[0]!.toFixed(1) };
  } finally {
    await app.close();
  }
}
