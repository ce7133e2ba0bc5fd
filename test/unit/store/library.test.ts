import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPapers } from '../../../src/corpus/loadPapers.js';
import { abstractKey, contentHash, embeddingHash } from '../../../src/corpus/normalise.js';
import type { Paper } from '../../../src/corpus/Paper.js';
import { FootnoteError } from '../../../src/errors/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import { HnswStore } from '../../../src/store/HnswStore.js';
import type { Library } from '../../../src/store/Library.js';
import { indexDir, openLibrary, catalogFile } from '../../../src/store/openLibrary.js';
import { PaperCatalog } from '../../../src/store/PaperCatalog.js';
import { createFakeEmbeddings, type FakeEmbeddings } from '../../support/fakeEmbeddings.js';

const SEEDS = 'seeds/papers.jsonl';
const logger = createLogger({ level: 'silent' });
const opened: Library[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-library-'));
  dirs.push(dir);
  return dir;
}

async function open(dataDir: string, embeddings: FakeEmbeddings, extra: { seedFile?: string; batchSize?: number } = {}): Promise<Library> {
  const library = await openLibrary({ dataDir, embeddings, logger, ...extra });
  opened.push(library);
  return library;
}

function paper(id: string, abstract: string, fields: Partial<Paper> = {}): Paper {
  return { id, title: `Paper ${id}`, titleDerived: false, authors: ['Ada Lovelace'], year: 2024, venue: null, url: null, abstract, categories: [], published: null, ...fields };
}

const text = (topic: string) => `We study ${topic} in depth and report what we find about it across many settings.`;

afterEach(() => {
  for (const library of opened.splice(0)) library.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('first open and re-ingest', () => {
  it('GIVEN an empty data dir and a seed file WHEN opened THEN the seeds are indexed once, and not again on reopen', async () => {
    const dir = tempDir();
    const embeddings = createFakeEmbeddings();
    const library = await open(dir, embeddings, { seedFile: SEEDS });
    expect(library.count()).toBe(10);
    expect(embeddings.documentsEmbedded).toBe(10);
    expect((await library.denseSearch('fast forwarding low-rank training', 1))[0]?.id).toBe('arxiv:2409.04206');
    library.close();
    const again = createFakeEmbeddings();
    const reopened = await open(dir, again, { seedFile: SEEDS });
    expect(reopened.count()).toBe(10);
    expect(again.documentsEmbedded).toBe(0);
    expect((await reopened.denseSearch('fast forwarding low-rank training', 1))[0]?.id).toBe('arxiv:2409.04206');
  });

  it('GIVEN an indexed file WHEN the same file is ingested again THEN nothing is added and nothing re-embedded', async () => {
    const embeddings = createFakeEmbeddings();
    const library = await open(tempDir(), embeddings, { seedFile: SEEDS });
    const before = embeddings.documentsEmbedded;
    const report = await library.ingest(loadPapers(SEEDS));
    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 10, duplicates: 0, rejected: [] });
    expect(embeddings.documentsEmbedded).toBe(before);
  });

  it('GIVEN the same abstracts as plain text WHEN ingested THEN they are duplicates of the stored papers', async () => {
    const embeddings = createFakeEmbeddings();
    const library = await open(tempDir(), embeddings, { seedFile: SEEDS });
    const report = await library.ingest(loadPapers('seeds/abstracts.txt'));
    expect(report).toMatchObject({ added: 0, duplicates: 10 });
    expect(library.count()).toBe(10);
  });
});

describe('updates and duplicates', () => {

  it('GIVEN a stored paper WHEN its id comes back with new text THEN it is replaced and re-embedded', async () => {
    const embeddings = createFakeEmbeddings();
    const library = await open(tempDir(), embeddings);
    await library.ingest([paper('p:1', text('gradient descent')), paper('p:2', text('protein folding'))]);
    const report = await library.ingest([paper('p:1', text('volcanic eruptions'))]);
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect(embeddings.documentsEmbedded).toBe(3);
    expect(library.get('p:1')?.abstract).toContain('volcanic');
    expect(library.lexicalSearch('gradient descent', 5)).toEqual([]);
    expect((await library.denseSearch('volcanic eruptions', 1))[0]?.id).toBe('p:1');
    expect(library.count()).toBe(2);
  });

  it('GIVEN a stored paper WHEN only its metadata changes THEN the row is updated without re-embedding', async () => {
    const embeddings = createFakeEmbeddings();
    const library = await open(tempDir(), embeddings);
    await library.ingest([paper('p:1', text('graph neural networks'))]);
    const report = await library.ingest([paper('p:1', text('graph neural networks'), { venue: 'NeurIPS', authors: ['Grace Hopper'] })]);
    expect(report.updated).toBe(1);
    expect(embeddings.documentsEmbedded).toBe(1);
    expect(library.byAuthor('hopper', 5).map((p) => p.id)).toEqual(['p:1']);
    expect(library.byAuthor('lovelace', 5)).toEqual([]);
  });

  it('GIVEN one abstract under two ids, in one batch or across runs, THEN the second is counted as a duplicate', async () => {
    const embeddings = createFakeEmbeddings();
    const library = await open(tempDir(), embeddings);
    const first = await library.ingest([paper('a:1', text('sparse attention')), paper('a:2', `  ${text('Sparse   attention').toUpperCase()} `)]);
    expect(first).toMatchObject({ added: 1, duplicates: 1 });
    const second = await library.ingest([paper('a:3', text('sparse attention!'))]);
    expect(second).toMatchObject({ added: 0, duplicates: 1 });
    expect(library.count()).toBe(1);
  });

  it('GIVEN rejected lines in the stream WHEN ingested THEN they are reported as met and the valid papers go in', async () => {
    const library = await open(tempDir(), createFakeEmbeddings());
    const met: number[] = [];
    const report = await library.ingest(loadPapers('test/fixtures/ingest/broken.jsonl'), { onRejected: (r) => met.push(r.line) });
    expect(met).toEqual([2, 4, 5, 6]);
    expect(report.rejected).toHaveLength(4);
    expect(report.added).toBe(2);
  });
});

describe('interruption and repair', () => {
  it('GIVEN catalog rows committed but the index never saved WHEN reopened THEN their vectors are added', async () => {
    const dir = tempDir();
    const seeded = await open(dir, createFakeEmbeddings(), { seedFile: SEEDS });
    seeded.close();
    // What a kill -9 between a batch commit and the next index save leaves behind.
    const catalog = PaperCatalog.open(catalogFile(dir));
    const lost = paper('late:1', 'Committed to the catalog just before the process was killed, with enough words to count.');
    catalog.writeBatch([{ paper: lost, contentHash: contentHash(lost), embeddingHash: embeddingHash(lost), abstractKey: abstractKey(lost.abstract), reembed: true }], new Date().toISOString());
    catalog.close();
    const embeddings = createFakeEmbeddings();
    const library = await open(dir, embeddings, { seedFile: SEEDS });
    expect(embeddings.documentsEmbedded).toBe(1);
    expect((await library.denseSearch('committed catalog process killed', 1))[0]?.id).toBe('late:1');
    const store = await HnswStore.load(indexDir(dir), createFakeEmbeddings());
    expect(store.has('late:1')).toBe(true);
  });

  it('GIVEN a saved vector whose paper is not in the catalog WHEN reopened THEN the vector is dropped', async () => {
    const dir = tempDir();
    (await open(dir, createFakeEmbeddings(), { seedFile: SEEDS })).close();
    const store = await HnswStore.load(indexDir(dir), createFakeEmbeddings());
    await store.addVectors([new Array(64).fill(0).map((_, i) => (i === 3 ? 1 : 0))], [{ pageContent: '', metadata: { id: 'ghost' } }]);
    await store.save(indexDir(dir));
    await open(dir, createFakeEmbeddings());
    expect((await HnswStore.load(indexDir(dir), createFakeEmbeddings())).has('ghost')).toBe(false);
  });

  it('GIVEN an aborted ingest WHEN run again THEN the committed batches stay and the rest is added', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const papers = Array.from({ length: 10 }, (_, i) => paper(`b:${i}`, text(`topic number ${i} ${'x'.repeat(i)}`)));
    const library = await open(dir, createFakeEmbeddings(), { batchSize: 3 });
    const first = await library.ingest(papers, { signal: controller.signal, onProgress: (n) => n >= 3 && controller.abort() });
    expect(first.interrupted).toBe(true);
    expect(library.count()).toBeGreaterThanOrEqual(3);
    expect(library.count()).toBeLessThan(10);
    library.close();
    const embeddings = createFakeEmbeddings();
    const again = await open(dir, embeddings, { batchSize: 3 });
    const second = await again.ingest(papers);
    expect(second.added + second.unchanged).toBe(10);
    expect(second.unchanged).toBe(first.added);
    expect(embeddings.documentsEmbedded).toBe(second.added);
    expect(again.count()).toBe(10);
  });

  it('GIVEN a damaged index WHEN reopened THEN it is rebuilt from the catalog', async () => {
    const dir = tempDir();
    (await open(dir, createFakeEmbeddings(), { seedFile: SEEDS })).close();
    fs.writeFileSync(path.join(indexDir(dir), 'manifest.json'), '{ not json');
    const embeddings = createFakeEmbeddings();
    const library = await open(dir, embeddings);
    expect(embeddings.documentsEmbedded).toBe(10);
    expect((await library.denseSearch('fast forwarding low-rank training', 1))[0]?.id).toBe('arxiv:2409.04206');
  });
});

describe('embedder change', () => {
  it('GIVEN an index from another embedder WHEN opened THEN dense search asks for a rebuild, and rebuild fixes it', async () => {
    const dir = tempDir();
    (await open(dir, createFakeEmbeddings(), { seedFile: SEEDS })).close();
    const other = createFakeEmbeddings({ name: 'other-hash', dimension: 32 });
    const library = await open(dir, other, { seedFile: SEEDS });
    const error = await library.denseSearch('anything', 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FootnoteError);
    expect((error as FootnoteError).code).toBe('index:embedder_mismatch');
    expect(library.lexicalSearch('mechanistic', 1)[0]?.id).toBe('arxiv:2410.09087');
    await expect(library.ingest([])).rejects.toMatchObject({ code: 'index:embedder_mismatch' });
    const progress: number[] = [];
    await library.rebuild({ onProgress: (n) => progress.push(n) });
    expect(progress.at(-1)).toBe(10);
    expect((await library.denseSearch('fast forwarding low-rank training', 1))[0]?.id).toBe('arxiv:2409.04206');
    library.close();
    const reopened = await open(dir, createFakeEmbeddings({ name: 'other-hash', dimension: 32 }));
    expect(await reopened.similarTo('arxiv:2409.04206', 3)).toHaveLength(3);
    expect((await reopened.similarTo('arxiv:2409.04206', 3)).map((h) => h.id)).not.toContain('arxiv:2409.04206');
  });
});

describe('bulk loading', () => {
  const many = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => paper(`bulk:${from + i}`, text(`subject ${from + i} of a long series`), { year: 2000 + ((from + i) % 3), authors: [`Author${from + i} Smith`] }));

  it('GIVEN a run large enough to load in bulk WHEN it ends THEN full-text, author and year lookups cover every row', async () => {
    const library = await openLibrary({ dataDir: tempDir(), embeddings: createFakeEmbeddings(), logger, batchSize: 4, bulkLoadMinRows: 8 });
    opened.push(library);
    const report = await library.ingest(many(30));
    expect(report.added).toBe(30);
    expect(library.lexicalSearch('subject 27', 50).map((h) => h.id)).toContain('bulk:27');
    expect(library.lexicalSearch('series', 100)).toHaveLength(30);
    expect(library.byAuthor('author29 smith', 5).map((p) => p.id)).toEqual(['bulk:29']);
    expect(library.byYear(2001, 100)).toHaveLength(10);
    const updated = await library.ingest([paper('bulk:3', text('a replaced abstract about tidal energy'))]);
    expect(updated.updated).toBe(1);
    expect(library.lexicalSearch('tidal', 5).map((h) => h.id)).toEqual(['bulk:3']);
  });

  it('GIVEN an empty catalog WHEN a run goes past its first batch THEN it loads the rest in bulk (full text deferred) and every row is searchable at the end', async () => {
    const dir = tempDir();
    const library = await openLibrary({ dataDir: dir, embeddings: createFakeEmbeddings(), logger, batchSize: 4, bulkLoadMinRows: 1000 });
    opened.push(library);
    const reader = new Database(catalogFile(dir), { readonly: true });
    const fullTextRows = () => reader.prepare("SELECT count(*) FROM papers_fts WHERE papers_fts MATCH 'series'").pluck().get();
    const seenDuringRun: unknown[] = [];
    const report = await library.ingest(many(12), { onProgress: (records) => seenDuringRun.push(fullTextRows()) });
    expect(report.added).toBe(12);
    // The first batch went in with its full-text rows; the next ones, written in bulk, wait for the end.
    expect(seenDuringRun).toEqual([4, 4, 4]);
    expect(fullTextRows()).toBe(12);
    reader.close();
    expect(library.byAuthor('author11 smith', 5).map((p) => p.id)).toEqual(['bulk:11']);
  });

  it('GIVEN a bulk load killed before its end WHEN the catalog is reopened THEN indexes and full text are rebuilt', async () => {
    const dir = tempDir();
    const catalog = PaperCatalog.open(catalogFile(dir));
    catalog.beginBulkLoad();
    const entries = many(5).map((p) => ({ paper: p, contentHash: contentHash(p), embeddingHash: embeddingHash(p), abstractKey: abstractKey(p.abstract), reembed: true }));
    catalog.writeBatch(entries, new Date().toISOString());
    expect(catalog.suggest('Paper bulk', 10)).toEqual([]);
    catalog.close();
    const library = await open(dir, createFakeEmbeddings());
    expect(library.lexicalSearch('series', 10)).toHaveLength(5);
    expect(library.suggest('Paper bulk', 10)).toHaveLength(5);
    expect(library.byAuthor('smith', 10)).toHaveLength(5);
    expect((await library.denseSearch('subject 4 of a long series', 1))[0]?.id).toBe('bulk:4');
  });
});

describe('another process saving the index', () => {
  it('GIVEN two libraries on one data dir WHEN one ingests THEN the other finds the new paper by dense search once its check is due', async () => {
    const dir = tempDir();
    const cli = await open(dir, createFakeEmbeddings(), { seedFile: SEEDS });
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const bot = await openLibrary({ dataDir: dir, embeddings: createFakeEmbeddings(), logger, now: () => new Date(clock) });
    opened.push(bot);
    await cli.ingest([paper('new:1', text('glacier melt under warming oceans'))]);
    clock += 10_000;
    expect((await bot.denseSearch('glacier melt warming oceans', 1))[0]?.id).toBe('new:1');
    // The bot's own ingest starts from the index on disk, so the CLI's vector survives its save.
    await bot.ingest([paper('new:2', text('coral reef bleaching events'))]);
    const saved = await HnswStore.load(indexDir(dir), createFakeEmbeddings());
    expect(saved.has('new:1') && saved.has('new:2')).toBe(true);
  });

  it('GIVEN a library waiting for a rebuild WHEN another process rebuilds the index THEN dense search works again', async () => {
    const dir = tempDir();
    (await open(dir, createFakeEmbeddings(), { seedFile: SEEDS })).close();
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const other = () => createFakeEmbeddings({ name: 'other-hash', dimension: 32 });
    const bot = await openLibrary({ dataDir: dir, embeddings: other(), logger, now: () => new Date(clock) });
    opened.push(bot);
    await expect(bot.denseSearch('fast forwarding', 1)).rejects.toMatchObject({ code: 'index:embedder_mismatch' });
    await (await open(dir, other())).rebuild();
    clock += 10_000;
    expect((await bot.denseSearch('fast forwarding low-rank training', 1))[0]?.id).toBe('arxiv:2409.04206');
  });
});
