import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from '../../config/index.js';
import type { Logger } from '../../logging/logger.js';
import type { PaperSummarizer } from '../PaperSummarizer.js';
import { foldHistoryCondenser, type QueryCondenser } from '../QueryCondenser.js';
import type { Answerer } from '../types.js';
import { CircuitBreaker, DEFAULT_CIRCUIT } from './CircuitBreaker.js';
import { createChatModel, modelNameFor } from './createChatModel.js';
import { LlmAnswerer, type LlmAnswererOptions } from './LlmAnswerer.js';
import { LlmPaperSummarizer } from './LlmPaperSummarizer.js';
import { LlmQueryCondenser, MAX_CONDENSE_MS } from './LlmQueryCondenser.js';
import { loadPrompts, type Prompts } from './loadPrompts.js';

export interface LlmAnswererDepsInput {
  /** The extractive answerer: returned as is when no LLM is configured, the fallback otherwise. */
  extractive: Answerer;
  logger: Logger;
  /** Milliseconds since an epoch; drives the circuit breaker's cool-down. */
  now?: () => number;
  prompts?: Prompts;
  /** A ready model (tests); otherwise built from the config. */
  model?: BaseChatModel;
  options?: Partial<LlmAnswererOptions>;
}

/** What the configured model does for the Assistant; each part falls back to its offline path. */
export interface LlmServices {
  answerer: Answerer;
  /** Follow-ups → standalone retrieval queries. */
  condenser: QueryCondenser;
  /** Absent without an LLM: summaries stay extractive. */
  summarizer?: PaperSummarizer;
}

/**
 * The Assistant's model-backed parts over one model, one set of prompts and one circuit (one
 * provider, one view of whether it is failing). With `LLM_PROVIDER=none`: the extractive
 * answerer, history folding and no summarizer. Prompts are loaded and validated here, so a
 * broken prompt file stops the start.
 */
export async function createLlmServices(config: Config['llm'], deps: LlmAnswererDepsInput): Promise<LlmServices> {
  if (config.provider === 'none') return { answerer: deps.extractive, condenser: foldHistoryCondenser };
  const modelName = modelNameFor(config);
  const logger = deps.logger.child({ component: 'llm', provider: config.provider });
  logger.info({ model: modelName }, 'LLM answers enabled');
  const prompts = deps.prompts ?? loadPrompts();
  const guarded = {
    model: deps.model ?? (await createChatModel(config)),
    breaker: new CircuitBreaker({ ...DEFAULT_CIRCUIT, now: deps.now ?? Date.now }),
    logger,
  };
  const timeoutMs = deps.options?.timeoutMs ?? config.timeoutMs;
  return {
    answerer: new LlmAnswerer({ ...guarded, prompts, fallback: deps.extractive }, { modelName, timeoutMs: config.timeoutMs, ...deps.options }),
    condenser: new LlmQueryCondenser(
      { ...guarded, prompt: prompts.condenseFollowUp, fallback: foldHistoryCondenser },
      { modelName, timeoutMs: Math.min(timeoutMs, MAX_CONDENSE_MS) },
    ),
    summarizer: new LlmPaperSummarizer({ ...guarded, prompt: prompts.highlightSummary }, { modelName, timeoutMs, retry: deps.options?.retry, thresholds: deps.options?.thresholds }),
  };
}

/** The answerer alone (see {@link createLlmServices}). */
export async function createLlmAnswerer(config: Config['llm'], deps: LlmAnswererDepsInput): Promise<Answerer> {
  return (await createLlmServices(config, deps)).answerer;
}
