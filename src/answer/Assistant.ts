import type { Paper } from '../corpus/Paper.js';
import type { RankedPaper } from '../retrieval/types.js';
import type { Answer, AskOptions } from './types.js';

/** A short, grounded summary of one paper (paper cards, highlights). */
export interface PaperSummary {
  /** Two or three sentences taken from the abstract, attributed. */
  text: string;
  /** The sentence carrying the key finding. */
  keyFinding: string;
  /** `extractive`, or the model that wrote `text` (set by `summarizeAsync`). */
  summarizedBy?: string;
}

/**
 * The one service every edge talks to: the Discord bot, the CLI and the tests.
 * It knows nothing of Discord or terminals.
 */
export interface Assistant {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  search(query: string, options?: { k?: number }): Promise<RankedPaper[]>;
  /** Papers whose title, authors or id match a prefix or words (autocomplete). */
  suggestPapers(query: string, limit?: number): Paper[];
  getPaper(id: string): Paper | undefined;
  similar(id: string, k?: number): Promise<RankedPaper[]>;
  listPapers(offset: number, limit: number): { total: number; papers: Paper[] };
  /** The extractive summary: synchronous, offline, always available. */
  summarize(paper: Paper): PaperSummary;
  /**
   * The summary written by the configured LLM and checked against the abstract, or the
   * extractive one when no LLM is configured or its summary cannot be trusted.
   */
  summarizeAsync?(paper: Paper, signal?: AbortSignal): Promise<PaperSummary>;
  stats(): { papers: number };
  /** Computes what answering needs from the corpus now (after an ingest), so the next start finds it saved. */
  prepare?(): void;
}
