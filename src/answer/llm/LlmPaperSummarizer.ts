import type { ChatPromptTemplate } from '@langchain/core/prompts';
import type { Paper } from '../../corpus/Paper.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../../embeddings/remote/retry.js';
import type { Logger } from '../../logging/logger.js';
import type { PaperSummary } from '../Assistant.js';
import type { PaperSummarizer } from '../PaperSummarizer.js';
import { DEFAULT_THRESHOLDS, type SupportThresholds } from './grounding/checkSupport.js';
import { guardedCompletion, type GuardedModel } from './guardedCompletion.js';
import { neutraliseSourceText } from './sanitize.js';
import { verifySummary } from './verifySummary.js';

export interface LlmPaperSummarizerDeps extends GuardedModel {
  /** The highlight summary prompt (variables `title`, `authors`, `year`, `abstract`). */
  prompt: ChatPromptTemplate;
  logger: Logger;
}

export interface LlmPaperSummarizerOptions {
  modelName: string;
  timeoutMs: number;
  retry?: RetryPolicy;
  thresholds?: SupportThresholds;
  /** Fewer supported sentences than this and the extractive summary is used (default 2). */
  minSentences?: number;
}

/**
 * A paper's summary written by the chat model from its abstract alone, each sentence checked
 * against that abstract by the answers' grounding check; unsupported sentences are dropped, and
 * the extractive summary is returned when fewer than two survive or the call fails.
 */
export class LlmPaperSummarizer implements PaperSummarizer {
  constructor(private readonly deps: LlmPaperSummarizerDeps, private readonly options: LlmPaperSummarizerOptions) {}

  async summarize(paper: Paper, extractive: PaperSummary, signal?: AbortSignal): Promise<PaperSummary> {
    const log = { model: this.options.modelName, paperId: paper.id };
    const fallback = { ...extractive, summarizedBy: 'extractive' };
    try {
      const messages = await this.deps.prompt.formatMessages({
        title: paper.titleDerived ? '(untitled; no title is known)' : neutraliseSourceText(paper.title),
        authors: paper.authors.length ? neutraliseSourceText(paper.authors.join(', ')) : 'unknown',
        year: paper.year === null ? 'unknown' : String(paper.year),
        abstract: neutraliseSourceText(paper.abstract),
      });
      const raw = await guardedCompletion(this.deps, messages, { timeoutMs: this.options.timeoutMs, retry: this.options.retry ?? DEFAULT_RETRY, signal });
      const verified = verifySummary(raw, paper, this.options.thresholds ?? DEFAULT_THRESHOLDS);
      const enough = verified.kept.length >= (this.options.minSentences ?? 2);
      this.deps.logger.info({ ...log, kept: verified.kept.length, total: verified.total, dropped: verified.dropped, used: enough }, 'llm summary verified');
      if (!enough) return fallback;
      return { text: verified.kept.join(' '), keyFinding: extractive.keyFinding, summarizedBy: this.options.modelName };
    } catch (error) {
      if (signal?.aborted) throw error;
      const e = error as { code?: string; name?: string };
      this.deps.logger.warn({ ...log, code: e.code ?? e.name, circuit: this.deps.breaker.state }, 'llm summary failed; extractive summary used');
      return fallback;
    }
  }
}
