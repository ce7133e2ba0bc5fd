import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFootnote } from '../support/runFootnote.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'footnote-e2e-ask-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The compiled CLI over this file's data dir (see runFootnote). */
const footnote = (args: string[], input?: string) => runFootnote(dataDir, args, { input });

describe('footnote ask --json (child process)', () => {
  it('GIVEN a question that is only a mass mention, or empty WHEN asked THEN both exit 2 with a calm line and no stack', async () => {
    for (const question of ['@everyone @here', '']) {
      const { code, stdout, stderr } = await footnote(['ask', question]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^footnote ask: /);
      expect(stderr).not.toMatch(/ at .*\.js:\d+/);
    }
  });

  it('GIVEN an empty data dir WHEN asked a covered question THEN exactly one JSON object with the contract keys, markers matching citations', async () => {
    const { code, stdout, stderr } = await footnote(['ask', 'how much did Fast Forward cut FLOPs?', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] as string);
    expect(Object.keys(out).sort()).toEqual(['abstained', 'answer', 'citations', 'question', 'timings_ms']);
    expect(out.question).toBe('how much did Fast Forward cut FLOPs?');
    expect(out.abstained).toBe(false);
    expect(out.citations).toHaveLength(1);
    expect(Object.keys(out.citations[0]).sort()).toEqual(['authors', 'id', 'n', 'quote', 'title', 'url', 'year']);
    expect(out.citations[0]).toMatchObject({ n: 1, id: 'arxiv:2409.04206', title: 'Fast Forwarding Low-Rank Training', year: 2024, url: 'https://arxiv.org/abs/2409.04206' });
    expect(out.answer).toContain('[1]');
    expect(out.answer).not.toMatch(/\[[2-9]\]/);
    expect(Object.keys(out.timings_ms).sort()).toEqual(['answer', 'retrieve', 'total']);
  });

  it('GIVEN an off-topic question WHEN asked with --json THEN it abstains with no citations', async () => {
    const { code, stdout } = await footnote(['ask', 'best pizza in Naples?', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ abstained: true, citations: [], answer: "The indexed papers don't cover this." });
  });

  it('GIVEN a question piped into chat WHEN the input ends THEN the answer is printed and the process exits 0', async () => {
    const { code, stdout } = await footnote(['chat'], 'what is Fast Forward?\n');
    expect(code).toBe(0);
    expect(stdout).toContain('Sources:\n[1] Fast Forwarding Low-Rank Training');
  });
});
