import type { CatalogDb } from './catalogSchema.js';

/**
 * Secondary indexes and FTS triggers cost more per row than the row itself; a large ingest drops
 * them and rebuilds them once at the end (sorted index builds, one FTS `rebuild`), which is about
 * twice as fast. `bulk_load` in `catalog_state` records the mode, so a crash mid-way is repaired on
 * the next open. The id and abstract-key indexes stay: ingest's dedupe needs them.
 */
const DEFERRED = `
CREATE INDEX IF NOT EXISTS papers_year ON papers (year, published DESC, id);
CREATE INDEX IF NOT EXISTS papers_added_at ON papers (added_at);
CREATE INDEX IF NOT EXISTS papers_published ON papers (published DESC, year DESC, id);
CREATE INDEX IF NOT EXISTS papers_pending ON papers (vector_pending) WHERE vector_pending = 1;
CREATE INDEX IF NOT EXISTS paper_authors_name ON paper_authors (name_norm);
CREATE INDEX IF NOT EXISTS paper_authors_surname ON paper_authors (surname_norm);
CREATE TRIGGER IF NOT EXISTS papers_ai AFTER INSERT ON papers BEGIN
  INSERT INTO papers_fts (rowid, title, abstract) VALUES (new.seq, new.title, new.abstract);
END;
CREATE TRIGGER IF NOT EXISTS papers_ad AFTER DELETE ON papers BEGIN
  INSERT INTO papers_fts (papers_fts, rowid, title, abstract) VALUES ('delete', old.seq, old.title, old.abstract);
END;
CREATE TRIGGER IF NOT EXISTS papers_au AFTER UPDATE OF title, abstract ON papers BEGIN
  INSERT INTO papers_fts (papers_fts, rowid, title, abstract) VALUES ('delete', old.seq, old.title, old.abstract);
  INSERT INTO papers_fts (rowid, title, abstract) VALUES (new.seq, new.title, new.abstract);
END;
`;

const DROP = `
DROP TRIGGER IF EXISTS papers_ai; DROP TRIGGER IF EXISTS papers_ad; DROP TRIGGER IF EXISTS papers_au;
DROP INDEX IF EXISTS papers_year; DROP INDEX IF EXISTS papers_added_at; DROP INDEX IF EXISTS papers_published;
DROP INDEX IF EXISTS papers_pending; DROP INDEX IF EXISTS paper_authors_name; DROP INDEX IF EXISTS paper_authors_surname;
`;

/** The indexes and triggers a bulk load defers; part of the schema. */
export const DEFERRED_SCHEMA = DEFERRED;

export function isBulkLoading(db: CatalogDb): boolean {
  return db.prepare("SELECT value FROM catalog_state WHERE key = 'bulk_load'").pluck().get() === '1';
}

export function beginBulkLoad(db: CatalogDb): void {
  db.transaction(() => {
    db.exec(DROP);
    db.prepare("INSERT OR REPLACE INTO catalog_state (key, value) VALUES ('bulk_load', '1')").run();
  })();
}

/** Rebuilds what `beginBulkLoad` dropped, full-text index included, in one transaction. */
export function endBulkLoad(db: CatalogDb): void {
  db.transaction(() => {
    db.exec(DEFERRED);
    db.exec("INSERT INTO papers_fts (papers_fts) VALUES ('rebuild')");
    db.prepare("INSERT OR REPLACE INTO catalog_state (key, value) VALUES ('bulk_load', '0')").run();
  })();
}
