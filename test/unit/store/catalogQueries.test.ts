import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPapers } from '../../../src/corpus/loadPapers.js';
import { abstractKey, contentHash, embeddingHash } from '../../../src/corpus/normalise.js';
import type { Paper } from '../../../src/corpus/Paper.js';
import { isRejectedLine } from '../../../src/corpus/validatePaper.js';
import { Bm25Search } from '../../../src/store/Bm25Search.js';
import { openCatalogDb } from '../../../src/store/catalogSchema.js';
import { PaperCatalog } from '../../../src/store/PaperCatalog.js';
import { isFootnoteError } from '../../../src/errors/index.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-catalog-'));
let catalog: PaperCatalog;

function paper(id: string, fields: Partial<Paper>): Paper {
  return {
    id, title: `Title ${id}`, titleDerived: false, authors: [], year: null, venue: null, url: null,
    abstract: `An abstract about ${id} that is long enough to be indexed.`, categories: [], published: null, ...fields,
  };
}

function write(papers: Paper[], addedAt: string): void {
  catalog.writeBatch(
    papers.map((p) => ({ paper: p, contentHash: contentHash(p), embeddingHash: embeddingHash(p), abstractKey: abstractKey(p.abstract), reembed: true })),
    addedAt,
  );
}

beforeAll(async () => {
  catalog = PaperCatalog.open(path.join(tmp, 'corpus.db'));
  const seeds: Paper[] = [];
  for await (const item of loadPapers('seeds/papers.jsonl')) if (!isRejectedLine(item)) seeds.push(item);
  write(seeds, '2026-01-01T00:00:00.000Z');
  write(
    [
      paper('x:accent', { authors: ["Moreno D'Incà", 'José García'], year: 2025, published: '2025-03-18', title: 'Safe Vision-Language Models' }),
      paper('x:punct', { title: 'C++ "quoted" AND/OR * -minus', abstract: 'Operators like AND, OR, NOT and NEAR, quotes " and stars * appear here in the text.' }),
    ],
    '2026-02-01T00:00:00.000Z',
  );
});
afterAll(() => {
  catalog.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('lexical search (FTS5 BM25)', () => {
  it('GIVEN the seeds WHEN searching distinctive words THEN the right paper ranks first with a positive score', () => {
    const [top, second] = catalog.lexicalSearch('What does mechanistic mean in interpretability?', 5);
    expect(top?.id).toBe('arxiv:2410.09087');
    expect(top!.score).toBeGreaterThan(second!.score);
    expect(second!.score).toBeGreaterThan(0);
  });

  it('GIVEN inflected query words WHEN searching THEN stemming matches them', () => {
    expect(catalog.lexicalSearch('forwarding trainings', 1)[0]?.id).toBe('arxiv:2409.04206');
  });

  it.each(['"', '*', '-', 'AND', 'OR NOT', 'NEAR(', '"unbalanced', 'C++ AND -minus*', ':', '^title', '(((', "it's", '\u0000'])(
    'GIVEN hostile query %j WHEN searching THEN it never throws',
    (query) => {
      expect(() => catalog.lexicalSearch(query, 5)).not.toThrow();
    },
  );

  it('GIVEN operator words in the query WHEN searching THEN they are plain terms', () => {
    expect(catalog.lexicalSearch('NEAR AND stars', 3)[0]?.id).toBe('x:punct');
  });

  it('GIVEN only stop words WHEN searching THEN nothing, instead of everything', () => {
    expect(catalog.lexicalSearch('what is the', 5)).toEqual([]);
  });
});

describe('metadata lookups', () => {
  it('GIVEN names as a question folds them WHEN checked THEN whole names, first-and-last names and surnames are known', () => {
    expect(catalog.knowsAuthor('william yang wang', 'full')).toBe(true);
    expect(catalog.knowsAuthor('william wang', 'full')).toBe(true);
    expect(catalog.knowsAuthor('yang wang', 'full')).toBe(false);
    expect(catalog.knowsAuthor('moreno dinca', 'full')).toBe(true);
    expect(catalog.knowsAuthor('saphra', 'surname')).toBe(true);
    expect(catalog.knowsAuthor('naomi', 'surname')).toBe(false);
    expect(catalog.knowsAuthor('w% wang', 'full')).toBe(false);
  });

  it('GIVEN author names in any case and accent WHEN looked up THEN by surname, full name or initial', () => {
    expect(catalog.byAuthor('wiegreffe', 10).map((p) => p.id)).toEqual(['arxiv:2410.09087']);
    expect(catalog.byAuthor("Wiegreffe's", 10)).toHaveLength(1);
    expect(catalog.byAuthor('NAOMI SAPHRA', 20).length).toBeGreaterThan(3);
    expect(catalog.byAuthor('N. Saphra', 20).length).toBe(catalog.byAuthor('Saphra', 20).length);
    expect(catalog.byAuthor('DINCA', 5).map((p) => p.id)).toEqual(['x:accent']);
    expect(catalog.byAuthor("d'inca", 5).map((p) => p.id)).toEqual(['x:accent']);
    expect(catalog.byAuthor('Jose Garcia', 5).map((p) => p.id)).toEqual(['x:accent']);
    expect(catalog.byAuthor('Nobody', 5)).toEqual([]);
    expect(catalog.authorNames()).toContain('Sarah Wiegreffe');
  });

  it('GIVEN years WHEN listed THEN only that year, dated papers first', () => {
    const of2024 = catalog.byYear(2024, 50);
    expect(of2024.length).toBeGreaterThan(0);
    expect(of2024.every((p) => p.year === 2024)).toBe(true);
    expect(catalog.byYear(1999, 5)).toEqual([]);
    expect(catalog.list(0, 1)[0]?.id).toBe('x:accent');
    expect(catalog.list(0, 100)).toHaveLength(12);
    expect(catalog.list(10, 100)).toHaveLength(2);
  });

  it('GIVEN partial input WHEN suggesting THEN ids, title words and author names match by prefix', () => {
    expect(catalog.suggest('arxiv:2409', 5).map((p) => p.id)).toEqual(['arxiv:2409.04206']);
    expect(catalog.suggest('fast forw', 5).map((p) => p.id)).toEqual(['arxiv:2409.04206']);
    expect(catalog.suggest('wieg', 5).map((p) => p.id)).toEqual(['arxiv:2410.09087']);
    expect(catalog.suggest('"*', 5)).toEqual([]);
    expect(catalog.suggest('a', 3)).toHaveLength(3);
  });

  it('GIVEN ingest times WHEN asking what was added since THEN only later papers, newest first', () => {
    expect(catalog.addedSince('2026-01-15T00:00:00.000Z', 10).map((p) => p.id).sort()).toEqual(['x:accent', 'x:punct']);
    expect(catalog.addedSince('2026-03-01T00:00:00.000Z', 10)).toEqual([]);
    expect(catalog.get('x:accent')).toMatchObject({ addedAt: '2026-02-01T00:00:00.000Z', authors: ["Moreno D'Incà", 'José García'] });
    expect(catalog.getMany(['x:punct', 'missing', 'x:accent']).map((p) => p.id)).toEqual(['x:punct', 'x:accent']);
  });
});

describe('BM25 in a large corpus', () => {
  it('GIVEN a term in nearly every paper WHEN FTS5 counts the corpus as large THEN only rarer terms select the matches', () => {
    const file = path.join(tmp, 'large.db');
    const catalog = PaperCatalog.open(file);
    const papers = Array.from({ length: 20 }, (_, i) =>
      paper(`m:${i}`, { abstract: `A language model number ${i} ${i < 2 ? 'with sparse attention' : 'with dense layers'} trained at scale.` }),
    );
    catalog.writeBatch(
      papers.map((p) => ({ paper: p, contentHash: contentHash(p), embeddingHash: embeddingHash(p), abstractKey: abstractKey(p.abstract), reembed: true })),
      '2026-01-01T00:00:00.000Z',
    );
    const db = openCatalogDb(file);
    const large = new Bm25Search(db, { pruneFromDocs: 10, commonShare: 0.25 });
    const small = new Bm25Search(db, { pruneFromDocs: 1_000 });
    expect(large.search('sparse model', 50).map((h) => h.id).sort()).toEqual(['m:0', 'm:1']);
    expect(small.search('sparse model', 50)).toHaveLength(20);
    expect(large.search('model', 50)).toHaveLength(20);
    // The in-memory index the catalog searches first scores every match exactly, pruning nothing.
    expect(catalog.lexicalSearch('sparse model', 50).slice(0, 2).map((h) => h.id).sort()).toEqual(['m:0', 'm:1']);
    expect(catalog.lexicalSearch('sparse model', 50)).toHaveLength(20);
    db.close();
    catalog.close();
  });
});

describe('schema upgrade', () => {
  it('GIVEN a version-1 catalog WHEN opened THEN author names written before the upgrade are listed', () => {
    const file = path.join(tmp, 'v1.db');
    const v1 = PaperCatalog.open(file);
    const p = paper('old:1', { authors: ['Grace Hopper'] });
    v1.writeBatch([{ paper: p, contentHash: contentHash(p), embeddingHash: embeddingHash(p), abstractKey: abstractKey(p.abstract), reembed: true }], '2026-01-01T00:00:00.000Z');
    // Roll back to what a version-1 catalog held: no author_names table.
    (v1 as unknown as { db: { exec(sql: string): void } }).db.exec('DROP TABLE author_names; PRAGMA user_version = 1;');
    v1.close();
    const upgraded = PaperCatalog.open(file);
    expect(upgraded.authorNames()).toEqual(['Grace Hopper']);
    upgraded.close();
  });
});

describe('a damaged catalog file', () => {
  it('GIVEN a corpus.db that is not a database WHEN opened THEN index:corrupt names the file and says what to do, and the file is left as it was', () => {
    const file = path.join(tmp, 'garbage.db');
    const bytes = Buffer.from('this is not an SQLite file, just some text that happens to sit where the catalog should be\n'.repeat(60));
    fs.writeFileSync(file, bytes);
    const error = (() => {
      try {
        PaperCatalog.open(file).close();
      } catch (e) {
        return e;
      }
    })();
    expect(isFootnoteError(error) && error.code).toBe('index:corrupt');
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/footnote ingest/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
