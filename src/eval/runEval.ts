import type { Assistant } from '../answer/Assistant.js';
import type { Answer } from '../answer/types.js';
import { isFootnoteError, userMessage } from '../errors/index.js';
import type { RetrievalMode } from '../retrieval/types.js';
import { summarise, type EvalResult, type EvalSummary } from './evalMetrics.js';
import type { EvalQuestion } from './loadQuestions.js';

export interface EvalOptions {
  /** Papers retrieved per question (the Assistant's default when unset). */
  k?: number;
  mode?: RetrievalMode;
  /** Called after each question, for progress output. */
  onProgress?: (done: number, total: number) => void;
}

export interface EvalReport {
  summary: EvalSummary;
  results: EvalResult[];
}

type Scored = Pick<Answer, 'passages' | 'citations' | 'abstained' | 'text'>;

/** A question the Assistant refuses as input (empty, only mentions) counts as an abstention. */
async function askOrDecline(assistant: Assistant, question: string, options: EvalOptions): Promise<Scored> {
  try {
    return await assistant.ask(question, { k: options.k, mode: options.mode });
  } catch (error) {
    if (!isFootnoteError(error) || !error.code.startsWith('input:')) throw error;
    return { passages: [], citations: [], abstained: true, text: userMessage(error) };
  }
}

/**
 * Asks the Assistant every question, one at a time (as a user would), and scores the answers:
 * `ranked` is the answer's passages, `cited` its citations. The `eval --json` contract.
 */
export async function runEval(assistant: Assistant, questions: readonly EvalQuestion[], options: EvalOptions = {}): Promise<EvalReport> {
  const results: EvalResult[] = [];
  for (const q of questions) {
    const answer = await askOrDecline(assistant, q.question, options);
    results.push({
      question: q.question,
      expected: q.expected,
      ranked: answer.passages.map((p) => p.paper.id),
      cited: answer.citations.map((c) => c.id),
      abstained: answer.abstained,
      answer: answer.text,
    });
    options.onProgress?.(results.length, questions.length);
  }
  return { summary: summarise(results), results };
}
