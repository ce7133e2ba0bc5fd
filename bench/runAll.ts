/**
 * `npm run bench [-- name…]`: runs the benchmarks and writes bench/RESULTS.md, one section each,
 * headed by the machine, the date and the command, so every figure can be reproduced.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchSection {
  title: string;
  markdown: string;
}

type BenchModule = { run(args: string[]): Promise<BenchSection> };

/** In the order they appear in RESULTS.md; each is `bench/<name>.ts`. */
const BENCHES = ['seedsEval', 'askLatency', 'retrievalQuality', 'hnswRecall', 'scale', 'scifact', 'llmGrounding', 'llmSummaries', 'discordConcurrency', 'highlightsYear', 'topicThreshold'];

const here = path.dirname(fileURLToPath(import.meta.url));

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

async function runOne(name: string): Promise<string> {
  const started = Date.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    const mod = (await import(`./${name}.ts`)) as BenchModule;
    const section = await mod.run([]);
    const took = ((Date.now() - started) / 1000).toFixed(1);
    return `## ${section.title}\n\n${section.markdown.trim()}\n\n_${new Date().toISOString().slice(0, 10)} · \`npm run bench -- ${name}\` · ${took} s · ${machine()}_\n`;
  } catch (error) {
    process.exitCode = 1;
    return `## ${name}\n\nFailed: ${String(error instanceof Error ? error.message : error)}\n`;
  }
}

/** Each bench keeps its own section file, so running one bench refreshes only its figures. */
async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const available = BENCHES.filter((n) => fs.existsSync(path.join(here, `${n}.ts`)));
  const sectionsDir = path.join(here, 'results');
  fs.mkdirSync(sectionsDir, { recursive: true });
  for (const name of available.filter((n) => !only.length || only.includes(n))) {
    fs.writeFileSync(path.join(sectionsDir, `${name}.md`), await runOne(name));
  }
  const sections = available
    .map((n) => path.join(sectionsDir, `${n}.md`))
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f, 'utf8'));
  const header = `# Benchmark results\n\nWritten by \`npm run bench\` (each section says when and where it was measured).\n\n`;
  fs.writeFileSync(path.join(here, 'RESULTS.md'), header + sections.join('\n'));
  process.stderr.write('bench: wrote bench/RESULTS.md\n');
}

await main();
