import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from '../../config/index.js';
import type { Logger } from '../../logging/logger.js';
import type { Answerer } from '../types.js';
import { CircuitBreaker, DEFAULT_CIRCUIT } from './CircuitBreaker.js';
import { createChatModel, modelNameFor } from './createChatModel.js';
import { LlmAnswerer, type LlmAnswererOptions } from './LlmAnswerer.js';
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

/**
 * The answerer the Assistant uses: the extractive one when `LLM_PROVIDER=none`, otherwise an
 * LlmAnswerer over the configured model with the extractive one as its fallback. Prompts are
 * loaded and validated here, so a broken prompt file stops the start.
 */
export async function createLlmAnswerer(config: Config['llm'], deps: LlmAnswererDepsInput): Promise<Answerer> {
  if (config.provider === 'none') return deps.extractive;
  const modelName = modelNameFor(config);
  const logger = deps.logger.child({ component: 'llm', provider: config.provider });
  logger.info({ model: modelName }, 'LLM answers enabled');
  return new LlmAnswerer(
    {
      model: deps.model ?? (await createChatModel(config)),
      prompts: deps.prompts ?? loadPrompts(),
      fallback: deps.extractive,
      logger,
      breaker: new CircuitBreaker({ ...DEFAULT_CIRCUIT, now: deps.now ?? Date.now }),
    },
    { modelName, timeoutMs: config.timeoutMs, ...deps.options },
  );
}
