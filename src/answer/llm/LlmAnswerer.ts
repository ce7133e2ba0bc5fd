import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { FootnoteError } from '../../errors/index.js';
import type { Logger } from '../../logging/logger.js';
import type { RankedPaper } from '../../retrieval/types.js';
import { abstain, NOT_COVERED } from '../abstention.js';
import type { AnswerDraft, Answerer, AskOptions } from '../types.js';
import { CircuitBreaker } from './CircuitBreaker.js';
import { formatQuestion, formatSources } from './formatPrompt.js';
import { buildSourceEvidence } from './grounding/SourceEvidence.js';
import { DEFAULT_THRESHOLDS, type SupportThresholds } from './grounding/checkSupport.js';
import { verifyAnswer, type VerifiedAnswer } from './grounding/verifyAnswer.js';
import type { Prompts } from './loadPrompts.js';
import { DEFAULT_RETRY, sleep, statusOf, withRetries, type RetryPolicy, type Sleep } from '../../embeddings/remote/retry.js';
import { stripMentions } from './sanitize.js';
import { streamCompletion } from './streamCompletion.js';

export interface LlmAnswererOptions {
  /** Shown as `answeredBy`: the model that wrote the answer. */
  modelName: string;
  /** Our own deadline for the whole call, retries and stream included. */
  timeoutMs: number;
  retry?: RetryPolicy;
  /** How many ranked papers become numbered sources (default 5). */
  maxSources?: number;
  thresholds?: SupportThresholds;
  /** Below this share of sentences kept, the extractive answer is sent instead (default 0.5). */
  minKeptShare?: number;
  notCovered?: string;
}

export interface LlmAnswererDeps {
  model: BaseChatModel;
  prompts: Prompts;
  /** The extractive answerer: the answer whenever the model's cannot be trusted or had. */
  fallback: Answerer;
  logger: Logger;
  breaker: CircuitBreaker;
  sleep?: Sleep;
}

/**
 * Answers with a chat model, then verifies every sentence against the abstract it cites before
 * anyone sees it. Provider failures, timeouts, an open circuit and answers that lose too much
 * in the check all end in the extractive answer.
 */
export class LlmAnswerer implements Answerer {
  readonly name: string;
  private readonly notCovered: string;

  constructor(private readonly deps: LlmAnswererDeps, private readonly options: LlmAnswererOptions) {
    this.name = `llm:${options.modelName}`;
    this.notCovered = options.notCovered ?? NOT_COVERED;
  }

  async answer(question: string, passages: RankedPaper[], options: AskOptions = {}): Promise<AnswerDraft> {
    const sources = passages.slice(0, this.options.maxSources ?? 5);
    if (sources.length === 0) return this.fallback(question, passages, options, 'no_sources');
    if (!this.deps.breaker.allow()) return this.fallback(question, passages, options, 'circuit_open');
    let raw: string;
    try {
      raw = await this.complete(question, sources, options);
      this.deps.breaker.succeed();
    } catch (error) {
      if (options.signal?.aborted) {
        this.deps.breaker.release();
        throw error;
      }
      this.deps.breaker.fail();
      const e = error as { attempts?: number };
      this.deps.logger.warn({ model: this.options.modelName, code: codeOf(error), status: statusOf(error), attempts: e.attempts, circuit: this.deps.breaker.state }, 'llm call failed; extractive answer sent');
      return this.fallback(question, passages, options, 'provider_failed');
    }
    const evidence = sources.map((p, i) => buildSourceEvidence(i + 1, p.paper));
    const verified = verifyAnswer(raw, evidence, { notCovered: this.notCovered, question, thresholds: this.options.thresholds ?? DEFAULT_THRESHOLDS });
    this.logVerdict(verified);
    if (verified.abstained) return { ...abstain(sources, { related: true, answeredBy: this.options.modelName }), text: this.notCovered };
    if (verified.kept < 1 || verified.kept / verified.total < (this.options.minKeptShare ?? 0.5)) {
      return this.fallback(question, passages, options, 'too_little_supported');
    }
    return { text: verified.text, citations: verified.citations, abstained: false, suggestions: [], answeredBy: this.options.modelName };
  }

  private async complete(question: string, sources: RankedPaper[], options: AskOptions): Promise<string> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
    const messages = await this.deps.prompts.answer.formatMessages({
      sources: formatSources(sources),
      question: formatQuestion(question),
      not_covered: this.notCovered,
    });
    const onText = options.onPartial && partialsFor(options.onPartial, sources.length);
    try {
      const { value } = await withRetries(() => streamCompletion(this.deps.model, messages, signal, onText), this.options.retry ?? DEFAULT_RETRY, signal, this.deps.sleep ?? sleep);
      return value;
    } catch (error) {
      if (deadline.aborted && !options.signal?.aborted) {
        throw new FootnoteError('llm:timeout', `no complete answer within ${this.options.timeoutMs} ms`, { timeoutMs: this.options.timeoutMs }, { cause: error });
      }
      throw error;
    }
  }

  private async fallback(question: string, passages: RankedPaper[], options: AskOptions, reason: string): Promise<AnswerDraft> {
    this.deps.logger.info({ model: this.options.modelName, reason }, 'extractive fallback');
    return this.deps.fallback.answer(question, passages, { ...options, onPartial: undefined });
  }

  private logVerdict(v: VerifiedAnswer): void {
    const dropped: Record<string, number> = {};
    for (const verdict of v.verdicts) if (!verdict.kept && verdict.reason) dropped[verdict.reason] = (dropped[verdict.reason] ?? 0) + 1;
    this.deps.logger.info({ model: this.options.modelName, kept: v.kept, total: v.total, dropped, abstained: v.abstained }, 'llm answer verified');
  }
}

/**
 * Partials shown while streaming (unverified; the final answer replaces them): no mentions, no
 * marker naming a source not given, and markers already numbered in order of first use, as the
 * final Sources list will be.
 */
function partialsFor(onPartial: (text: string) => void, sourceCount: number): (text: string) => void {
  return (text) => {
    const order: number[] = [];
    const renumbered = stripMentions(text).replace(/\[(\d+)\]/g, (_m, digits: string) => {
      const n = Number(digits);
      if (n < 1 || n > sourceCount) return '';
      if (!order.includes(n)) order.push(n);
      return `[${order.indexOf(n) + 1}]`;
    });
    onPartial(renumbered);
  };
}

function codeOf(error: unknown): string {
  if (error instanceof FootnoteError) return error.code;
  const status = statusOf(error);
  return status === undefined ? (error as Error)?.name ?? 'unknown' : `http_${status}`;
}
