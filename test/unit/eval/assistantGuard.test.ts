import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQuestions, runEval, type EvalReport } from '../../../src/eval/index.js';
import { openSeedAssistant, type SeedAssistant } from '../../support/seedAssistant.js';

/**
 * The end-to-end guard: the default pipeline (offline embedder, hybrid retrieval, answerability
 * gate, extractive answerer) over the fixture questions. Reached when written: hit@1 0.970,
 * citation precision 0.973, abstain recall 0.923, false abstains 0. The floors leave about one
 * question of slack (two for false abstains), so a regression fails CI; the targets
 * themselves are judged by the benchmark on a held-out set.
 */
let app: SeedAssistant;
let report: EvalReport;
beforeAll(async () => {
  app = await openSeedAssistant();
  report = await runEval(app.assistant, loadQuestions('test/fixtures/questions.jsonl'));
}, 120_000);
afterAll(() => app.close());

describe('eval guard: the Assistant on the fixture questions', () => {
  it('GIVEN the fixture WHEN every question is asked THEN the answerable ones still rank their paper first', () => {
    expect(report.summary.answerable).toBeGreaterThanOrEqual(60);
    expect(report.summary.hit_at_1).toBeGreaterThanOrEqual(0.95);
  });

  it('GIVEN the fixture WHEN every question is asked THEN citations stay precise', () => {
    expect(report.summary.citation_precision).toBeGreaterThanOrEqual(0.96);
  });

  it('GIVEN the fixture WHEN every question is asked THEN unanswerable questions are refused and answerable ones are not', () => {
    expect(report.summary.abstain_recall).toBeGreaterThanOrEqual(0.88);
    expect(report.summary.false_abstain_rate).toBeLessThanOrEqual(0.035);
  });

  it('GIVEN an abstention WHEN it is reported THEN it cites nothing, and every answer cites something', () => {
    for (const r of report.results) expect(r.abstained ? r.cited.length === 0 : r.cited.length > 0).toBe(true);
  });
});
