import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { abstractKey, contentHash, embeddingHash } from '../../../../src/corpus/normalise.js';
import type { Paper } from '../../../../src/corpus/Paper.js';
import { LexicalIndex } from '../../../../src/store/lexical/LexicalIndex.js';
import { PaperCatalog } from '../../../../src/store/PaperCatalog.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-lexical-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function paper(id: string, abstract: string): Paper {
  return { id, title: `Title ${id}`, titleDerived: false, authors: [], year: null, venue: null, url: null, abstract, categories: [], published: null };
}

function write(catalog: PaperCatalog, papers: Paper[]): void {
  const entries = papers.map((p) => ({ paper: p, contentHash: contentHash(p), embeddingHash: embeddingHash(p), abstractKey: abstractKey(p.abstract), reembed: true }));
  catalog.writeBatch(entries, '2026-01-01T00:00:00.000Z');
}

const filler = (n: number) => Array.from({ length: n }, (_, i) => paper(`f:${i}`, `Filler abstract ${i} on graph coloring and scheduling heuristics.`));
/** A catalog file holding `papers`, and a separate index over it that indexes anything over 10 papers in the background. */
function largeCatalog(name: string, papers: Paper[], Index: typeof LexicalIndex = LexicalIndex): { catalog: PaperCatalog; index: LexicalIndex } {
  const catalog = PaperCatalog.open(path.join(tmp, name));
  write(catalog, papers);
  const db = (catalog as unknown as { db: ConstructorParameters<typeof LexicalIndex>[0] }).db;
  return { catalog, index: new Index(db, catalog, { buildInlineBelow: 10 }) };
}

const ids = (hits: Array<{ id: string }> | undefined) => hits?.map((h) => h.id);

describe('the in-memory lexical index kept in step with the catalog', () => {
  it('GIVEN an index already built WHEN this process adds, changes and another connection deletes papers THEN the next search sees all of it', () => {
    const file = path.join(tmp, 'sync.db');
    const catalog = PaperCatalog.open(file);
    write(catalog, [...filler(5), paper('a', 'Tidal turbines convert sea currents into power.')]);
    expect(ids(catalog.lexicalSearch('tidal turbines', 5))).toEqual(['a']);
    write(catalog, [paper('b', 'Offshore tidal arrays and their turbines.'), paper('a', 'Solar panels on rooftops.')]);
    expect(ids(catalog.lexicalSearch('tidal turbines', 5))).toEqual(['b']);
    expect(ids(catalog.lexicalSearch('rooftops', 5))).toEqual(['a']);
    const other = PaperCatalog.open(file);
    (other as unknown as { db: { exec(sql: string): void } }).db.exec("DELETE FROM papers WHERE id = 'b'");
    other.close();
    expect(catalog.lexicalSearch('tidal turbines', 5)).toEqual([]);
    expect(catalog.count()).toBe(6);
    catalog.close();
  });

  it('GIVEN a catalog too large to index inline WHEN searched before the build ends THEN FTS5 answers, and the index once ready', async () => {
    const { catalog, index } = largeCatalog('large.db', [...filler(40), paper('t', 'Tidal turbines convert sea currents into power.')]);
    expect(index.search('tidal turbines', 5)).toBeUndefined();
    await index.ready();
    expect(ids(index.search('tidal turbines', 5))).toEqual(['t']);
    expect(index.search('graph coloring', 100)).toHaveLength(40);
    catalog.close();
  });

  it('GIVEN the compiled build (npm test builds it first) WHEN a large catalog is indexed THEN its worker thread builds the index and hands it over', async () => {
    const compiled = new URL('../../../../dist/store/lexical/', import.meta.url);
    expect(fs.existsSync(new URL('lexicalWorker.js', compiled))).toBe(true);
    const { LexicalIndex: Compiled } = (await import(pathToFileURL(new URL('LexicalIndex.js', compiled).pathname).href)) as { LexicalIndex: typeof LexicalIndex };
    const { catalog, index } = largeCatalog('worker.db', [...filler(40), paper('t', 'Tidal turbines convert sea currents into power.')], Compiled);
    expect(index.search('tidal turbines', 5)).toBeUndefined();
    await index.ready();
    expect(ids(index.search('tidal turbines', 5))).toEqual(['t']);
    write(catalog, [paper('u', 'Tidal lagoons store water behind walls.')]);
    expect(ids(index.search('tidal', 5))?.sort()).toEqual(['t', 'u']);
    catalog.close();
  });

  it('GIVEN a build in progress WHEN the catalog closes THEN the build stops, ready() still resolves and searches get nothing', async () => {
    const { catalog, index } = largeCatalog('closing.db', filler(40));
    expect(index.search('graph coloring', 5)).toBeUndefined();
    index.close();
    await index.ready();
    expect(index.search('graph coloring', 5)).toBeUndefined();
    catalog.close();
  });
});
