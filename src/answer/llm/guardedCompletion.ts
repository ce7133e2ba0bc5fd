import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import { withRetries, sleep, type RetryPolicy, type Sleep } from '../../embeddings/remote/retry.js';
import { FootnoteError } from '../../errors/index.js';
import type { CircuitBreaker } from './CircuitBreaker.js';
import { streamCompletion } from './streamCompletion.js';

export interface GuardedModel {
  model: BaseChatModel;
  /** Shared with the answerer: one provider, one view of whether it is failing. */
  breaker: CircuitBreaker;
  sleep?: Sleep;
}

export interface GuardOptions {
  /** Our deadline for the whole call, retries included. */
  timeoutMs: number;
  /** Default: a single attempt (a side call that has a fallback should not wait on backoffs). */
  retry?: RetryPolicy;
  signal?: AbortSignal;
}

const ONE_ATTEMPT: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

/**
 * One completion for a side task (condensing a follow-up, summarising a paper) under the shared
 * circuit and our own deadline. Throws `llm:unavailable` while the circuit is open and
 * `llm:timeout` at the deadline; the caller falls back to its offline path.
 */
export async function guardedCompletion(deps: GuardedModel, messages: BaseMessage[], options: GuardOptions): Promise<string> {
  if (!deps.breaker.allow()) throw new FootnoteError('llm:unavailable', 'the circuit is open');
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  try {
    const { value } = await withRetries(() => streamCompletion(deps.model, messages, signal), options.retry ?? ONE_ATTEMPT, signal, deps.sleep ?? sleep);
    deps.breaker.succeed();
    return value;
  } catch (error) {
    if (options.signal?.aborted) {
      deps.breaker.release();
      throw error;
    }
    deps.breaker.fail();
    if (deadline.aborted) throw new FootnoteError('llm:timeout', `no reply within ${options.timeoutMs} ms`, { timeoutMs: options.timeoutMs }, { cause: error });
    throw error;
  }
}
