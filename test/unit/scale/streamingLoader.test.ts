import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openPaperSource } from '../../../src/corpus/loadPapers.js';
import type { Paper } from '../../../src/corpus/Paper.js';
import { isRejectedLine } from '../../../src/corpus/validatePaper.js';
import { syntheticPapers, toJsonl } from '../../support/syntheticPapers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-stream-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const papers = syntheticPapers(8_000, 7);
const file = path.join(tmp, 'papers.jsonl.gz');
// Level 1 keeps the compressed file large enough that reading it takes many chunks.
fs.writeFileSync(file, zlib.gzipSync(toJsonl(papers), { level: 1 }));

describe('streaming loader over a gzipped corpus', () => {
  it('GIVEN a gzipped file of 8,000 papers WHEN the first record arrives THEN only a small part of the file has been read', async () => {
    const source = await openPaperSource(file);
    const iterator = source.records[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect((first.value as Paper).id).toBe(papers[0]!.id);
    expect(source.bytesRead()).toBeLessThan(source.size / 3);
    await iterator.return?.(undefined);
  });

  it('GIVEN the same file WHEN read to the end THEN every paper arrives once, in file order, with its fields', async () => {
    const source = await openPaperSource(file);
    expect(source.format).toBe('jsonl');
    const ids: string[] = [];
    let last: Paper | undefined;
    for await (const item of source.records) {
      expect(isRejectedLine(item)).toBe(false);
      last = item as Paper;
      ids.push(last.id);
    }
    expect(ids).toEqual(papers.map((p) => p.id));
    const expected = papers.at(-1)!;
    expect(last).toMatchObject({ title: expected.title, authors: expected.authors, year: expected.year, abstract: expected.abstract });
    expect(source.bytesRead()).toBe(source.size);
  });
});
