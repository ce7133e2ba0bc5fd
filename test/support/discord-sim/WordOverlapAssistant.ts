import { readFileSync } from 'node:fs';
import type { Assistant } from '../../../src/answer/Assistant.js';
import type { Answer, AskOptions, Citation } from '../../../src/answer/types.js';
import type { Paper } from '../../../src/corpus/Paper.js';
import type { RankedPaper } from '../../../src/retrieval/types.js';

const STOP = new Set('the a an of in on and or to for is are was were what did does do how which who with by from that this it its as at be about'.split(' '));
const words = (s: string) => s.toLowerCase().match(/[a-z0-9]+/g)?.filter((w) => w.length > 2 && !STOP.has(w)) ?? [];

export function seedPapers(): Paper[] {
  return readFileSync(new URL('../../../seeds/papers.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((line) => {
    const r = JSON.parse(line) as Paper;
    return { ...r, titleDerived: false, categories: [], published: r.year ? `${r.year}-01-01` : null };
  });
}

/**
 * A small in-memory Assistant over the seed papers for in-process bot tests: word overlap ranks
 * papers, the best-overlapping sentence of each is cited. `delayMs` simulates a slow answer;
 * a question containing "LONG ANSWER" cites the same sentences many times to force splitting.
 */
export class WordOverlapAssistant implements Assistant {
  readonly asked: Array<{ question: string; options?: AskOptions }> = [];
  constructor(private readonly papers: Paper[] = seedPapers(), private readonly delayMs = 0) {}

  private rank(query: string, k: number): RankedPaper[] {
    const q = new Set(words(query));
    return this.papers
      .map((paper) => ({ paper, score: words(`${paper.title} ${paper.abstract}`).filter((w) => q.has(w)).length }))
      .filter((r) => r.score > 0).sort((a, b) => b.score - a.score).slice(0, k);
  }

  async ask(question: string, options?: AskOptions): Promise<Answer> {
    this.asked.push({ question, options });
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const query = [...(options?.history ?? []).map((t) => t.question), question].join(' ');
    const ranked = this.rank(query, 3);
    const q = new Set(words(query));
    const citations: Citation[] = ranked.map((r, i) => {
      const sentences = r.paper.abstract.split(/(?<=[.!?])\s+/);
      const quote = sentences.map((s) => ({ s, n: words(s).filter((w) => q.has(w)).length })).sort((a, b) => b.n - a.n)[0]!.s;
      return { n: i + 1, id: r.paper.id, title: r.paper.title, titleDerived: false, authors: r.paper.authors, year: r.paper.year, url: r.paper.url, quote };
    });
    const repeat = question.includes('LONG ANSWER') ? 60 : 1;
    const text = citations.length === 0 ? 'The indexed abstracts do not answer this.' : Array.from({ length: repeat }, () => citations.map((c) => `${c.quote.replace(/[.!?]$/, '')} [${c.n}].`).join(' ')).join(' ');
    return { question, text, citations, abstained: citations.length === 0, suggestions: [], passages: ranked, timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 }, answeredBy: 'extractive' };
  }

  async search(query: string, options?: { k?: number }): Promise<RankedPaper[]> {
    return this.rank(query, options?.k ?? 5);
  }

  suggestPapers(query: string, limit = 25): Paper[] {
    const q = query.toLowerCase();
    return this.papers.filter((p) => `${p.title} ${p.authors.join(' ')} ${p.id}`.toLowerCase().includes(q)).slice(0, limit);
  }

  getPaper(id: string): Paper | undefined {
    return this.papers.find((p) => p.id === id);
  }

  async similar(id: string, k = 5): Promise<RankedPaper[]> {
    const paper = this.getPaper(id);
    return paper ? this.rank(paper.title, k + 1).filter((r) => r.paper.id !== id).slice(0, k) : [];
  }

  listPapers(offset: number, limit: number): { total: number; papers: Paper[] } {
    return { total: this.papers.length, papers: this.papers.slice(offset, offset + limit) };
  }

  summarize(paper: Paper) {
    const sentences = paper.abstract.split(/(?<=[.!?])\s+/);
    return { text: sentences.slice(0, 2).join(' '), keyFinding: sentences[1] ?? sentences[0] ?? '' };
  }

  stats() {
    return { papers: this.papers.length };
  }
}
