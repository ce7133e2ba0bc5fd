import type { StoredPaper } from '../corpus/Paper.js';
import { normaliseAuthor, surnameOf } from './authorName.js';
import type { CatalogDb } from './catalogSchema.js';
import { Bm25Search, type Bm25Options } from './Bm25Search.js';
import { buildPrefixExpression } from './ftsQuery.js';
import { PAPER_COLUMNS, rowToPaper, type PaperRow } from './paperRows.js';

// SQLite sorts NULL lowest, so DESC puts undated papers last, newest year first among them.
const ORDER_NEWEST = 'ORDER BY p.published DESC, p.year DESC, p.id';

/** Read queries over the catalog, each a prepared statement served from an index. */
export class CatalogReader {
  private readonly statements;
  private readonly bm25: Bm25Search;

  constructor(protected readonly db: CatalogDb, bm25: Bm25Options = {}) {
    this.bm25 = new Bm25Search(db, bm25);
    const select = (where: string, tail = '') => db.prepare(`SELECT ${PAPER_COLUMNS} FROM papers p ${where} ${tail}`);
    this.statements = {
      count: db.prepare('SELECT count(*) FROM papers').pluck(),
      get: select('WHERE p.id = ?'),
      list: select('', `${ORDER_NEWEST} LIMIT ? OFFSET ?`),
      byYear: select('WHERE p.year = ?', 'ORDER BY p.published DESC, p.id LIMIT ?'),
      byVenue: select('WHERE p.venue = ?', `${ORDER_NEWEST} LIMIT ?`),
      venues: db.prepare('SELECT DISTINCT venue FROM papers WHERE venue IS NOT NULL').pluck(),
      addedSince: select('WHERE p.added_at > ?', 'ORDER BY p.added_at DESC, p.seq DESC LIMIT ?'),
      byAuthor: select(
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
    };
  }

  count(): number {
    return this.statements.count.get() as number;
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
    return this.rows(this.statements.byAuthor.all({ q, surname, initial, limit }));
  }

  /** BM25 over title and abstract; positive scores, higher is better. Never throws on user text. */
  lexicalSearch(query: string, k: number): Array<{ id: string; score: number }> {
    return this.bm25.search(query, k);
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

  authorNames(): string[] {
    return this.statements.authorNames.all() as string[];
  }

  private rows(rows: unknown[]): StoredPaper[] {
    return (rows as PaperRow[]).map(rowToPaper);
  }
}
