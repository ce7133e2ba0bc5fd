/**
 * A year of daily highlights over real arXiv announcements (`first_seen_file`), through the real
 * service, run ledger and SQLite paper catalog, with a fake clock. Checks that no paper repeats
 * within a cycle and that new papers come first, once; measures the time of each daily run.
 *
 *   npx tsx bench/highlightsYear.ts [path/to/arxiv_all_dedup.jsonl.gz]
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadPapers } from '../src/corpus/loadPapers.js';
import type { Paper } from '../src/corpus/Paper.js';
import { createHighlightsService } from '../src/highlights/HighlightsService.js';
import { openStateDb } from '../src/state/openStateDb.js';
import type { Library } from '../src/store/Library.js';
import { PaperCatalog } from '../src/store/PaperCatalog.js';
import { FakeClock } from '../test/support/highlights/FakeClock.js';
import { RecordingPublisher } from '../test/support/highlights/RecordingPublisher.js';
import { runIfMain } from './lib/report.js';

const DEFAULT_DATA = ['../shared/data/arxiv/arxiv_all_dedup.jsonl.gz', '/work/shared/data/arxiv/arxiv_all_dedup.jsonl.gz'];
const YEAR_START = '2025-07-02';
const GUILD = '100000000000000001';

interface Scenario { label: string; sampleEvery: number; count: number }
interface Outcome {
  label: string; corpusEnd: number; days: number; posts: number; picks: number; repeatsInCycle: number; cycles: number;
  newArrived: number; newHighlighted: number; newTwice: number; medianLagDays: number; p50Ms: number; p95Ms: number; maxMs: number; cpuP50Ms: number; cpuP95Ms: number;
}

const summarize = (p: Paper) => {
  const s = p.abstract.split(/(?<=\.)\s+/);
  return { text: s.slice(0, 2).join(' '), keyFinding: s[1] ?? s[0] ?? '' };
};
const sampled = (id: string, every: number) => every === 1 || createHash('md5').update(id).digest().readUInt32LE(0) % every === 0;
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function readByDay(file: string): Promise<Map<string, Paper[]>> {
  const byDay = new Map<string, Paper[]>();
  for await (const r of loadPapers(file, 'arxiv')) {
    if (!('id' in r) || !r.published) continue;
    byDay.set(r.published, [...(byDay.get(r.published) ?? []), r]);
  }
  return byDay;
}

function write(catalog: PaperCatalog, papers: Paper[], addedAt: string): void {
  catalog.writeBatch(papers.map((paper) => ({ paper, contentHash: paper.id, embeddingHash: paper.id, abstractKey: paper.id, reembed: false })), addedAt);
}

async function simulate(byDay: Map<string, Paper[]>, sc: Scenario): Promise<Outcome> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-hl-bench-'));
  const clock = new FakeClock(`${addDays(YEAR_START, -1)}T12:00:00Z`);
  const catalog = PaperCatalog.open(path.join(dir, 'corpus.db'));
  const take = (papers: Paper[]) => papers.filter((p) => sampled(p.id, sc.sampleEvery));
  write(catalog, [...byDay].filter(([d]) => d < YEAR_START).flatMap(([, ps]) => take(ps)), clock.now().toISOString());
  const state = openStateDb(path.join(dir, 'state.db'));
  const publisher = new RecordingPublisher();
  const config = { discord: { messageContentIntent: false, askChannelIds: [], rateLimitPerMinute: 5, maxConcurrentAnswers: 4 }, highlights: { time: '09:00', timezone: 'UTC', count: sc.count, arxivApiBase: 'http://127.0.0.1:9/' } };
  const service = createHighlightsService({ library: catalog as unknown as Library, assistant: { summarize }, state, publisher, clock, logger: pino({ level: 'silent' }), config, feedback: { likesByPaper: () => new Map() } });
  await service.start();
  service.configure({ guildId: GUILD, channelId: '200000000000000001', time: '09:00', timezone: 'UTC', count: sc.count });
  const arrived = new Map<string, string>();
  const ms: number[] = [];
  const cpuMs: number[] = [];
  const cycleOf: number[] = [];
  for (let day = YEAR_START, i = 0; i < 365; day = addDays(day, 1), i++) {
    await clock.advanceTo(`${day}T06:00:00Z`);
    const fresh = take(byDay.get(day) ?? []);
    write(catalog, fresh, clock.now().toISOString());
    for (const p of fresh) arrived.set(p.id, day);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await clock.advanceTo(`${day}T09:00:00Z`);
    const cpu = process.cpuUsage(cpu0);
    ms.push(performance.now() - t0);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    cycleOf.push((state.prepare('SELECT cycle FROM highlight_rotation WHERE guild_id = ?').pluck().get(GUILD) as number) ?? 1);
  }
  const seen = new Set<string>();
  let repeats = 0;
  const firstShown = new Map<string, string>();
  let newTwice = 0;
  publisher.posts.forEach((post, i) => {
    for (const e of post.entries) {
      const key = `${cycleOf[i]}:${e.id}`;
      if (seen.has(key)) repeats += 1;
      seen.add(key);
      if (arrived.has(e.id)) {
        if (firstShown.has(e.id) && cycleOf[i] === 1) newTwice += 1;
        if (!firstShown.has(e.id)) firstShown.set(e.id, post.date);
      }
    }
  });
  const lags = [...firstShown].map(([id, shown]) => (Date.parse(shown) - Date.parse(arrived.get(id) as string)) / 86_400_000);
  const outcome: Outcome = {
    label: sc.label, corpusEnd: catalog.count(), days: 365, posts: publisher.posts.length, picks: publisher.posts.reduce((n, p) => n + p.entries.length, 0),
    repeatsInCycle: repeats, cycles: Math.max(...cycleOf), newArrived: arrived.size, newHighlighted: firstShown.size, newTwice,
    medianLagDays: pct(lags, 0.5), p50Ms: pct(ms, 0.5), p95Ms: pct(ms, 0.95), maxMs: Math.max(...ms), cpuP50Ms: pct(cpuMs, 0.5), cpuP95Ms: pct(cpuMs, 0.95),
  };
  service.stop();
  state.close();
  catalog.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return outcome;
}

function table(rows: Outcome[]): string {
  const head = '| scenario | papers at end | posts | picks | repeats within a cycle | cycles | new papers in the year | new highlighted | new shown twice (1st cycle) | median lag (days) | daily run wall p50 / p95 / max (ms) | daily run CPU p50 / p95 (ms) |\n|---|---|---|---|---|---|---|---|---|---|---|---|';
  return [head, ...rows.map((r) => `| ${r.label} | ${r.corpusEnd} | ${r.posts} | ${r.picks} | ${r.repeatsInCycle} | ${r.cycles} | ${r.newArrived} | ${r.newHighlighted} | ${r.newTwice} | ${r.medianLagDays} | ${r.p50Ms.toFixed(1)} / ${r.p95Ms.toFixed(1)} / ${r.maxMs.toFixed(1)} | ${r.cpuP50Ms.toFixed(1)} / ${r.cpuP95Ms.toFixed(1)} |`)].join('\n');
}

export async function run(args: string[]): Promise<{ title: string; markdown: string }> {
  const file = args[0] ?? DEFAULT_DATA.find((f) => fs.existsSync(f));
  if (!file || !fs.existsSync(file)) {
    const markdown = `Data missing: pass the path of \`arxiv_all_dedup.jsonl.gz\` (74,728 arXiv papers with \`first_seen_file\`; see ../shared/data/README.md). Looked in: ${[file, ...DEFAULT_DATA].filter(Boolean).join(', ')}.`;
    return { title: 'Daily highlights over a year of arXiv', markdown };
  }
  const byDay = await readByDay(file);
  const rows = [
    await simulate(byDay, { label: 'all papers (~160 new a day), 3 a day', sampleEvery: 1, count: 3 }),
    await simulate(byDay, { label: '1 in 128 papers (~1 new a day), 3 a day', sampleEvery: 128, count: 3 }),
  ];
  const markdown = [
    `A simulated year (${YEAR_START} + 365 days) of one guild's 09:00 UTC post. Papers announced before the year are loaded first; each day's announcements (\`first_seen_file\`) are written to the real SQLite catalog at 06:00, then the fake clock reaches 09:00 and the real service selects, summarises (first sentences), records the run and "posts" to a recording publisher. "Daily run" is that whole tick (wall clock, and CPU time of this process: the machine is shared, so CPU time is the steadier figure). Repeats are counted per rotation cycle from the ledger; "new shown twice" counts papers shown again within the first cycle.`,
    '',
    table(rows),
    '',
    `_Command: \`npx tsx bench/highlightsYear.ts ${args.join(' ')}\`, ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}._`,
  ].join('\n');
  return { title: 'Daily highlights over a year of arXiv', markdown };
}

await runIfMain(import.meta.url, run);
