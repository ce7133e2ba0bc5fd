import { ChatOpenAICompletions } from '@langchain/openai';
import { createLogger } from '../../../src/logging/logger.js';
import { CircuitBreaker } from '../../../src/answer/llm/CircuitBreaker.js';
import { LlmAnswerer, type LlmAnswererOptions } from '../../../src/answer/llm/LlmAnswerer.js';
import { loadPrompts } from '../../../src/answer/llm/loadPrompts.js';
import type { AnswerDraft, Answerer } from '../../../src/answer/types.js';
import type { RankedPaper } from '../../../src/retrieval/types.js';
import type { OpenAiSim } from './OpenAiSim.js';

/**
 * Stands in for the extractive answerer where a test only needs to see that the fallback was
 * taken: it answers from the top passage's first sentence and counts its calls.
 */
export class CountingFallback implements Answerer {
  readonly name = 'extractive';
  calls = 0;
  async answer(_question: string, passages: RankedPaper[]): Promise<AnswerDraft> {
    this.calls++;
    const paper = passages[0]?.paper;
    if (!paper) return { text: "The indexed papers don't cover this.", citations: [], abstained: true, suggestions: [], answeredBy: 'extractive' };
    const quote = paper.abstract.split(/(?<=\.)\s/)[0] ?? paper.abstract;
    const { id, title, titleDerived, authors, year, url } = paper;
    return { text: `${quote} [1]`, citations: [{ n: 1, id, title, titleDerived, authors, year, url, quote }], abstained: false, suggestions: [], answeredBy: 'extractive' };
  }
}

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public ms = 1_000_000) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface SimAnswerer {
  answerer: LlmAnswerer;
  fallback: CountingFallback;
  breaker: CircuitBreaker;
  clock: ManualClock;
}

/** An LlmAnswerer over the real ChatOpenAI client talking to the simulator, with fast retries. */
export function answererOverSim(sim: OpenAiSim, options: Partial<LlmAnswererOptions> = {}): SimAnswerer {
  const clock = new ManualClock();
  const fallback = new CountingFallback();
  const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 30_000, now: clock.now });
  const model = new ChatOpenAICompletions({ model: 'sim-model', apiKey: 'test-key', configuration: { baseURL: sim.baseUrl }, maxRetries: 0 });
  const answerer = new LlmAnswerer(
    { model, prompts: loadPrompts(), fallback, logger: createLogger({ level: 'silent' }), breaker },
    { modelName: 'sim-model', timeoutMs: 5_000, retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 50 }, ...options },
  );
  return { answerer, fallback, breaker, clock };
}
