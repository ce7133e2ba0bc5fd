import type { CatalogDb } from './catalogSchema.js';
import { PAPER_COLUMNS } from './paperRows.js';

// SQLite sorts NULL lowest, so DESC puts undated papers last, newest year first among them.
const ORDER_NEWEST = 'ORDER BY p.published DESC, p.year DESC, p.id';

/** The catalog's read queries, prepared once; each is served from an index (see the query-plan test). */
export function prepareReadStatements(db: CatalogDb) {
  const select = (where: string, tail = '') => db.prepare(`SELECT ${PAPER_COLUMNS} FROM papers p ${where} ${tail}`);
  return {
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
    readState: db.prepare('SELECT value FROM catalog_state WHERE key = ?').pluck(),
    writeState: db.prepare('INSERT OR REPLACE INTO catalog_state (key, value) VALUES (?, ?)'),
    fullName: db.prepare('SELECT 1 FROM paper_authors WHERE name_norm = ? LIMIT 1').pluck(),
    // "Victoria Li" names "Victoria R. Li": the surname index narrows, the first name filters.
    firstLast: db.prepare("SELECT 1 FROM paper_authors WHERE surname_norm = ? AND name_norm LIKE ? ESCAPE '\\' LIMIT 1").pluck(),
    surname: db.prepare('SELECT 1 FROM paper_authors WHERE surname_norm = ? LIMIT 1').pluck(),
  };
}

export type ReadStatements = ReturnType<typeof prepareReadStatements>;
