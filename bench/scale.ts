/**
 * Footnote at scale, on real arXiv abstracts: ingest from an empty data dir through the real CLI
 * (`node bin/footnote.js ingest`, a child process: wall time, user+sys CPU and peak RSS from GNU
 * time), re-ingest of the same files, index size on disk, time until `footnote chat` answers its
 * first question, and warm retrieval and `ask` latency at 1k, 31k and 75k papers.
 *
 *   npx tsx bench/scale.ts [--arxiv DIR] [--sets 1k,31k,75k] [--questions 200]
 *
 * DIR defaults to ../shared/data/arxiv beside the project. The CLI runs from dist/, which is
 * rebuilt first when src/ is newer.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstAnswerMs, loadAverage, runCli, type ChildRun } from './scaleChild.js';
import { measureLatency, type Latency } from './scaleLatency.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_ARXIV = path.resolve(root, '../shared/data/arxiv');
const PARTS = [1, 2, 3, 4, 5].map((n) => `arxiv_cs_CL_LG_dedup.part0${n}.jsonl.gz`);
const ALL = 'arxiv_all_dedup.jsonl.gz';
const TARGETS: Record<string, number> = { '31k': 60, '75k': 120 };

interface SetResult {
  name: string;
  papers: number;
  ingest: ChildRun;
  reingest: ChildRun;
  reingestSummary: string;
  diskMb: { catalog: number; index: number };
  latency: Latency;
  chatReadyMs?: number;
}

function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? (args[at + 1] as string) : fallback;
}

function newestMtime(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((t, e) => Math.max(t, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs), 0);
}

/** The CLI runs compiled; a stale dist/ would measure old code. */
function ensureBuilt(): void {
  const main = path.join(root, 'dist/cli/main.js');
  if (fs.existsSync(main) && fs.statSync(main).mtimeMs >= newestMtime(path.join(root, 'src'))) return;
  process.stderr.write('scale: building dist/ (src is newer)…\n');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}

function sizeMb(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size / 2 ** 20;
  return fs.readdirSync(target).reduce((sum, f) => sum + sizeMb(path.join(target, f)), 0);
}

/** The first `n` records of the first part, as a plain JSON Lines file (the 1k set). */
function firstRecords(file: string, n: number, out: string): string {
  const lines = execFileSync('sh', ['-c', `gzip -dc "${file}" | head -n ${n}`], { maxBuffer: 64 * 2 ** 20 }).toString();
  fs.writeFileSync(out, lines);
  return out;
}

function inputsFor(name: string, arxiv: string, work: string): string[] {
  if (name === '1k') return [firstRecords(path.join(arxiv, PARTS[0] as string), 1000, path.join(work, 'arxiv-1k.jsonl'))];
  return name === '31k' ? PARTS.map((p) => path.join(arxiv, p)) : [path.join(arxiv, ALL)];
}

async function measureSet(name: string, arxiv: string, work: string, questions: number): Promise<SetResult> {
  const files = inputsFor(name, arxiv, work);
  const missing = files.filter((f) => !fs.existsSync(f));
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: put the arXiv files from the shared data README in ${arxiv} or pass --arxiv DIR`);
  const dataDir = path.join(work, `data-${name}`);
  process.stderr.write(`scale ${name}: ingest…\n`);
  const ingest = await runCli(root, dataDir, ['ingest', ...files]);
  process.stderr.write(`scale ${name}: ${ingest.stdout.trim()} in ${ingest.wallS.toFixed(1)} s; re-ingest…\n`);
  const reingest = await runCli(root, dataDir, ['ingest', ...files]);
  const chatReadyMs = name === '75k' ? await firstAnswerMs(root, dataDir, 'What is known about low-rank adaptation of large language models?') : undefined;
  process.stderr.write(`scale ${name}: latency…\n`);
  const latency = await measureLatency(dataDir, questions);
  const result: SetResult = {
    name, papers: latency.papers, ingest, reingest, reingestSummary: reingest.stdout.trim(),
    diskMb: { catalog: sizeMb(path.join(dataDir, 'corpus.db')) + sizeMb(path.join(dataDir, 'corpus.db-wal')), index: sizeMb(path.join(dataDir, 'index')) },
    latency, chatReadyMs,
  };
  fs.rmSync(dataDir, { recursive: true, force: true });
  return result;
}

const f1 = (n: number) => n.toFixed(1);

function table(results: SetResult[]): string {
  const ok = (value: number, limit: number | undefined) => (limit === undefined ? '' : value < limit ? ' ✓' : ' ✗');
  const rows = results.map((r) =>
    `| ${r.name} | ${r.papers} | ${f1(r.ingest.wallS)}${ok(r.ingest.wallS, TARGETS[r.name])} | ${f1(r.ingest.userS + r.ingest.sysS)} | ${r.ingest.maxRssMb.toFixed(0)}${ok(r.ingest.maxRssMb, 1536)} | ${r.ingest.load} ` +
    `| ${f1(r.reingest.wallS)}${ok(r.reingest.wallS, 10)} (${r.reingestSummary.split(' · ')[0]}) | ${f1(r.diskMb.catalog)} + ${f1(r.diskMb.index)} ` +
    `| ${r.latency.retrieveP50.toFixed(2)}${ok(r.latency.retrieveP50, 10)} / ${r.latency.retrieveP95.toFixed(2)} | ${r.latency.askP50.toFixed(2)}${ok(r.latency.askP50, 30)} / ${r.latency.askP95.toFixed(2)} | ${r.latency.rssMb.toFixed(0)} | ${r.latency.load} |`);
  return [
    '| set | papers | ingest wall s | ingest CPU s (user+sys) | ingest peak RSS MB | load (1 min) | re-ingest wall s | disk MB (catalog + vectors) | retrieval p50 / p95 ms | ask p50 / p95 ms | serving RSS MB | load (1 min) |',
    '|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

export async function run(args: string[]): Promise<{ title: string; markdown: string }> {
  const arxiv = path.resolve(option(args, 'arxiv', DEFAULT_ARXIV));
  const sets = option(args, 'sets', '1k,31k,75k').split(',');
  const questions = Number(option(args, 'questions', '200'));
  ensureBuilt();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-scale-'));
  try {
    const results: SetResult[] = [];
    for (const name of sets) results.push(await measureSet(name, arxiv, work, questions));
    const chat = results.find((r) => r.chatReadyMs !== undefined);
    const markdown = [
      'Ingest from an empty data dir through `node bin/footnote.js ingest` (child process; CPU and peak RSS from GNU time). 1k = the first 1,000 records of part01; 31k = the five cs.CL/cs.LG parts; 75k = `arxiv_all_dedup.jsonl.gz`. Latency is warm (a second pass over the same questions), in-process over the data dir the CLI built: `retrieve` alone and the full `Assistant.ask` (offline extractive answer). Targets: 31k < 60 s, 75k < 120 s, peak RSS < 1.5 GB, re-ingest < 10 s adding nothing, retrieval p50 < 10 ms, ask p50 < 30 ms (✓/✗ beside each figure). Wall times depend on machine load (shown); CPU time does much less.',
      '',
      table(results),
      '',
      chat?.chatReadyMs !== undefined ? `\`footnote chat\` with the 75k index: first answer ${(chat.chatReadyMs / 1000).toFixed(2)} s after start (process start, index load, one question; target < 3 s${chat.chatReadyMs < 3000 ? ' ✓' : ' ✗'}).` : '',
      '',
      `Command: \`npx tsx bench/scale.ts ${args.join(' ')}\` · ${questions} questions per set · load at end ${loadAverage()}`,
    ].join('\n');
    return { title: 'Scale: ingest, restart, latency and size at 1k / 31k / 75k arXiv papers', markdown };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const section = await run(process.argv.slice(2));
  process.stdout.write(`## ${section.title}\n\n${section.markdown}\n`);
}
