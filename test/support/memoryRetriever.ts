import type { Library } from '../../src/store/Library.js';
import type { RankedPaper, RetrieveOptions, Retriever } from '../../src/retrieval/types.js';

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * A small stand-in for the real hybrid retriever: arXiv ids, author names and years from the
 * metadata (marked `matchedBy`), otherwise the library's lexical leg.
 */
export class MemoryRetriever implements Retriever {
  constructor(private readonly library: Library) {}

  async retrieve(query: string, options: RetrieveOptions = {}): Promise<RankedPaper[]> {
    const k = options.k ?? 5;
    const id = /\b(\d{4}\.\d{4,5})\b/.exec(query)?.[1];
    if (id) {
      const paper = this.library.get(`arxiv:${id}`);
      if (paper) return [{ paper, score: 1, matchedBy: 'id' }];
    }
    const q = fold(query);
    const authors = this.library.authorNames().filter((a) => {
      const surname = fold(a).split(/\s+/).pop() ?? '';
      return q.includes(fold(a)) || (surname.length > 3 && new RegExp(`\\b${surname}\\b`).test(q));
    });
    if (authors.length) {
      const papers = authors.flatMap((a) => this.library.byAuthor(a, k));
      const year = /\b(19|20)\d{2}\b/.exec(query)?.[0];
      const unique = [...new Map(papers.map((p) => [p.id, p])).values()].filter((p) => !year || p.year === Number(year));
      return unique.slice(0, k).map((paper, i) => ({ paper, score: 1 - i / 100, matchedBy: 'author' }));
    }
    const year = /\b(?:from|in) ((?:19|20)\d{2})\b/.exec(query)?.[1];
    if (year) {
      const papers = this.library.byYear(Number(year), k);
      if (papers.length) return papers.map((paper, i) => ({ paper, score: 1 - i / 100, matchedBy: 'year' }));
    }
    return this.library.lexicalSearch(query, k).flatMap(({ id: pid, score }) => {
      const paper = this.library.get(pid);
      return paper ? [{ paper, score, lexicalScore: score, matchedBy: 'content' as const }] : [];
    });
  }
}
