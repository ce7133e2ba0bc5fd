import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../../src/corpus/Paper.js';
import { HashedEmbeddings } from '../../../src/embeddings/local/HashedEmbeddings.js';
import { createLogger } from '../../../src/logging/logger.js';
import { createRetriever } from '../../../src/retrieval/createRetriever.js';
import { CatalogReader } from '../../../src/store/CatalogReader.js';
import type { Library } from '../../../src/store/Library.js';
import { catalogFile, openLibrary } from '../../../src/store/openLibrary.js';
import { syntheticPapers } from '../../support/syntheticPapers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-metadata-'));
// Above the bulk-load threshold, so the indexes under test are the ones rebuilt after a bulk load.
const papers = syntheticPapers(5500, 21);
const asPaper = (p: (typeof papers)[number]): Paper => ({ ...p, titleDerived: false, venue: null, url: null, categories: [], published: null });
let library: Library;

beforeAll(async () => {
  library = await openLibrary({ dataDir: tmp, embeddings: new HashedEmbeddings({ worker: false }), logger: createLogger({ level: 'silent' }) });
  await library.ingest(papers.map(asPaper));
}, 120_000);
afterAll(() => {
  library.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const ids = (list: Array<{ id: string }>) => list.map((p) => p.id).sort();
const expectedIds = (keep: (p: (typeof papers)[number]) => boolean) => papers.filter(keep).map((p) => p.id).sort();

describe('author, title and year lookups on a 5,500-paper catalog', () => {
  it('GIVEN a full author name WHEN looked up THEN exactly that author’s papers come back', () => {
    const name = papers[0]!.authors[0]!;
    const expected = expectedIds((p) => p.authors.includes(name));
    expect(expected.length).toBeGreaterThan(10);
    expect(ids(library.byAuthor(name, 10_000))).toEqual(expected);
    expect(ids(library.byAuthor(name.toUpperCase(), 10_000))).toEqual(expected);
  });

  it('GIVEN a surname alone WHEN looked up THEN every paper with an author of that surname comes back', () => {
    const surname = papers[1]!.authors[0]!.split(' ').at(-1)!;
    expect(ids(library.byAuthor(surname, 10_000))).toEqual(expectedIds((p) => p.authors.some((a) => a.endsWith(` ${surname}`))));
  });

  it('GIVEN a year WHEN looked up THEN exactly the papers of that year come back', () => {
    expect(ids(library.byYear(2019, 10_000))).toEqual(expectedIds((p) => p.year === 2019));
  });

  it('GIVEN an author question WHEN retrieved THEN every paper returned is by that author', async () => {
    const name = papers[2]!.authors[0]!;
    const results = await createRetriever(library).retrieve(`Which papers did ${name} write?`, { k: 20 });
    expect(results.length).toBe(Math.min(20, expectedIds((p) => p.authors.includes(name)).length));
    expect(results.every((r) => r.paper.authors.includes(name))).toBe(true);
  });

  it('GIVEN a paper’s exact title in quotes WHEN retrieved THEN that paper is first', async () => {
    const target = papers[4321]!;
    const [top] = await createRetriever(library).retrieve(`What does "${target.title}" show?`, { k: 5 });
    expect(top?.paper.id).toBe(target.id);
  });

  it('GIVEN an author’s name in a question WHEN checked against the catalog THEN full names, first-and-last names and surnames are known, others not', () => {
    const full = papers[0]!.authors[0]!.toLowerCase();
    const [first, surname] = [full.split(' ')[0]!, full.split(' ').at(-1)!];
    expect(library.knowsAuthor(full, 'full')).toBe(true);
    expect(library.knowsAuthor(`${first} ${surname}`, 'full')).toBe(true);
    expect(library.knowsAuthor(surname, 'surname')).toBe(true);
    expect(library.knowsAuthor('zzyzx qwerty', 'full')).toBe(false);
    expect(library.knowsAuthor('zzyzx', 'surname')).toBe(false);
  });

  it('GIVEN the catalog’s own lookup statements WHEN planned by SQLite THEN id, year and author lookups search an index, never scan the table', () => {
    const db = new Database(catalogFile(tmp), { readonly: true });
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    // The reader prepares its statements in its constructor: recording them plans exactly what it runs.
    db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as typeof db.prepare;
    new CatalogReader(db);
    const plan = (sql: string) => {
      const named = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1] as string))];
      const params = named.length ? [Object.fromEntries(named.map((n) => [n, n === 'limit' ? 5 : 'x']))] : Array((sql.match(/\?/g) ?? []).length).fill(1);
      return (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
    };
    // id, year, byAuthor (with and without an initial), and the three name checks of author questions.
    const lookups = prepared.filter((sql) => /p\.id = \?|p\.year = \?|FROM paper_authors WHERE (name_norm|surname_norm) = [@?]/.test(sql));
    expect(lookups).toHaveLength(7);
    for (const sql of lookups) {
      const steps = plan(sql);
      expect(steps.some((s) => /^SEARCH (p|paper_authors) USING (INDEX|COVERING INDEX|INTEGER PRIMARY KEY)/.test(s)), steps.join('\n')).toBe(true);
      expect(steps.filter((s) => /^SCAN (p|papers|paper_authors)\b/.test(s)), steps.join('\n')).toEqual([]);
    }
    db.close();
  });
});
