import type { Paper } from '../corpus/Paper.js';
import { normaliseAuthor, surnameOf } from './authorName.js';
import type { Bm25Options } from './Bm25Search.js';
import { beginBulkLoad, endBulkLoad, isBulkLoading } from './catalogBulkLoad.js';
import { CatalogReader } from './CatalogReader.js';
import { openCatalogDb, type CatalogDb } from './catalogSchema.js';

/** What the catalog remembers of a paper to classify a re-ingested record without loading it. */
export interface CatalogFingerprint {
  contentHash: string;
  embeddingHash: string;
}

/** A paper ready to be written, with the hashes ingest computed. */
export interface CatalogEntry {
  paper: Paper;
  contentHash: string;
  embeddingHash: string;
  abstractKey: string;
  /** True when its vector must be (re)computed: the row stays `vector_pending` until the index is saved. */
  reembed: boolean;
}

/**
 * The SQLite paper catalog (`corpus.db`): the source of truth for papers, FTS5 for BM25, and
 * author/year indexes. Writes go in one transaction per batch.
 */
export class PaperCatalog extends CatalogReader {
  private readonly writes;

  static open(file: string, bm25?: Bm25Options): PaperCatalog {
    return new PaperCatalog(openCatalogDb(file), bm25);
  }

  constructor(db: CatalogDb, bm25?: Bm25Options) {
    super(db, bm25);
    this.writes = {
      fingerprint: db.prepare('SELECT content_hash AS contentHash, embedding_hash AS embeddingHash FROM papers WHERE id = ?'),
      byAbstractKey: db.prepare('SELECT id FROM papers WHERE abstract_key = ? LIMIT 1').pluck(),
      upsert: db.prepare(`INSERT INTO papers (id, title, title_derived, authors, year, venue, url, abstract, categories, published,
          added_at, content_hash, embedding_hash, abstract_key, vector_pending)
        VALUES (@id, @title, @titleDerived, @authors, @year, @venue, @url, @abstract, @categories, @published,
          @addedAt, @contentHash, @embeddingHash, @abstractKey, @pending)
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, title_derived = excluded.title_derived, authors = excluded.authors,
          year = excluded.year, venue = excluded.venue, url = excluded.url, abstract = excluded.abstract,
          categories = excluded.categories, published = excluded.published, content_hash = excluded.content_hash,
          embedding_hash = excluded.embedding_hash, abstract_key = excluded.abstract_key,
          vector_pending = max(vector_pending, excluded.vector_pending)`),
      deleteAuthors: db.prepare('DELETE FROM paper_authors WHERE paper_id = ?'),
      insertAuthor: db.prepare('INSERT OR REPLACE INTO paper_authors (paper_id, position, name, name_norm, surname_norm) VALUES (?, ?, ?, ?, ?)'),
      insertName: db.prepare('INSERT OR IGNORE INTO author_names (name) VALUES (?)'),
      // No ORDER BY: the covering id index answers without reading 75k abstracts.
      allIds: db.prepare('SELECT id FROM papers').pluck(),
      pendingIds: db.prepare('SELECT id FROM papers WHERE vector_pending = 1 ORDER BY seq').pluck(),
      clearPending: db.prepare('UPDATE papers SET vector_pending = 0 WHERE vector_pending = 1'),
      markAllPending: db.prepare('UPDATE papers SET vector_pending = 1'),
      page: db.prepare('SELECT seq, id, title, abstract FROM papers WHERE seq > ? ORDER BY seq LIMIT ?'),
    };
  }

  fingerprint(id: string): CatalogFingerprint | undefined {
    return this.writes.fingerprint.get(id) as CatalogFingerprint | undefined;
  }

  /** The id of a stored paper with this normalised abstract, if any. */
  idWithAbstract(abstractKey: string): string | undefined {
    return this.writes.byAbstractKey.get(abstractKey) as string | undefined;
  }

  /** Writes a batch in one transaction: all of it is committed or none. */
  writeBatch(entries: readonly CatalogEntry[], addedAt: string): void {
    this.db.transaction(() => {
      for (const entry of entries) this.writeOne(entry, addedAt);
    })();
  }

  allIds(): string[] {
    return this.writes.allIds.all() as string[];
  }

  /** Papers whose vectors are not yet in a saved index (committed since the last save). */
  pendingIds(): string[] {
    return this.writes.pendingIds.all() as string[];
  }

  /** Called right after the index was saved: every committed vector is now on disk. */
  clearPending(): void {
    this.writes.clearPending.run();
  }

  markAllPending(): void {
    this.writes.markAllPending.run();
  }

  /** The text to embed for every paper, in pages, so a rebuild never holds the corpus in memory. */
  *embeddingPages(pageSize: number): Generator<Array<{ id: string; title: string; abstract: string }>> {
    let after = 0;
    for (;;) {
      const rows = this.writes.page.all(after, pageSize) as Array<{ seq: number; id: string; title: string; abstract: string }>;
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.seq;
      yield rows;
    }
  }

  /** Defers secondary indexes and full-text indexing until `endBulkLoad` (see catalogBulkLoad.ts). */
  beginBulkLoad(): void {
    if (!isBulkLoading(this.db)) beginBulkLoad(this.db);
  }

  endBulkLoad(): void {
    if (isBulkLoading(this.db)) endBulkLoad(this.db);
  }

  close(): void {
    this.stopBackgroundWork();
    if (this.db.open) this.db.close();
  }

  private writeOne({ paper, contentHash, embeddingHash, abstractKey, reembed }: CatalogEntry, addedAt: string): void {
    this.writes.upsert.run({
      ...paper,
      titleDerived: paper.titleDerived ? 1 : 0,
      authors: JSON.stringify(paper.authors),
      categories: JSON.stringify(paper.categories),
      addedAt,
      contentHash,
      embeddingHash,
      abstractKey,
      pending: reembed ? 1 : 0,
    });
    this.writes.deleteAuthors.run(paper.id);
    paper.authors.forEach((name, position) => {
      const norm = normaliseAuthor(name);
      this.writes.insertAuthor.run(paper.id, position, name, norm, surnameOf(norm));
      this.writes.insertName.run(name);
    });
  }
}
