import type { PaperSummary } from '../answer/Assistant.js';
import type { Paper } from '../corpus/Paper.js';
import type { Library } from '../store/Library.js';
import type { HighlightPost } from './types.js';

export interface ModelSummaryDeps {
  library: Pick<Library, 'getMany'>;
  /** The Assistant's `summarizeAsync`: an LLM summary checked against the abstract, or the extractive one. */
  summarizeAsync?(paper: Paper): Promise<PaperSummary>;
}

/**
 * A built post with each entry's summary rewritten by `summarizeAsync` (one paper at a time: a
 * daily post is a handful of papers and the provider may be rate-limited). The key-finding quote
 * stays the abstract's own sentence. Without `summarizeAsync` the post is returned unchanged.
 */
export async function withModelSummaries(post: HighlightPost, deps: ModelSummaryDeps): Promise<HighlightPost> {
  if (!deps.summarizeAsync || post.entries.length === 0) return post;
  const papers = new Map(deps.library.getMany(post.entries.map((e) => e.id)).map((p) => [p.id, p]));
  const entries = [];
  for (const entry of post.entries) {
    const paper = papers.get(entry.id);
    entries.push(paper ? { ...entry, summary: (await deps.summarizeAsync(paper)).text || entry.summary } : entry);
  }
  return { ...post, entries };
}
