/**
 * How well the grounding check separates supported from unsupported LLM sentences, and what it
 * does to the final answers: the scripted OpenAI-compatible server replays hand-labelled
 * realistic answers to the fixture questions through the real ChatOpenAI client.
 */
import os from 'node:os';
import { ChatOpenAICompletions } from '@langchain/openai';
import { CircuitBreaker } from '../src/answer/llm/CircuitBreaker.js';
import { LlmAnswerer } from '../src/answer/llm/LlmAnswerer.js';
import { loadPrompts } from '../src/answer/llm/loadPrompts.js';
import { buildSourceEvidence } from '../src/answer/llm/grounding/SourceEvidence.js';
import { DEFAULT_THRESHOLDS } from '../src/answer/llm/grounding/checkSupport.js';
import { verifyAnswer } from '../src/answer/llm/grounding/verifyAnswer.js';
import { NOT_COVERED } from '../src/answer/abstention.js';
import { ExtractiveAnswerer } from '../src/answer/ExtractiveAnswerer.js';
import { corpusTermsFor } from '../src/answer/CorpusTerms.js';
import { createLogger } from '../src/logging/logger.js';
import { startOpenAiSim } from '../test/support/openai-sim/OpenAiSim.js';
import { loadRecordings, pct, replyOf, table, type Recording } from './llmGroundingData.js';
import { runIfMain } from './lib/report.js';

interface Tally {
  good: number;
  goodKept: number;
  bad: number;
  badRemoved: number;
  misaligned: number;
  byFlaw: Map<string, { n: number; removed: number }>;
}

/** Sentence-level agreement of the check with the hand labels, at one threshold. */
function scoreCheck(recordings: Recording[], minPrecision: number): Tally {
  const t: Tally = { good: 0, goodKept: 0, bad: 0, badRemoved: 0, misaligned: 0, byFlaw: new Map() };
  for (const r of recordings) {
    const evidence = r.passages.map((p, i) => buildSourceEvidence(i + 1, p.paper));
    const v = verifyAnswer(replyOf(r), evidence, { notCovered: NOT_COVERED, question: r.question, thresholds: { ...DEFAULT_THRESHOLDS, minPrecision } });
    if (v.abstained) continue;
    if (v.verdicts.length !== r.sentences.length) {
      t.misaligned++;
      continue;
    }
    r.sentences.forEach((s, i) => {
      const kept = v.verdicts[i]?.kept === true;
      if (s.ok) {
        t.good++;
        if (kept) t.goodKept++;
        return;
      }
      t.bad++;
      if (!kept) t.badRemoved++;
      const f = t.byFlaw.get(s.flaw ?? 'other') ?? { n: 0, removed: 0 };
      f.n++;
      if (!kept) f.removed++;
      t.byFlaw.set(s.flaw ?? 'other', f);
    });
  }
  return t;
}

interface Replay {
  answers: number;
  llmAnswers: number;
  fallbacks: number;
  abstained: number;
  citations: number;
  correctCitations: number;
  rawCitations: number;
  rawCorrect: number;
  sentencesOut: number;
  sentencesKept: number;
}

/** Raw citation precision: the model's own markers mapped to the sources it was given. */
function rawCitationIds(r: Recording): string[] {
  const ids = [...replyOf(r).matchAll(/\[(\d+)\]/g)].map((m) => r.sources[Number(m[1]) - 1] ?? 'invented');
  return [...new Set(ids)];
}

async function replay(recordings: Recording[], papers: Parameters<typeof corpusTermsFor>[0]): Promise<Replay> {
  const sim = await startOpenAiSim();
  try {
    const model = new ChatOpenAICompletions({ model: 'recorded', apiKey: 'bench', configuration: { baseURL: sim.baseUrl }, maxRetries: 0 });
    const fallback = new ExtractiveAnswerer({ corpus: corpusTermsFor(papers) });
    const logger = createLogger({ level: 'silent' });
    const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 30_000, now: Date.now });
    const answerer = new LlmAnswerer({ model, prompts: loadPrompts(), fallback, logger, breaker }, { modelName: 'recorded', timeoutMs: 10_000 });
    const out: Replay = { answers: 0, llmAnswers: 0, fallbacks: 0, abstained: 0, citations: 0, correctCitations: 0, rawCitations: 0, rawCorrect: 0, sentencesOut: 0, sentencesKept: 0 };
    for (const r of recordings) {
      sim.chat.push({ kind: 'reply', content: replyOf(r) });
      const draft = await answerer.answer(r.question, r.passages);
      out.answers++;
      if (draft.answeredBy === 'extractive') out.fallbacks++;
      else out.llmAnswers++;
      if (draft.abstained) out.abstained++;
      out.citations += draft.citations.length;
      out.correctCitations += draft.citations.filter((c) => r.expected.includes(c.id)).length;
      const raw = rawCitationIds(r);
      out.rawCitations += raw.length;
      out.rawCorrect += raw.filter((id) => r.expected.includes(id)).length;
      const v = verifyAnswer(replyOf(r), r.passages.map((p, i) => buildSourceEvidence(i + 1, p.paper)), { notCovered: NOT_COVERED, question: r.question });
      out.sentencesOut += v.total;
      out.sentencesKept += v.kept;
    }
    return out;
  } finally {
    await sim.close();
  }
}

export async function run(args: string[]): Promise<{ title: string; markdown: string }> {
  const { recordings, questions, papers } = loadRecordings();
  const source = { count: () => papers.length, list: (o: number, l: number) => papers.slice(o, o + l) };
  const sweep = [0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8].map((p) => {
    const t = scoreCheck(recordings, p);
    const mark = p === DEFAULT_THRESHOLDS.minPrecision ? ' (default)' : '';
    return [`${p}${mark}`, pct(t.goodKept, t.good), pct(t.badRemoved, t.bad), t.misaligned];
  });
  const started = performance.now();
  const at = scoreCheck(recordings, DEFAULT_THRESHOLDS.minPrecision);
  const checkMs = (performance.now() - started) / recordings.length;
  const flaws = [...at.byFlaw.entries()].sort().map(([flaw, f]) => [flaw, f.n, f.removed]);
  const r = await replay(recordings, source);
  const sentences = recordings.reduce((n, x) => n + x.sentences.length, 0);
  const markdown = [
    `${recordings.length} recorded answers (${sentences} sentences, ${at.bad} hand-labelled as flawed) to ${recordings.length} of the ${questions} questions in \`test/fixtures/questions.jsonl\`, replayed by the scripted OpenAI-compatible server through \`ChatOpenAICompletions\` and \`LlmAnswerer\` (extractive fallback = \`ExtractiveAnswerer\`). Passages are the ones each answer was recorded with. The recordings were written by hand in the style of small chat models (this machine has no model access), and the default threshold was chosen on them: read these as design figures, not a held-out measurement.`,
    '',
    '**End to end (default thresholds)**',
    '',
    table(['measure', 'value'], [
      ['LLM sentences kept by the check', `${pct(r.sentencesKept, r.sentencesOut)} (${r.sentencesKept}/${r.sentencesOut})`],
      ['citation precision, final answers', `${pct(r.correctCitations, r.citations)} (${r.correctCitations}/${r.citations})`],
      ['citation precision, raw model output (no check)', `${pct(r.rawCorrect, r.rawCitations)} (${r.rawCorrect}/${r.rawCitations})`],
      ['answers sent as written by the model', `${r.llmAnswers}/${r.answers}`],
      ['fallback rate (extractive answer sent)', `${pct(r.fallbacks, r.answers)} (${r.fallbacks}/${r.answers})`],
      ['abstentions', r.abstained],
      ['check time per answer (sources digested + verdict, warm, mean)', `${checkMs.toFixed(1)} ms`],
    ]),
    '',
    '**The check against the hand labels, by content-stem precision threshold** (good kept = supported sentences the check keeps; flawed removed = labelled-flawed sentences it drops)',
    '',
    table(['minPrecision', 'good kept', 'flawed removed', 'misaligned answers'], sweep),
    '',
    `**Flawed sentences removed at the default, by kind**`,
    '',
    table(['flaw', 'n', 'removed'], flaws),
    '',
    `_Command: \`npx tsx bench/llmGrounding.ts ${args.join(' ')}\`, ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}._`,
  ].join('\n');
  return { title: 'LLM answers: grounding check and citation precision (scripted server)', markdown };
}

await runIfMain(import.meta.url, run);
