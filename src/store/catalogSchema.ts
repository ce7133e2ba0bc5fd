import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FootnoteError } from '../errors/index.js';
import { DEFERRED_SCHEMA, endBulkLoad, isBulkLoading } from './catalogBulkLoad.js';

export type CatalogDb = Database.Database;


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
CREATE INDEX papers_abstract_key ON papers (abstract_key);

CREATE TABLE paper_authors (
  paper_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  name_norm TEXT NOT NULL,
  surname_norm TEXT NOT NULL,
  PRIMARY KEY (paper_id, position)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE papers_fts USING fts5(
  title, abstract, content='papers', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2'
);
${DEFERRED_SCHEMA}
`;

/**
 * v2: distinct author names kept as written, so `authorNames()` is one index scan instead of a
 * DISTINCT over every authorship; the year index also serves the newest-first order.
 */
const V2 = `
CREATE TABLE IF NOT EXISTS author_names (name TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO author_names (name) SELECT name FROM paper_authors;
DROP INDEX IF EXISTS papers_year;
CREATE INDEX papers_year ON papers (year, published DESC, id);
`;

/** v3: venues ("NeurIPS 2024") answer questions by lookup; most arXiv records have none, so only named venues are indexed. */
const V3 = `CREATE INDEX IF NOT EXISTS papers_venue ON papers (venue) WHERE venue IS NOT NULL;`;

/** Schema versions in order: `user_version` counts how many have been applied. */
const MIGRATIONS = [SCHEMA, V2, V3];

/** Opens (creating if needed) `corpus.db` in WAL mode, finishing a bulk load a crash interrupted. */
export function openCatalogDb(file: string): CatalogDb {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db.close();
    // The file is left alone: it may be a catalog someone can still recover.
    const reason = error instanceof Error ? error.message : String(error);
    throw new FootnoteError('index:corrupt', `${file} is not a readable paper catalog (${reason}). Move it aside, then run \`footnote ingest\` on your files again (the seed papers come back on the next start).`);
  }
  // WAL with synchronous=NORMAL never fsyncs per commit and stays consistent after a crash; a power cut may lose the last commits, which re-ingest restores.
  db.pragma('synchronous = NORMAL');
  // Long enough to wait out another process finishing a bulk load (an FTS rebuild at 75k papers).
  db.pragma('busy_timeout = 30000');
  db.pragma('cache_size = -65536');
  const version = db.pragma('user_version', { simple: true }) as number;
  MIGRATIONS.forEach((sql, i) => {
    if (version > i) return;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${i + 1}`);
    })();
  });
  db.exec('CREATE TABLE IF NOT EXISTS catalog_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  // A bulk load that never finished (crash, kill -9) left indexes and FTS to rebuild.
  if (isBulkLoading(db)) endBulkLoad(db);
  return db;
}
