import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type CatalogDb = Database.Database;

const SCHEMA_VERSION = 1;

/**
 * The paper catalog. `seq` is an explicit rowid so the external-content FTS table stays aligned
 * through VACUUM; `vector_pending` marks rows whose vector is not yet in a saved HNSW index.
 */
const SCHEMA = `
CREATE TABLE papers (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_derived INTEGER NOT NULL,
  authors TEXT NOT NULL,
  year INTEGER,
  venue TEXT,
  url TEXT,
  abstract TEXT NOT NULL,
  categories TEXT NOT NULL,
  published TEXT,
  added_at TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  embedding_hash TEXT NOT NULL,
  abstract_key TEXT NOT NULL,
  vector_pending INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX papers_year ON papers (year);
CREATE INDEX papers_abstract_key ON papers (abstract_key);
CREATE INDEX papers_added_at ON papers (added_at);
CREATE INDEX papers_published ON papers (published DESC, year DESC, id);
CREATE INDEX papers_pending ON papers (vector_pending) WHERE vector_pending = 1;

CREATE TABLE paper_authors (
  paper_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  name_norm TEXT NOT NULL,
  surname_norm TEXT NOT NULL,
  PRIMARY KEY (paper_id, position)
) WITHOUT ROWID;
CREATE INDEX paper_authors_name ON paper_authors (name_norm);
CREATE INDEX paper_authors_surname ON paper_authors (surname_norm);

CREATE VIRTUAL TABLE papers_fts USING fts5(
  title, abstract, content='papers', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER papers_ai AFTER INSERT ON papers BEGIN
  INSERT INTO papers_fts (rowid, title, abstract) VALUES (new.seq, new.title, new.abstract);
END;
CREATE TRIGGER papers_ad AFTER DELETE ON papers BEGIN
  INSERT INTO papers_fts (papers_fts, rowid, title, abstract) VALUES ('delete', old.seq, old.title, old.abstract);
END;
CREATE TRIGGER papers_au AFTER UPDATE OF title, abstract ON papers BEGIN
  INSERT INTO papers_fts (papers_fts, rowid, title, abstract) VALUES ('delete', old.seq, old.title, old.abstract);
  INSERT INTO papers_fts (rowid, title, abstract) VALUES (new.seq, new.title, new.abstract);
END;
`;

/** Opens (creating if needed) `corpus.db`: WAL, no fsync per transaction (the catalog is rebuilt from inputs at worst). */
export function openCatalogDb(file: string): CatalogDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // WAL with synchronous=NORMAL stays consistent after a crash; it may lose only the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === 0) {
    db.transaction(() => {
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }
  return db;
}
