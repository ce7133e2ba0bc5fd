/** Issue 2's speed figures: warm `ask` latency, cold CLI wall time, peak memory, on the seed papers. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadQuestions } from '../src/eval/index.js';
import { fmt, percentile, runIfMain, table } from './lib/report.js';
import { seedApp } from './lib/seedApp.js';

const ROUNDS = 5;
const COLD_RUNS = 5;

async function warmLatency(): Promise<{ p50: number; p99: number; n: number; rssMb: number }> {
  const questions = loadQuestions(path.resolve('test/fixtures/questions.jsonl')).map((q) => q.question);
  const { app, dispose } = await seedApp();
  const times: number[] = [];
  try {
    for (const q of questions) await app.assistant.ask(q); // warm-up: caches, JIT
    for (let r = 0; r < ROUNDS; r++) {
      for (const q of questions) {
        const t = performance.now();
        await app.assistant.ask(q);
        times.push(performance.now() - t);
      }
    }
  } finally {
    await dispose();
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length, rssMb: process.resourceUsage().maxRSS / 1024 };
}

/** `footnote ask` as a user runs it, index already built (the first run builds it and is reported apart). */
function coldCli(): { first: number; p50: number; max: number; rssMb: number } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-cold-'));
  const env = { ...process.env, FOOTNOTE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const once = () => {
    const t = performance.now();
    execFileSync(process.execPath, ['bin/footnote.js', 'ask', 'what is Fast Forward?', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    return performance.now() - t;
  };
  try {
    const first = once();
    const runs = Array.from({ length: COLD_RUNS }, once).sort((a, b) => a - b);
    const rss = execFileSync('/bin/sh', ['-c', `command -v /usr/bin/time >/dev/null && /usr/bin/time -f %M ${process.execPath} bin/footnote.js ask "what is Fast Forward?" 2>&1 >/dev/null | tail -1 || echo 0`], { env }).toString().trim();
    return { first, p50: percentile(runs, 50), max: runs[runs.length - 1] as number, rssMb: Number(rss) / 1024 };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<{ title: string; markdown: string }> {
  if (!fs.existsSync('dist/cli/main.js')) throw new Error('dist/ is missing: run `npm run build` first');
  const warm = await warmLatency();
  const cold = coldCli();
  return {
    title: 'Latency and memory on the seed papers',
    markdown: [
      `Warm: ${warm.n} \`Assistant.ask\` calls in one process (the question set × ${ROUNDS}, after one warm-up pass). Cold: \`node bin/footnote.js ask … --json\` as a new process each time (${COLD_RUNS} runs; the very first run also builds the index from the seeds). Load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}.`,
      '',
      table(['measure', 'value', 'goal'], [
        ['warm ask p50', `${fmt(warm.p50, 1)} ms`, '≤ 20 ms'],
        ['warm ask p99', `${fmt(warm.p99, 1)} ms`, '≤ 100 ms'],
        ['cold CLI ask, first run (builds the index)', `${fmt(cold.first / 1000, 2)} s`, ''],
        ['cold CLI ask, p50 / max', `${fmt(cold.p50 / 1000, 2)} s / ${fmt(cold.max / 1000, 2)} s`, '≤ 2 s'],
        ['peak RSS, bench process (warm runs)', `${fmt(warm.rssMb, 0)} MB`, ''],
        ['peak RSS, one CLI ask', cold.rssMb > 0 ? `${fmt(cold.rssMb, 0)} MB` : 'n/a (no /usr/bin/time)', ''],
      ]),
    ].join('\n'),
  };
}

await runIfMain(import.meta.url, run);
