import type { CatalogDb } from './catalogSchema.js';
import { queryTerms } from './ftsQuery.js';

export interface Bm25Options {
  /** Under this many papers every query term is scored: BM25 over all matches is cheap there. */
  pruneFromDocs?: number;
  /** A term in more than this share of the papers adds little to BM25 and costs one score per match. */
  commonShare?: number;
}

const DEFAULTS: Required<Bm25Options> = { pruneFromDocs: 20_000, commonShare: 0.25 };

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/**
 * BM25 over the FTS5 index. FTS5 scores every row matching any OR-ed term, so at 75k papers a
 * query with "models" in it scores most of the corpus; in a large corpus such common terms are
 * dropped when a rarer one remains. Document frequencies are cached until the catalog grows.
 */
export class Bm25Search {
  private readonly docFreqCache = new Map<string, number>();
  private stamp = -1;
  private docs = 0;
  private readonly statements;
  private readonly options: Required<Bm25Options>;

  constructor(db: CatalogDb, options: Bm25Options = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.statements = {
      // Ranking inside the subquery lets FTS5 keep only the top k before the join.
      search: db.prepare(`SELECT p.id AS id, -f.rank AS score FROM (
          SELECT rowid, bm25(papers_fts, 1.0, 1.0) AS rank FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rank LIMIT ?
        ) f JOIN papers p ON p.seq = f.rowid ORDER BY f.rank`),
      docFreq: db.prepare('SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?').pluck(),
      stamp: db.prepare('SELECT max(seq) FROM papers').pluck(),
      count: db.prepare('SELECT count(*) FROM papers').pluck(),
    };
  }

  /** Positive scores, higher is better; never throws on user text (every term is quoted). */
  search(query: string, k: number): Array<{ id: string; score: number }> {
    const terms = queryTerms(query);
    if (terms.length === 0 || k <= 0) return [];
    const match = this.selective(terms).map(quote).join(' OR ');
    return this.statements.search.all(match, k) as Array<{ id: string; score: number }>;
  }

  private selective(terms: string[]): string[] {
    this.refresh();
    if (this.docs < this.options.pruneFromDocs || terms.length === 1) return terms;
    const rare = terms.filter((t) => this.docFreq(t) <= this.docs * this.options.commonShare);
    return rare.length > 0 ? rare : terms;
  }

  private docFreq(term: string): number {
    let n = this.docFreqCache.get(term);
    if (n === undefined) {
      n = this.statements.docFreq.get(quote(term)) as number;
      this.docFreqCache.set(term, n);
    }
    return n;
  }

  private refresh(): void {
    const stamp = (this.statements.stamp.get() as number | null) ?? 0;
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    this.docs = this.statements.count.get() as number;
    this.docFreqCache.clear();
  }
}
