import { readFileSync } from 'node:fs';
import type { Paper, StoredPaper } from '../../src/corpus/Paper.js';
import type { Library } from '../../src/store/Library.js';
import { termsOf } from '../../src/answer/text/terms.js';
import { foldForMatching } from '../../src/corpus/normalise.js';

/** The ten seed papers as `Paper` objects. */
export function loadSeedPapers(file = new URL('../../seeds/papers.jsonl', import.meta.url)): Paper[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const r = JSON.parse(line) as Omit<Paper, 'titleDerived' | 'categories' | 'published'>;
      return { ...r, titleDerived: false, categories: [], published: r.year ? `${r.year}-01-01` : null };
    });
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * An in-memory Library over a handful of papers for unit tests of code that only needs the
 * interface: BM25 over stems for the lexical leg, the same scores squashed to (0, 1) for the dense leg.
 */
export class MemoryLibrary implements Library {
  readonly embedder = { name: 'memory-bm25', version: '1', dimension: 0 };
  private readonly papers: StoredPaper[];
  private readonly docs: Array<Map<string, number>>;
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(papers: Paper[]) {
    this.papers = papers.map((p) => ({ ...p, addedAt: '2026-01-01T00:00:00Z', contentHash: p.id }));
    this.docs = this.papers.map((p) => {
      const tf = new Map<string, number>();
      for (const t of termsOf(`${p.title}. ${p.abstract}`)) tf.set(t.stem, (tf.get(t.stem) ?? 0) + 1);
      for (const stem of tf.keys()) this.df.set(stem, (this.df.get(stem) ?? 0) + 1);
      return tf;
    });
    this.avgLength = this.docs.reduce((s, d) => s + [...d.values()].reduce((a, b) => a + b, 0), 0) / Math.max(1, this.docs.length);
  }

  count(): number { return this.papers.length; }
  get(id: string): StoredPaper | undefined { return this.papers.find((p) => p.id === id); }
  getMany(ids: readonly string[]): StoredPaper[] { return ids.flatMap((id) => this.get(id) ?? []); }
  list(offset: number, limit: number): StoredPaper[] {
    return [...this.papers].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.id.localeCompare(b.id)).slice(offset, offset + limit);
  }

  lexicalSearch(query: string, k: number): Array<{ id: string; score: number }> {
    const stems = [...new Set(termsOf(query).map((t) => t.stem))];
    const n = this.papers.length;
    return this.docs
      .map((tf, i) => {
        const length = [...tf.values()].reduce((a, b) => a + b, 0);
        let score = 0;
        for (const stem of stems) {
          const f = tf.get(stem) ?? 0;
          if (!f) continue;
          const df = this.df.get(stem) ?? 0;
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          score += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * length) / this.avgLength));
        }
        return { id: (this.papers[i] as StoredPaper).id, score };
      })
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }

  async denseSearch(query: string, k: number): Promise<Array<{ id: string; similarity: number }>> {
    return this.lexicalSearch(query, k).map((r) => ({ id: r.id, similarity: r.score / (r.score + 5) }));
  }
  async similarTo(id: string, k: number): Promise<Array<{ id: string; similarity: number }>> {
    const paper = this.get(id);
    if (!paper) return [];
    return (await this.denseSearch(paper.abstract, k + 1)).filter((r) => r.id !== id).slice(0, k);
  }
  byAuthor(name: string, limit: number): StoredPaper[] {
    const wanted = fold(name);
    return this.papers.filter((p) => p.authors.some((a) => fold(a) === wanted || fold(a).split(/\s+/).pop() === wanted)).slice(0, limit);
  }
  byYear(year: number, limit: number): StoredPaper[] { return this.papers.filter((p) => p.year === year).slice(0, limit); }
  byVenue(venue: string, limit: number): StoredPaper[] { return this.papers.filter((p) => p.venue === venue).slice(0, limit); }
  venues(): string[] { return [...new Set(this.papers.flatMap((p) => (p.venue ? [p.venue] : [])))]; }
  suggest(query: string, limit: number): StoredPaper[] {
    const q = fold(query);
    return this.papers.filter((p) => fold(`${p.title} ${p.authors.join(' ')} ${p.id}`).includes(q)).slice(0, limit);
  }
  addedSince(): StoredPaper[] { return []; }
  authorNames(): string[] { return [...new Set(this.papers.flatMap((p) => p.authors))]; }
  knowsAuthor(name: string, as: 'full' | 'surname'): boolean {
    return this.authorNames().some((a) => {
      const words = foldForMatching(a.replace(/['’`]/gu, '')).split(' ').filter(Boolean);
      if (as === 'surname') return words[words.length - 1] === name;
      return words.join(' ') === name || `${words[0]} ${words[words.length - 1]}` === name;
    });
  }
  async ingest(): Promise<never> { throw new Error('MemoryLibrary is read-only'); }
  async rebuild(): Promise<void> {}
  close(): void {}
}
