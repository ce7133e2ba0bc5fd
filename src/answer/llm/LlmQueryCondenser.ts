import type { ChatPromptTemplate } from '@langchain/core/prompts';
import type { Logger } from '../../logging/logger.js';
import type { QueryCondenser } from '../QueryCondenser.js';
import type { Turn } from '../types.js';
import { formatQuestion } from './formatPrompt.js';
import { guardedCompletion, type GuardedModel } from './guardedCompletion.js';
import { checkCondensedQuery, cleanCondensedQuery } from './condensedQuery.js';
import { stripMentions } from './sanitize.js';

/** Follow-ups rarely need more than the last few turns, and the prompt stays small. */
const HISTORY_TURNS = 4;
const MAX_ANSWER_CHARS = 600;
/** A condensation is a side call before retrieval: it must not hold the answer up for long. */
export const MAX_CONDENSE_MS = 5_000;

export interface LlmQueryCondenserDeps extends GuardedModel {
  /** The follow-up condensation prompt (variables `history`, `question`). */
  prompt: ChatPromptTemplate;
  /** Used whenever the model's rewrite cannot be had or trusted. */
  fallback: QueryCondenser;
  logger: Logger;
}

export interface LlmQueryCondenserOptions {
  modelName: string;
  timeoutMs: number;
}

/**
 * Rewrites a follow-up into a standalone retrieval query with the chat model. The rewrite may
 * only use the conversation's own words for names and numbers (so text in a question cannot
 * steer retrieval to a paper nobody mentioned); on any failure, timeout, open circuit or
 * rejected rewrite the fallback (history folding) decides.
 */
export class LlmQueryCondenser implements QueryCondenser {
  readonly name: string;

  constructor(private readonly deps: LlmQueryCondenserDeps, private readonly options: LlmQueryCondenserOptions) {
    this.name = `llm:${options.modelName}`;
  }

  async condense(question: string, history: readonly Turn[] | undefined, signal?: AbortSignal): Promise<string> {
    if (!history?.length) return question;
    const turns = history.slice(-HISTORY_TURNS);
    const log = { model: this.options.modelName, turns: turns.length };
    try {
      const messages = await this.deps.prompt.formatMessages({ history: formatHistory(turns), question: formatQuestion(question) });
      const raw = await guardedCompletion(this.deps, messages, { timeoutMs: this.options.timeoutMs, signal });
      const query = cleanCondensedQuery(raw);
      const problem = checkCondensedQuery(query, [question, ...turns.flatMap((t) => [t.question, t.answer])]);
      if (!problem) {
        this.deps.logger.info(log, 'follow-up condensed');
        return query;
      }
      this.deps.logger.info({ ...log, reason: problem }, 'condensed query rejected; history folded instead');
    } catch (error) {
      if (signal?.aborted) throw error;
      const e = error as { code?: string; name?: string };
      this.deps.logger.warn({ ...log, code: e.code ?? e.name, circuit: this.deps.breaker.state }, 'condensation failed; history folded instead');
    }
    return this.deps.fallback.condense(question, history, signal);
  }
}

/** Earlier turns as data: no mentions, no citation markers, long answers cut. */
function formatHistory(turns: readonly Turn[]): string {
  const clean = (text: string, max: number) =>
    stripMentions(text).replace(/\[[^\]\n]{0,20}\]/g, '').replace(/\s+/g, ' ').trim().slice(0, max);
  return turns.map((t) => `User: ${clean(t.question, 1000)}\nFootnote: ${clean(t.answer, MAX_ANSWER_CHARS)}`).join('\n\n');
}
