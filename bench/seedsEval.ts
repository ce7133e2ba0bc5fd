/** Issue 2's quality figures: the eval on a question set for the default hybrid retrieval and both single legs. */
import path from 'node:path';
import { loadQuestions, runEval, type EvalSummary } from '../src/eval/index.js';
import type { RetrievalMode } from '../src/retrieval/types.js';
import { fmt, runIfMain, table } from './lib/report.js';
import { seedApp } from './lib/seedApp.js';

const MODES: RetrievalMode[] = ['hybrid', 'lexical', 'dense'];
const LABEL: Record<RetrievalMode, string> = { hybrid: 'hybrid (default)', lexical: 'BM25 only', dense: 'dense only' };

export async function run(args: string[]): Promise<{ title: string; markdown: string }> {
  const file = args[0] ?? path.resolve('test/fixtures/questions.jsonl');
  const questions = loadQuestions(file);
  const { app, dispose } = await seedApp();
  const rows: (string | number)[][] = [];
  try {
    for (const mode of MODES) {
      const s: EvalSummary = (await runEval(app.assistant, questions, { mode })).summary;
      rows.push([LABEL[mode], fmt(s.hit_at_1), fmt(s.hit_at_3), fmt(s.mrr), fmt(s.citation_precision), fmt(s.abstain_precision), fmt(s.abstain_recall), fmt(s.false_abstain_rate)]);
    }
  } finally {
    await dispose();
  }
  const answerable = questions.filter((q) => q.expected.length > 0).length;
  return {
    title: 'Answer quality on the seed papers',
    markdown: [
      `Question set: \`${path.relative(process.cwd(), file)}\` (${questions.length} questions, ${answerable} answerable, ${questions.length - answerable} that should abstain). Targets: hit@1 ≥ 0.95, citation precision ≥ 0.97, abstain recall ≥ 0.85, false abstains ≤ 0.05.`,
      '',
      table(['retrieval', 'hit@1', 'hit@3', 'MRR', 'citation precision', 'abstain precision', 'abstain recall', 'false abstains'], rows),
    ].join('\n'),
  };
}

await runIfMain(import.meta.url, run);
