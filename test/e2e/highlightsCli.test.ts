import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFootnote } from '../support/runFootnote.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'footnote-e2e-highlight-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The compiled CLI over this file's data dir, three highlights a day (see runFootnote). */
const footnote = (args: string[]) => runFootnote(dataDir, args, { env: { HIGHLIGHTS_COUNT: '3' } });

describe('footnote highlight (child process)', () => {
  it('GIVEN the seed papers WHEN run with --json --date --guild THEN one JSON object with the contract keys and three seed papers', async () => {
    const { code, stdout, stderr } = await footnote(['highlight', '--json', '--date', '2026-05-02', '--guild', '123456789012345678']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['date', 'guild', 'entries']);
    expect(out).toMatchObject({ date: '2026-05-02', guild: '123456789012345678' });
    expect(out.entries).toHaveLength(3);
    for (const e of out.entries) {
      expect(Object.keys(e)).toEqual(['id', 'title', 'authors', 'year', 'url', 'summary', 'quote']);
      expect(e.url).toMatch(/^https:\/\/arxiv\.org\/abs\//);
      expect(e.summary.length).toBeGreaterThan(40);
    }
    expect(new Set(out.entries.map((e: { id: string }) => e.id)).size).toBe(3);
  });

  it('GIVEN the same state WHEN run twice THEN the same entries: printing never records a post', async () => {
    const first = JSON.parse((await footnote(['highlight', '--json'])).stdout);
    const second = JSON.parse((await footnote(['highlight', '--json'])).stdout);
    expect(second.entries.map((e: { id: string }) => e.id)).toEqual(first.entries.map((e: { id: string }) => e.id));
  }, 120_000);

  it('GIVEN a malformed date WHEN run THEN exit 2 with the option named', async () => {
    const { code, stderr } = await footnote(['highlight', '--date', 'tomorrow']);
    expect(code).toBe(2);
    expect(stderr).toContain('--date must be a date');
  });
});
