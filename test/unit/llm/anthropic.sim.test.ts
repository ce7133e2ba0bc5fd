import { ChatAnthropic } from '@langchain/anthropic';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLlmAnswerer } from '../../../src/answer/llm/createLlmAnswerer.js';
import { loadConfig } from '../../../src/config/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import { CountingFallback } from '../../support/openai-sim/llmHarness.js';
import { startOpenAiSim, type OpenAiSim } from '../../support/openai-sim/OpenAiSim.js';
import { FAST_FORWARD, rankedSeeds } from '../../support/openai-sim/seedPapers.js';

let sim: OpenAiSim;
beforeEach(async () => {
  sim = await startOpenAiSim();
});
afterEach(async () => {
  await sim.close();
});

/** The Anthropic answerer as createLlmAnswerer builds it, with the client pointed at the simulator. */
async function anthropicAnswerer(timeoutMs = 5000) {
  const config = loadConfig({ LLM_PROVIDER: 'anthropic', LLM_MODEL: 'claude-sim', ANTHROPIC_API_KEY: 'sk-ant-test', LLM_TIMEOUT_MS: String(timeoutMs) }).llm;
  const model = new ChatAnthropic({ model: 'claude-sim', apiKey: 'sk-ant-test', anthropicApiUrl: sim.origin, maxRetries: 0, maxTokens: 600 });
  const fallback = new CountingFallback();
  const answerer = await createLlmAnswerer(config, { extractive: fallback, logger: createLogger({ level: 'silent' }), model, options: { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } } });
  return { answerer, fallback };
}

describe('Anthropic provider against the simulator', () => {
  it('GIVEN a grounded streamed answer WHEN asked THEN it is verified and names the model', async () => {
    sim.chat.push({ kind: 'reply', content: 'Fast Forward provides up to an 87% reduction in FLOPs over standard SGD with Adam [1].' });
    const { answerer } = await anthropicAnswerer();
    const partials: string[] = [];
    const draft = await answerer.answer('How much does Fast Forward save?', rankedSeeds(FAST_FORWARD), { onPartial: (t) => partials.push(t) });
    expect(draft).toMatchObject({ answeredBy: 'claude-sim', abstained: false });
    expect(sim.requests.map((r) => r.path)).toEqual(['/v1/messages']);
    expect(sim.requests[0]?.headers['x-api-key']).toBe('sk-ant-test');
    expect(partials.length).toBeGreaterThan(3);
  });

  it('GIVEN an overloaded 529 then success WHEN asked THEN it is retried', async () => {
    sim.chat.push({ kind: 'status', status: 529 }, { kind: 'reply', content: 'Fast Forward provides up to an 81% reduction in train time [1].' });
    const { answerer } = await anthropicAnswerer();
    expect((await answerer.answer('How much time does Fast Forward save?', rankedSeeds(FAST_FORWARD))).answeredBy).toBe('claude-sim');
    expect(sim.requestsTo('/v1/messages')).toHaveLength(2);
  });

  it('GIVEN a stream that stalls WHEN the deadline passes THEN the extractive answer is sent', async () => {
    sim.chat.push({ kind: 'stall', after: 'Fast Forward' });
    const { answerer, fallback } = await anthropicAnswerer(600);
    expect((await answerer.answer('How much does Fast Forward save?', rankedSeeds(FAST_FORWARD))).answeredBy).toBe('extractive');
    expect(fallback.calls).toBe(1);
  });
});
