import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { QUESTIONS_FILE } from '../../support/seededLibrary.js';

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-evalcli-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Runs `footnote …` in-process over the real app (seed papers in a temp data dir). */
async function footnote(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const capture = () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    return { stream, text: () => text };
  };
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(argv, { stdout: stdout.stream, stderr: stderr.stream, stdin: new PassThrough() }, { FOOTNOTE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  return { code, out: stdout.text(), err: stderr.text() };
}

describe('footnote search', () => {
  it('GIVEN a query, WHEN searched with --json, THEN a ranked array with ids, scores and titles comes back, best first', async () => {
    const { code, out } = await footnote('search', 'low-rank training speedups', '--k', '3', '--json');
    expect(code).toBe(0);
    const results = JSON.parse(out) as Array<{ rank: number; id: string; score: number; title: string }>;
    expect(results.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(results[0]).toMatchObject({ id: 'arxiv:2409.04206', title: 'Fast Forwarding Low-Rank Training' });
    expect(results[0]!.score).toBeGreaterThanOrEqual(results[1]!.score);
  });

  it('GIVEN a query, WHEN searched for a terminal, THEN a table with rank, score, id, year and title is printed', async () => {
    const { code, out } = await footnote('search', 'what is CLEVR-HOPE?', '--k', '2');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/#\s+score\s+id\s+year\s+title/);
    expect(out).toMatch(/1\s+\d\.\d{3}\s+arxiv:2311\.08695\s+2023\s+Attribute Diversity/);
  });

  it('GIVEN a BEIR query file, WHEN searched with --json --queries, THEN one run line per query keeps the query id', async () => {
    const file = path.join(dataDir, 'queries.jsonl');
    fs.writeFileSync(file, '{"_id": "q7", "text": "guardrails refuse users by politics"}\n{"_id": "q9", "text": "memorization taxonomy"}\n');
    const { code, out } = await footnote('search', '--json', '--queries', file, '--k', '2');
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { query_id: string; results: Array<{ id: string; score: number }> });
    expect(lines.map((l) => l.query_id)).toEqual(['q7', 'q9']);
    expect(lines[0]!.results[0]!.id).toBe('arxiv:2407.06866');
    expect(lines[1]!.results).toHaveLength(2);
  });

  it('GIVEN an unknown mode, WHEN searched, THEN it is a usage error (exit 2)', async () => {
    const { code, err } = await footnote('search', 'x', '--mode', 'magic');
    expect(code).toBe(2);
    expect(err).toContain('--mode must be one of hybrid, lexical, dense');
  });
});

describe('footnote eval', () => {
  it('GIVEN the fixture, WHEN evaluated with --json, THEN the summary and one result per question follow the issue-2 contract', async () => {
    const { code, out } = await footnote('eval', QUESTIONS_FILE, '--json', '--mode', 'lexical');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { summary: Record<string, number>; results: Array<Record<string, unknown>> };
    expect(Object.keys(report.summary).sort()).toEqual(
      ['abstain_precision', 'abstain_recall', 'answerable', 'citation_precision', 'false_abstain_rate', 'hit_at_1', 'hit_at_3', 'mrr', 'n'].sort(),
    );
    expect(report.results).toHaveLength(report.summary.n!);
    expect(Object.keys(report.results[0]!).sort()).toEqual(['abstained', 'answer', 'cited', 'expected', 'question', 'ranked']);
  });

  it('GIVEN a question file with a bad line, WHEN evaluated, THEN it fails naming the file and line', async () => {
    const file = path.join(dataDir, 'bad.jsonl');
    fs.writeFileSync(file, '{"question": "ok", "expected": []}\n{oops\n');
    const { code, err } = await footnote('eval', file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}:2: invalid JSON`);
  });
});
