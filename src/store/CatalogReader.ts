import type { StoredPaper } from '../corpus/Paper.js';
import { normaliseAuthor, surnameOf } from './authorName.js';
import type { CatalogDb } from './catalogSchema.js';
import { Bm25Search, type Bm25Options } from './Bm25Search.js';
import { buildPrefixExpression } from './ftsQuery.js';
import { LexicalIndex, type LexicalIndexOptions } from './lexical/LexicalIndex.js';
import { PAPER_COLUMNS, rowToPaper, type PaperRow } from './paperRows.js';

// SQLite sorts NULL lowest, so DESC puts undated papers last, newest year first among them.
const ORDER_NEWEST = 'ORDER BY p.published DESC, p.year DESC, p.id';

/** Read queries over the catalog, each a prepared statement served from an index. */
export class CatalogReader {
  private readonly statements;
  private readonly bm25: Bm25Search;
  private readonly lexical: LexicalIndex;
  private counted = { stamp: '', count: 0 };

  constructor(protected readonly db: CatalogDb, bm25: Bm25Options & LexicalIndexOptions = {}) {
    this.bm25 = new Bm25Search(db, bm25);
    this.lexical = new LexicalIndex(db, () => this.generation(), bm25);
    const select = (where: string, tail = '') => db.prepare(`SELECT ${PAPER_COLUMNS} FROM papers p ${where} ${tail}`);
    this.statements = {
      count: db.prepare('SELECT count(*) FROM papers').pluck(),
      // data_version moves when another connection commits; total_changes when this one writes.
      generation: db.prepare('SELECT (SELECT data_version FROM pragma_data_version), total_changes()').raw(),
      get: select('WHERE p.id = ?'),
      list: select('', `${ORDER_NEWEST} LIMIT ? OFFSET ?`),
      byYear: select('WHERE p.year = ?', 'ORDER BY p.published DESC, p.id LIMIT ?'),
      byVenue: select('WHERE p.venue = ?', `${ORDER_NEWEST} LIMIT ?`),
      venues: db.prepare('SELECT DISTINCT venue FROM papers WHERE venue IS NOT NULL').pluck(),
      addedSince: select('WHERE p.added_at > ?', 'ORDER BY p.added_at DESC, p.seq DESC LIMIT ?'),
      byAuthor: select('WHERE p.id IN (SELECT paper_id FROM paper_authors WHERE name_norm = @q OR surname_norm = @q)', `${ORDER_NEWEST} LIMIT @limit`),
      // Only for "N. Saphra": without an initial, this branch read every author of the surname (20k for "wang", 50 ms).
      byAuthorInitial: select(
        'WHERE p.id IN (SELECT paper_id FROM paper_authors WHERE name_norm = @q OR surname_norm = @q OR (surname_norm = @surname AND substr(name_norm, 1, 1) = @initial))',
        `${ORDER_NEWEST} LIMIT @limit`,
      ),
      authorPrefix: select(
        'WHERE p.id IN (SELECT paper_id FROM paper_authors WHERE (name_norm >= @q AND name_norm < @q || char(1114111)) OR (surname_norm >= @q AND surname_norm < @q || char(1114111)))',
        `${ORDER_NEWEST} LIMIT @limit`,
      ),
      idPrefix: select("WHERE p.id >= @q AND p.id < @q || char(1114111)", 'ORDER BY p.id LIMIT @limit'),
      titlePrefix: select(
        // Ranking every prefix match costs ~10× the lookup; autocomplete shows the newest instead.
        'JOIN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH @match ORDER BY rowid DESC LIMIT @limit) f ON p.seq = f.rowid',
        'ORDER BY p.seq DESC',
      ),
      // Names stay listed after a paper drops them; lookups by them then just find nothing.
      authorNames: db.prepare('SELECT name FROM author_names').pluck(),
      fullName: db.prepare('SELECT 1 FROM paper_authors WHERE name_norm = ? LIMIT 1').pluck(),
      // "Victoria Li" names "Victoria R. Li": the surname index narrows, the first name filters.
      firstLast: db.prepare("SELECT 1 FROM paper_authors WHERE surname_norm = ? AND name_norm LIKE ? ESCAPE '\\' LIMIT 1").pluck(),
      surname: db.prepare('SELECT 1 FROM paper_authors WHERE surname_norm = ? LIMIT 1').pluck(),
    };
  }

  /** Changes whenever the catalog may have: cheap to ask on every question, unlike a count. */
  generation(): string {
    return (this.statements.generation.get() as [number, number]).join(':');
  }

  /** Cached until the catalog changes: `count(*)` reads the whole id index (~1 ms at 75k papers). */
  count(): number {
    const stamp = this.generation();
    if (stamp !== this.counted.stamp) this.counted = { stamp, count: this.statements.count.get() as number };
    return this.counted.count;
  }

  get(id: string): StoredPaper | undefined {
    const row = this.statements.get.get(id) as PaperRow | undefined;
    return row && rowToPaper(row);
  }

  /** In the order asked for; unknown ids are skipped. */
  getMany(ids: readonly string[]): StoredPaper[] {
    return ids.map((id) => this.get(id)).filter((p): p is StoredPaper => p !== undefined);
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
