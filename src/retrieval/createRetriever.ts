import type { StoredPaper } from '../corpus/Paper.js';
import type { Library } from '../store/Library.js';
import { authorNamesOf } from './authorIndex.js';
import { searchContent, type ContentSearchOptions } from './contentSearch.js';
import { DEFAULT_FUSION, type LegHit } from './fuse.js';
import { searchMetadata, type MetadataMatch } from './metadataSearch.js';
import { hasTopic, parseQueryIntent, type QueryIntent } from './queryIntent.js';
import { DEFAULT_RERANK } from './rerankHead.js';
import { namesTitle } from './titleMatch.js';
import type { RankedPaper, RetrievalMode, RetrieveOptions, Retriever } from './types.js';
import { venueIndexOf } from './venueIndex.js';

export interface RetrieverOptions extends Partial<ContentSearchOptions> {
  /** Mode used when a call does not name one (default hybrid). */
  mode?: RetrievalMode;
  /** Papers returned when a call does not say (default 5). */
  k?: number;
}

const DEFAULTS: ContentSearchOptions = { mode: 'hybrid', depth: 50, fusion: DEFAULT_FUSION, synonymsPerConcept: 3, rerank: DEFAULT_RERANK };
/** Depth of the content legs when their hits are narrowed to an author's papers or a year. */
const FILTER_DEPTH = 300;

function ranked(paper: StoredPaper, hit: LegHit | undefined, matchedBy: RankedPaper['matchedBy'], score: number): RankedPaper {
  return { paper, score, lexicalScore: hit?.lexicalScore, similarity: hit?.similarity, matchedBy };
}

/** Content hits as ranked papers, titles named in the question first. */
function contentRanking(library: Library, hits: LegHit[], intent: QueryIntent, query: string, k: number): RankedPaper[] {
  const byId = new Map(library.getMany(hits.slice(0, Math.max(k, 10)).map((h) => h.id)).map((p) => [p.id, p]));
  const out: RankedPaper[] = [];
  for (const hit of hits) {
    const paper = byId.get(hit.id);
    if (paper) out.push(ranked(paper, hit, namesTitle(query, intent.quoted, paper) ? 'title' : 'content', hit.score));
  }
  const titled = out.filter((r) => r.matchedBy === 'title');
  return [...titled, ...out.filter((r) => r.matchedBy !== 'title')].slice(0, k);
}

/** Metadata matches, ordered by what the content legs say when the question also names a topic. */
function metadataRanking(match: MetadataMatch, hits: LegHit[], k: number): RankedPaper[] {
  const hitOf = new Map(hits.map((h) => [h.id, h]));
  const order = new Map(hits.map((h, i) => [h.id, i]));
  const papers = [...match.papers].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  return papers.slice(0, k).map((p) => ranked(p, hitOf.get(p.id), match.matchedBy, 1));
}

/**
 * The retriever: metadata questions (ids, authors, years, titles) answered from the catalog,
 * everything else by the fused content legs. `score` is in [0, 1] (1 = named by metadata or
 * ranked first by both legs); `similarity` is the raw cosine and `lexicalScore` the raw BM25.
 */
export function createRetriever(library: Library, options: RetrieverOptions = {}): Retriever {
  const base: ContentSearchOptions = { ...DEFAULTS, ...options, fusion: { ...DEFAULTS.fusion, ...options.fusion } };
  const authors = authorNamesOf(library);
  const venues = venueIndexOf(library);
  return {
    async retrieve(query: string, call: RetrieveOptions = {}): Promise<RankedPaper[]> {
      const k = call.k ?? options.k ?? 5;
      // Each leg must reach k on its own: a BEIR run at k = 100 needs 100 candidates, not the union of two 50s.
      const search = { ...base, mode: call.mode ?? base.mode, depth: Math.max(base.depth, k) };
      const intent = parseQueryIntent(query, authors, venues());
      const topic = hasTopic(intent);
      const match = searchMetadata(library, intent, topic, k);
      const narrowed = match !== undefined || intent.years.length > 0;
      const hits = topic ? await searchContent(library, query, { ...search, depth: narrowed ? FILTER_DEPTH : search.depth }) : [];
      if (match) return metadataRanking(match, hits, k);
      if (intent.years.length > 0) {
        const years = new Set(library.getMany(hits.map((h) => h.id)).filter((p) => p.year !== null && intent.years.includes(p.year)).map((p) => p.id));
        if (years.size > 0) return contentRanking(library, hits.filter((h) => years.has(h.id)), intent, query, k).map((r) => ({ ...r, matchedBy: 'year' }));
      }
      return contentRanking(library, hits, intent, query, k);
    },
  };
}
