import type { StoredPaper } from '../corpus/Paper.js';
import { normaliseAuthor, surnameOf } from './authorName.js';
import type { CatalogDb } from './catalogSchema.js';
import { Bm25Search, type Bm25Options } from './Bm25Search.js';
import { buildPrefixExpression } from './ftsQuery.js';
import { GenerationCache } from './GenerationCache.js';
import { LexicalIndex, type LexicalIndexOptions } from './lexical/LexicalIndex.js';
import { prepareReadStatements, type ReadStatements } from './catalogStatements.js';
import { rowToPaper, type PaperRow } from './paperRows.js';

/** Papers kept by `getMany`: a few questions' worth. */
const RECENT_PAPERS = 2_000;

/** Read queries over the catalog, each a prepared statement served from an index. */
export class CatalogReader {
  private readonly statements: ReadStatements;
  private readonly bm25: Bm25Search;
  private readonly lexical: LexicalIndex;
  private readonly counted = new GenerationCache<number>(() => this.generation(), 1);
  private readonly papers = new GenerationCache<StoredPaper>(() => this.generation(), RECENT_PAPERS);
  private readonly names = new GenerationCache<boolean>(() => this.generation(), 10_000);

  constructor(protected readonly db: CatalogDb, bm25: Bm25Options & LexicalIndexOptions = {}) {
    this.bm25 = new Bm25Search(db, bm25);
    this.lexical = new LexicalIndex(db, this, bm25);
    this.statements = prepareReadStatements(db);
  }

  /** Changes whenever the catalog may have: cheap to ask on every question, unlike a count. */
  generation(): string {
    return (this.statements.generation.get() as [number, number]).join(':');
  }

  /** Cached until the catalog changes: `count(*)` reads the whole id index (~1 ms at 75k papers). */
  count(): number {
    return this.counted.get('count', () => this.statements.count.get() as number) as number;
  }

  get(id: string): StoredPaper | undefined {
    return this.getMany([id])[0];
  }

  /**
   * In the order asked for; unknown ids are skipped. A question reads the same few papers several
   * times (ranking, rescoring, the answer), so recent ones are kept, frozen, until the catalog changes.
   */
  getMany(ids: readonly string[]): StoredPaper[] {
    return this.papers.getMany(ids, (id) => this.readPaper(id));
  }

  private readPaper(id: string): StoredPaper | undefined {
    const row = this.statements.get.get(id) as PaperRow | undefined;
    return row && Object.freeze(rowToPaper(row));
  }

  list(offset: number, limit: number): StoredPaper[] {
    return this.rows(this.statements.list.all(limit, offset));
  }

  byYear(year: number, limit: number): StoredPaper[] {
    return this.rows(this.statements.byYear.all(year, limit));
  }

  /** Papers whose venue is exactly `venue`, as written in the catalog (see `venues()`). */
  byVenue(venue: string, limit: number): StoredPaper[] {
    return this.rows(this.statements.byVenue.all(venue, limit));
  }

  venues(): string[] {
    return this.statements.venues.all() as string[];
  }

  addedSince(isoTime: string, limit: number): StoredPaper[] {
    return this.rows(this.statements.addedSince.all(isoTime, limit));
  }

  /** Full name or surname, case- and accent-insensitive; `N. Saphra` matches `Naomi Saphra` by initial. */
  byAuthor(name: string, limit: number): StoredPaper[] {
    const q = normaliseAuthor(name);
    if (!q) return [];
    const surname = surnameOf(q);
    // Only an abbreviated first name matches by initial: "Naomi Smith" must not find "Noah Smith".
    const initial = /^\p{L} /u.test(q) ? q.slice(0, 1) : '';
    if (!initial) return this.rows(this.statements.byAuthor.all({ q, limit }));
    return this.rows(this.statements.byAuthorInitial.all({ q, surname, initial, limit }));
  }

  /** BM25 over title and abstract; positive scores, higher is better. Never throws on user text. */
  lexicalSearch(query: string, k: number): Array<{ id: string; score: number }> {
    // FTS5 answers while a large catalog's in-memory index is still being built.
    return this.lexical.search(query, k) ?? this.bm25.search(query, k);
  }

  /** A value derived from the catalog and kept beside it (statistics that are slow to compute at every start). */
  readState(key: string): string | undefined {
    return this.statements.readState.get(key) as string | undefined;
  }

  writeState(key: string, value: string): void {
    // Read-only connections (a second bot on the same data) simply recompute next time.
    if (!this.db.readonly) this.statements.writeState.run(key, value);
  }

  /** Ends background work on this catalog (an in-memory index still being built). */
  protected stopBackgroundWork(): void {
    this.lexical.close();
  }

  /** Resolves when the in-memory BM25 index is built. */
  lexicalReady(): Promise<void> {
    return this.lexical.ready();
  }

  /** Ids by prefix, then titles by word prefixes, then authors by name prefix, without repeats. */
  suggest(query: string, limit: number): StoredPaper[] {
    const trimmed = query.trim();
    if (!trimmed || limit <= 0) return [];
    const found = new Map<string, StoredPaper>();
    const add = (rows: unknown[]) => {
      for (const p of this.rows(rows)) if (found.size < limit && !found.has(p.id)) found.set(p.id, p);
    };
    add(this.statements.idPrefix.all({ q: trimmed, limit }));
    const titleMatch = buildPrefixExpression(trimmed, 'title');
    if (titleMatch && found.size < limit) add(this.statements.titlePrefix.all({ match: titleMatch, limit }));
    const author = normaliseAuthor(trimmed);
    if (author && found.size < limit) add(this.statements.authorPrefix.all({ q: author, limit }));
    return [...found.values()];
  }

  /** True when some author goes by this normalised name: in full, as first and last name, or (`surname`) by surname. */
  knowsAuthor(name: string, as: 'full' | 'surname'): boolean {
    // Every question checks each run of one to three words: the common runs are remembered.
    return this.names.get(`${as}:${name}`, () => this.lookUpAuthor(name, as)) as boolean;
  }

  private lookUpAuthor(name: string, as: 'full' | 'surname'): boolean {
    if (as === 'surname') return this.statements.surname.get(name) !== undefined;
    if (this.statements.fullName.get(name) !== undefined) return true;
    const words = name.split(' ');
    if (words.length !== 2) return false;
    const first = (words[0] as string).replace(/[\\%_]/g, (c) => `\\${c}`);
    return this.statements.firstLast.get(words[1], `${first} %`) !== undefined;
  }

  authorNames(): string[] {
    return this.statements.authorNames.all() as string[];
  }

  private rows(rows: unknown[]): StoredPaper[] {
    return (rows as PaperRow[]).map(rowToPaper);
  }
}
