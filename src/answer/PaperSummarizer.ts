import type { Paper } from '../corpus/Paper.js';
import type { PaperSummary } from './Assistant.js';

/**
 * Writes a paper's summary some other way than the extractive one (an LLM). It is handed the
 * extractive summary and returns it whenever its own cannot be had or trusted.
 */
export interface PaperSummarizer {
  summarize(paper: Paper, extractive: PaperSummary, signal?: AbortSignal): Promise<PaperSummary>;
}
