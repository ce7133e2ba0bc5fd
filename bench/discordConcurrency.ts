/**
 * 200 concurrent `/ask` through the Discord simulator against the real bot process
 * (`node bin/footnote.js start`, offline default Assistant over the seeds): every interaction
 * answered, acknowledgement and final-answer latency percentiles, the bot's peak memory.
 * Needs `npm run build` first. Alone: `npx tsx bench/discordConcurrency.ts [--n 200] [--cap 4]`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BotProcess, botEnv } from '../test/support/discord-sim/botProcess.js';
import { DiscordSimulator } from '../test/support/discord-sim/DiscordSimulator.js';
import type { InteractionRecord } from '../test/support/discord-sim/records.js';

const QUESTIONS = [
  'What did the Fast Forward paper find?', 'How much compute does Fast Forward save?', 'What does mechanistic mean in interpretability?',
  'What is memorization in language models?', 'Why do guardrails refuse some users?', 'What is model metrology?',
  'Can generative models outperform the experts they learn from?', 'What do Shapley interactions reveal about nonlinearities?',
  'What determines the systematicity gap in VQA?', 'What history repeats itself in NLP?', 'What is the capital of France?',
];

function percentile(sorted: number[], p: number): number {
  return sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number) : NaN;
}

/** Peak resident memory of a process (Linux VmHWM), in MiB. */
function peakRssMiB(pid: number | undefined): number {
  if (!pid) return NaN;
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

export async function run(args: string[]): Promise<{ title: string; markdown: string }> {
  const { values } = parseArgs({ args, options: { n: { type: 'string', default: '200' }, cap: { type: 'string', default: '4' } } });
  const n = Number(values.n);
  const sim = await DiscordSimulator.start();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'footnote-bench-discord-'));
  const bot = new BotProcess(botEnv(sim, dataDir, { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000', MAX_CONCURRENT_ANSWERS: String(values.cap) }));
  try {
    await sim.waitForReady();
    const users = Object.values(sim.fixtures.users).filter((u) => !u.bot);
    const cold = sim.slash(users[0]!, 'ask', [{ name: 'question', type: 3, value: QUESTIONS[0] }]);
    await sim.answered(cold, 120_000);
    const started = Date.now();
    const recs: InteractionRecord[] = Array.from({ length: n }, (_, i) => sim.slash(users[i % users.length]!, 'ask', [{ name: 'question', type: 3, value: QUESTIONS[i % QUESTIONS.length] }]));
    // A lost interaction is reported in the table, not waited for forever.
    await Promise.allSettled(recs.map((r) => sim.answered(r, 180_000)));
    const wall = Date.now() - started;
    const ack = recs.flatMap((r) => (r.callback ? [r.callback.at - r.createdAt] : [])).sort((a, b) => a - b);
    const final = recs.flatMap((r) => (r.answeredAt ? [r.answeredAt - r.createdAt] : [])).sort((a, b) => a - b);
    const answered = recs.filter((r) => r.edits.some((e) => e.embeds?.length)).length;
    const rows = [
      ['interactions answered with an embed', `${answered} / ${n}`],
      ['simulator rule violations (3 s, limits, pings)', String(sim.violations.length)],
      ['acknowledgement p50 / p99 / max', `${percentile(ack, 50)} / ${percentile(ack, 99)} / ${ack.at(-1)} ms`],
      ['time to final answer p50 / p99 / max', `${percentile(final, 50)} / ${percentile(final, 99)} / ${final.at(-1)} ms`],
      ['throughput', `${((n / wall) * 1000).toFixed(1)} answers/s (${wall} ms for all)`],
      ['cold first answer (index load + first ask)', `${(cold.answeredAt as number) - cold.createdAt} ms`],
      ['bot peak RSS (VmHWM)', `${peakRssMiB(bot.pid).toFixed(0)} MiB`],
    ];
    const markdown = [
      `${n} \`/ask\` interactions dispatched at once through the Discord simulator to \`node bin/footnote.js start\` (offline extractive Assistant, 10 seed papers, MAX_CONCURRENT_ANSWERS=${values.cap}, simulator in the bench process on the same 2 cores).`,
      '',
      '| measure | value |',
      '| --- | --- |',
      ...rows.map(([k, v]) => `| ${k} | ${v} |`),
      ...(sim.violations.length ? ['', `First violations: ${sim.violations.slice(0, 3).join('; ')}`] : []),
    ].join('\n');
    return { title: 'Discord: concurrent /ask through the simulator', markdown };
  } finally {
    await bot.stop();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const section = await run(process.argv.slice(2));
  process.stdout.write(`## ${section.title}\n\n${section.markdown}\n\n_${new Date().toISOString()} · npx tsx bench/discordConcurrency.ts ${process.argv.slice(2).join(' ')} · ${os.cpus().length} × ${os.cpus()[0]?.model}_\n`);
}
