import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPapers, openPaperSource } from '../../../src/corpus/loadPapers.js';
import type { Paper, RejectedLine } from '../../../src/corpus/Paper.js';
import { isRejectedLine } from '../../../src/corpus/validatePaper.js';
import { FootnoteError } from '../../../src/errors/index.js';

const FIXTURES = path.resolve('test/fixtures/ingest');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-loaders-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function collect(file: string, format?: Parameters<typeof loadPapers>[1]) {
  const papers: Paper[] = [];
  const rejected: RejectedLine[] = [];
  for await (const item of loadPapers(file, format)) (isRejectedLine(item) ? rejected : papers).push(item as never);
  return { papers, rejected };
}

async function failure(promise: Promise<unknown>): Promise<FootnoteError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FootnoteError);
  return error as FootnoteError;
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('loading the seed files', () => {
  it('GIVEN seeds/papers.jsonl WHEN loaded with auto THEN ten papers keep their ids, authors and years', async () => {
    const { papers, rejected } = await collect('seeds/papers.jsonl');
    expect(rejected).toEqual([]);
    expect(papers).toHaveLength(10);
    const fastForward = papers.find((p) => p.id === 'arxiv:2409.04206');
    expect(fastForward).toMatchObject({ title: 'Fast Forwarding Low-Rank Training', titleDerived: false, year: 2024 });
    expect(fastForward?.authors).toContain('Naomi Saphra');
  });

  it('GIVEN seeds/abstracts.txt WHEN loaded THEN each line is a paper with a hash id and a derived title without the prefix', async () => {
    const { papers } = await collect('seeds/abstracts.txt');
    expect(papers).toHaveLength(10);
    for (const paper of papers) {
      expect(paper.id).toMatch(/^text:[0-9a-f]{12}$/);
      expect(paper.titleDerived).toBe(true);
      expect(paper.title.length).toBeLessThanOrEqual(80);
      expect(paper.abstract.startsWith('Abstract:')).toBe(false);
    }
    const again = await collect('seeds/abstracts.txt');
    expect(again.papers.map((p) => p.id)).toEqual(papers.map((p) => p.id));
  });
});

describe('bad input', () => {
  it('GIVEN a JSONL file with broken lines WHEN loaded THEN each is rejected with its line number and the rest is kept', async () => {
    const { papers, rejected } = await collect(path.join(FIXTURES, 'broken.jsonl'));
    expect(papers.map((p) => p.id)).toEqual(['arxiv:2409.04206', 'x:4']);
    expect(rejected.map((r) => r.line)).toEqual([2, 4, 5, 6]);
    expect(rejected[0]?.reason).toMatch(/^invalid JSON \(/);
    expect(rejected[1]?.reason).toBe('missing abstract');
    expect(rejected[2]?.reason).toMatch(/abstract too short \(19 characters; at least 40\)/);
    expect(rejected[3]?.reason).toBe('not a JSON object');
    expect(rejected[0]?.file).toBe(path.join(FIXTURES, 'broken.jsonl'));
  });

  it('GIVEN a missing file WHEN opened THEN ingest:file_missing names it', async () => {
    const error = await failure(openPaperSource(path.join(tmp, 'nope.jsonl')));
    expect(error.code).toBe('ingest:file_missing');
    expect(error.message).toContain('nope.jsonl');
  });

  it('GIVEN a file with NUL bytes or invalid UTF-8 WHEN opened THEN ingest:binary, before any record', async () => {
    const nul = write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0a]));
    expect((await failure(openPaperSource(nul))).code).toBe('ingest:binary');
    const latin1 = write('latin1.txt', Buffer.from('Abstract: caf\xe9 au lait and a long enough line of text here\n', 'latin1'));
    expect((await failure(openPaperSource(latin1))).code).toBe('ingest:binary');
  });

  it('GIVEN a file where no line is valid WHEN loaded THEN the rejected lines come first and then ingest:no_valid_records', async () => {
    const file = write('all-bad.jsonl', '{"id": "a"}\n{oops\n');
    const seen: unknown[] = [];
    const error = await failure((async () => {
      for await (const item of loadPapers(file)) seen.push(item);
    })());
    expect(error.code).toBe('ingest:no_valid_records');
    expect(error.message).toContain('all-bad.jsonl');
    expect(seen).toHaveLength(2);
  });

  it('GIVEN an abstract over 20,000 characters WHEN loaded THEN that line is rejected as too long', async () => {
    const long = JSON.stringify({ id: 'x:long', title: 'Long', abstract: 'word '.repeat(5000) });
    const ok = JSON.stringify({ id: 'x:ok', title: 'Fine', abstract: 'A perfectly ordinary abstract of reasonable length.' });
    const { papers, rejected } = await collect(write('long.jsonl', `${long}\n${ok}\n`));
    expect(papers.map((p) => p.id)).toEqual(['x:ok']);
    expect(rejected[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/too long .*at most 20,000/) });
  });
});

describe('arXiv metadata', () => {
  it('GIVEN the gzipped harvest sample WHEN loaded THEN whitespace is collapsed and id, year, url and date derived', async () => {
    const source = await openPaperSource(path.join(FIXTURES, 'arxiv-sample.jsonl.gz'));
    expect(source.format).toBe('arxiv');
    const papers: Paper[] = [];
    for await (const item of source.records) if (!isRejectedLine(item)) papers.push(item);
    expect(papers).toHaveLength(40);
    expect(source.bytesRead()).toBe(source.size);
    const first = papers[0]!;
    expect(first).toMatchObject({ id: 'arxiv:2503.11794', year: 2025, url: 'https://arxiv.org/abs/2503.11794', published: '2025-03-18' });
    expect(papers.every((p) => !/\n|\s{2}/.test(p.abstract) && p.abstract === p.abstract.trim())).toBe(true);
    expect(first.categories.length).toBeGreaterThan(0);
  });

  it('GIVEN the public snapshot shape WHEN loaded THEN string authors, old-style ids and version dates are understood', async () => {
    const { papers } = await collect(path.join(FIXTURES, 'arxiv-snapshot.jsonl'));
    const [old, diphoton, lovelace] = papers;
    expect(old).toMatchObject({ id: 'arxiv:hep-th/9901001', year: 1999, published: '1999-01-01', title: 'A Note on Dualities in String Theory' });
    expect(old?.authors).toEqual(['José García', 'Anna Müller', 'Li Wei']);
    expect(old?.categories).toEqual(['hep-th', 'gr-qc']);
    expect(diphoton).toMatchObject({ id: 'arxiv:0704.0001', year: 2007, published: '2007-04-02' });
    expect(diphoton?.authors[0]).toBe('C. Balázs');
    expect(lovelace).toMatchObject({ id: 'arxiv:2301.00001', year: 2023, published: '2023-01-05', authors: ['Ada Lovelace'] });
  });
});

describe('formats', () => {
  it('GIVEN a BEIR corpus WHEN loaded THEN the _id is kept exactly and an empty text is rejected', async () => {
    const source = await openPaperSource(path.join(FIXTURES, 'beir-sample.jsonl'));
    expect(source.format).toBe('beir');
    const { papers, rejected } = await collect(path.join(FIXTURES, 'beir-sample.jsonl'));
    expect(papers.map((p) => p.id)).toEqual(['4983', '5836']);
    expect(papers[1]?.titleDerived).toBe(true);
    expect(rejected).toEqual([expect.objectContaining({ line: 3, reason: 'missing abstract' })]);
  });

  it('GIVEN a gzipped file without .gz WHEN opened THEN the gzip magic number is recognised', async () => {
    const file = write('seeds-copy', zlib.gzipSync(fs.readFileSync('seeds/papers.jsonl')));
    expect((await collect(file)).papers).toHaveLength(10);
  });

  it('GIVEN plain text with blank and short lines WHEN loaded THEN blanks are skipped and the short line is rejected by number', async () => {
    const { papers, rejected } = await collect(path.join(FIXTURES, 'abstracts.txt'));
    expect(papers).toHaveLength(2);
    expect(rejected).toEqual([expect.objectContaining({ line: 4 })]);
  });

  it('GIVEN an explicit format WHEN it differs from the content THEN the explicit one is used', async () => {
    const source = await openPaperSource('seeds/papers.jsonl', 'text');
    expect(source.format).toBe('text');
  });

  it('GIVEN seeds/papers.jsonl read as arXiv metadata WHEN loaded THEN venues are kept, so re-ingesting with --format arxiv erases nothing', async () => {
    const { papers } = await collect('seeds/papers.jsonl', 'arxiv');
    expect(papers).toHaveLength(10);
    expect(papers.find((p) => p.id === 'arxiv:2406.11741')?.venue).toBe('NeurIPS 2024');
    expect(papers.filter((p) => p.venue !== null)).toHaveLength(7);
  });
});

describe('damaged files', () => {
  it('GIVEN a gzip file cut short WHEN read THEN the records before the cut come out, then ingest:bad_format naming the file', async () => {
    const whole = zlib.gzipSync(fs.readFileSync('seeds/papers.jsonl'));
    const file = write('cut.jsonl.gz', whole.subarray(0, Math.floor(whole.length * 0.8)));
    const seen: unknown[] = [];
    const error = await failure((async () => {
      for await (const item of loadPapers(file)) seen.push(item);
    })());
    expect(error.code).toBe('ingest:bad_format');
    expect(error.message).toMatch(/cut\.jsonl\.gz: unreadable after line \d+/);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('GIVEN a file starting with a byte-order mark WHEN loaded THEN its first line is read like the others', async () => {
    const file = write('bom.txt', `\uFEFFAbstract: ${'A first abstract that is long enough to index. '.repeat(2)}\n`);
    const { papers, rejected } = await collect(file);
    expect(rejected).toEqual([]);
    expect(papers[0]?.abstract.startsWith('A first abstract')).toBe(true);
  });
});

describe('not gzip at all', () => {
  it('GIVEN a .gz name over bytes that are not gzip WHEN opened THEN ingest:binary', async () => {
    const file = write('fake.jsonl.gz', Buffer.from('\x1f\x8b\x08garbage-garbage-garbage', 'latin1'));
    expect((await failure(openPaperSource(file))).code).toBe('ingest:binary');
  });
});
