/**
 * LLM highlight summaries: how the sentence check treats hand-written model-style summaries of
 * the ten seed papers (good sentences kept, flawed ones removed), and how many summaries end up
 * written by the model, replayed by the scripted OpenAI-compatible server through ChatOpenAI.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { ChatOpenAICompletions } from '@langchain/openai';
import { paperAnalysesFor } from '../src/answer/analyzePaper.js';
import { CircuitBreaker, DEFAULT_CIRCUIT } from '../src/answer/llm/CircuitBreaker.js';
import { DEFAULT_THRESHOLDS } from '../src/answer/llm/grounding/checkSupport.js';
import { LlmPaperSummarizer } from '../src/answer/llm/LlmPaperSummarizer.js';
import { loadPrompts } from '../src/answer/llm/loadPrompts.js';
import { verifySummary } from '../src/answer/llm/verifySummary.js';
import { summarizePaper } from '../src/answer/summarizePaper.js';
import { createLogger } from '../src/logging/logger.js';
import { loadSeedPapers } from '../test/support/openai-sim/seedPapers.js';
import { startOpenAiSim } from '../test/support/openai-sim/OpenAiSim.js';
import { runIfMain, table } from './lib/report.js';

interface Labelled {
  id: string;
  good: string[];
  flawed: Array<{ flaw: string; text: string }>;
}

const FIXTURE = new URL('./fixtures/llm-summaries.json', import.meta.url);
const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(0)}%`);

/** Good, flawed, good: the flaw sits between two sentences the check should keep. */
const replyOf = (l: Labelled) => [l.good[0], ...l.flawed.map((f) => f.text), ...l.good.slice(1)].join(' ');

export async function run(args: string[]): Promise<{ title: string; markdown: string }> {
  const labelled = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Labelled[];
  const papers = new Map(loadSeedPapers().map((p) => [p.id, p]));
  let good = 0, goodKept = 0, bad = 0, badRemoved = 0;
  const byFlaw = new Map<string, { n: number; removed: number }>();
  for (const l of labelled) {
    const paper = papers.get(l.id)!;
    const kept = new Set(verifySummary(replyOf(l), paper, DEFAULT_THRESHOLDS).kept);
    good += l.good.length;
    goodKept += l.good.filter((s) => kept.has(s)).length;
    for (const f of l.flawed) {
      const row = byFlaw.get(f.flaw) ?? { n: 0, removed: 0 };
      row.n++;
      bad++;
      if (!kept.has(f.text)) (row.removed++, badRemoved++);
      byFlaw.set(f.flaw, row);
    }
  }
  const sim = await startOpenAiSim();
  let byModel = 0;
  try {
    const model = new ChatOpenAICompletions({ model: 'sim-model', apiKey: 'bench', configuration: { baseURL: sim.baseUrl }, maxRetries: 0 });
    const summarizer = new LlmPaperSummarizer(
      { model, breaker: new CircuitBreaker({ ...DEFAULT_CIRCUIT, now: Date.now }), prompt: loadPrompts().highlightSummary, logger: createLogger({ level: 'silent' }) },
      { modelName: 'sim-model', timeoutMs: 5000 },
    );
    const analyses = paperAnalysesFor(papers);
    for (const l of labelled) {
      const paper = papers.get(l.id)!;
      sim.chat.push({ kind: 'reply', content: replyOf(l) });
      const summary = await summarizer.summarize(paper, summarizePaper(paper, analyses));
      if (summary.summarizedBy === 'sim-model') byModel++;
    }
  } finally {
    await sim.close();
  }
  const markdown = [
    `${labelled.length} hand-written model-style summaries of the seed papers (\`bench/fixtures/llm-summaries.json\`, ${good} good sentences, ${bad} flawed), each sent as good, flawed, good. Written by hand (no model access here) and checked at the answers' default thresholds: design figures, not a held-out measurement.`,
    '',
    table(['measure', 'value'], [
      ['good sentences kept', `${pct(goodKept, good)} (${goodKept}/${good})`],
      ['flawed sentences removed', `${pct(badRemoved, bad)} (${badRemoved}/${bad})`],
      ['summaries sent as written by the model (scripted server, ChatOpenAI)', `${byModel}/${labelled.length}`],
    ]),
    '',
    table(['flaw', 'n', 'removed'], [...byFlaw].map(([flaw, r]) => [flaw, r.n, r.removed])),
    '',
    `_Command: \`npx tsx bench/llmSummaries.ts ${args.join(' ')}\`, ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}._`,
  ].join('\n');
  return { title: 'LLM highlight summaries: sentence check (scripted server)', markdown };
}

await runIfMain(import.meta.url, run);
