import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Assistant } from '../../../src/answer/Assistant.js';
import type { Answer, AskOptions } from '../../../src/answer/types.js';
import { FootnoteError, isFootnoteError } from '../../../src/errors/index.js';
import { formatEval, loadQuestions, parseQuestions, runEval, summarise, type EvalResult } from '../../../src/eval/index.js';
import type { Paper } from '../../../src/corpus/Paper.js';
import { SEEDS_FILE } from '../../support/seededLibrary.js';

const seedPapers = (): Paper[] => fs.readFileSync(SEEDS_FILE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Paper);

const papers = seedPapers();
const paper = (id: string) => papers.find((p) => p.id === id)!;

/** Answers from a fixed script: question → (ranked ids, cited ids, abstained). Records the options it was asked with. */
class ScriptedAssistant {
  readonly options: AskOptions[] = [];
  constructor(private readonly script: Record<string, { ranked: string[]; cited: string[]; abstained?: boolean } | 'empty'>) {}
  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    this.options.push(options);
    const line = this.script[question];
    if (line === 'empty' || !line) throw new FootnoteError('input:empty', 'empty');
    return {
      question, text: `answer to ${question}`, abstained: line.abstained ?? false, suggestions: [], answeredBy: 'script',
      passages: line.ranked.map((id, i) => ({ paper: paper(id), score: 1 - i / 10 })),
      citations: line.cited.map((id, i) => ({ n: i + 1, id, title: paper(id).title, titleDerived: false, authors: [], year: 2024, url: null, quote: '' })),
      timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
    };
  }
}

const FF = 'arxiv:2409.04206';
const TR = 'arxiv:2406.11741';
const MEM = 'arxiv:2406.17746';

describe('runEval', () => {
  it('GIVEN a scripted mix of hits, misses and abstentions, WHEN evaluated, THEN every figure is computed as issue 2 defines it', async () => {
    const questions = [
      { question: 'q1', expected: [FF] }, // hit@1, cites FF
      { question: 'q2', expected: [TR] }, // TR second: hit@3, MRR 1/2, cites FF (wrong) and TR
      { question: 'q3', expected: [MEM] }, // abstains wrongly, MEM third
      { question: 'q4', expected: [] }, // abstains rightly
      { question: 'q5', expected: [] }, // answers wrongly
      { question: 'q6', expected: [] }, // refused as input: counts as an abstention
    ];
    const assistant = new ScriptedAssistant({
      q1: { ranked: [FF, TR], cited: [FF] },
      q2: { ranked: [FF, TR], cited: [FF, TR] },
      q3: { ranked: [FF, TR, MEM], cited: [], abstained: true },
      q4: { ranked: [FF], cited: [], abstained: true },
      q5: { ranked: [TR], cited: [TR] },
      q6: 'empty',
    });
    const report = await runEval(assistant as unknown as Assistant, questions, { mode: 'lexical', k: 7 });
    expect(report.summary).toEqual({
      n: 6, answerable: 3, hit_at_1: 0.3333, hit_at_3: 1, mrr: 0.6111, citation_precision: 0.6667,
      abstain_precision: 0.6667, abstain_recall: 0.6667, false_abstain_rate: 0.3333,
    });
    expect(report.results[1]).toEqual({ question: 'q2', expected: [TR], ranked: [FF, TR], cited: [FF, TR], abstained: false, answer: 'answer to q2' });
    expect(report.results[5]).toMatchObject({ abstained: true, ranked: [], cited: [] });
    expect(assistant.options[0]).toEqual({ mode: 'lexical', k: 7 });
  });

  it('GIVEN no citations and no abstentions, WHEN summarised, THEN the figures with nothing to count are null', () => {
    const results: EvalResult[] = [{ question: 'q', expected: [FF], ranked: [FF], cited: [], abstained: false, answer: '' }];
    expect(summarise(results)).toMatchObject({ hit_at_1: 1, citation_precision: null, abstain_precision: null, abstain_recall: null });
  });

  it('GIVEN a report, WHEN formatted, THEN the table shows each figure and names each miss with its reason', async () => {
    const report = await runEval(new ScriptedAssistant({ a: { ranked: [TR], cited: [TR] }, b: { ranked: [FF], cited: [FF] } }) as unknown as Assistant, [
      { question: 'a', expected: [FF] },
      { question: 'b', expected: [] },
    ]);
    const text = formatEval(report, 'Eval');
    expect(text).toMatch(/hit@1\s+0\.000\s+>= 0\.95/);
    expect(text).toContain(`"a": ranked ${TR} first (expected ${FF})`);
    expect(text).toContain(`"b": answered, should abstain (cited ${FF})`);
  });
});

describe('loadQuestions', () => {
  it('GIVEN the committed fixture, WHEN loaded, THEN it has at least 60 questions, 45 answerable and 20 to abstain on', () => {
    const questions = loadQuestions(new URL('../../fixtures/questions.jsonl', import.meta.url).pathname);
    expect(questions.length).toBeGreaterThanOrEqual(60);
    expect(questions.filter((q) => q.expected.length > 0).length).toBeGreaterThanOrEqual(45);
    expect(questions.filter((q) => q.expected.length === 0).length).toBeGreaterThanOrEqual(20);
    const ids = new Set(seedPapers().map((p) => p.id));
    expect(questions.flatMap((q) => q.expected).every((id) => ids.has(id))).toBe(true);
  });

  it('GIVEN broken lines, WHEN parsed, THEN one error names each bad line with its number and reason', () => {
    const text = ['{"question": "ok", "expected": []}', '', '{not json', '{"question": "", "expected": []}', '{"question": "x", "expected": "arxiv:1"}', '[1]'].join('\n');
    let error: unknown;
    try {
      parseQuestions(text, 'q.jsonl');
    } catch (e) {
      error = e;
    }
    expect(isFootnoteError(error) && error.code).toBe('eval:bad_questions');
    const lines = (error as Error).message.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^q\.jsonl:3: invalid JSON/);
    expect(lines[1]).toBe('q.jsonl:4: "question" must be a non-empty string');
    expect(lines[2]).toBe('q.jsonl:5: "expected" must be an array of paper ids');
    expect(lines[3]).toBe('q.jsonl:6: not a JSON object');
  });

  it('GIVEN a missing or empty file, WHEN loaded, THEN a clear error names it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-eval-'));
    const empty = path.join(dir, 'empty.jsonl');
    fs.writeFileSync(empty, '\n\n');
    expect(() => loadQuestions(path.join(dir, 'nope.jsonl'))).toThrow(/nope\.jsonl: no such file/);
    expect(() => loadQuestions(empty)).toThrow(/empty\.jsonl: no questions/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
