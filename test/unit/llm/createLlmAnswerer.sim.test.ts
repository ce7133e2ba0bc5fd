import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatModel } from '../../../src/answer/llm/createChatModel.js';
import { createLlmAnswerer } from '../../../src/answer/llm/createLlmAnswerer.js';
import { loadConfig } from '../../../src/config/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import { CountingFallback } from '../../support/openai-sim/llmHarness.js';
import { startOpenAiSim, type OpenAiSim } from '../../support/openai-sim/OpenAiSim.js';
import { FAST_FORWARD, rankedSeeds } from '../../support/openai-sim/seedPapers.js';

const logger = createLogger({ level: 'silent' });
let sim: OpenAiSim;
let savedApiBase: string | undefined;
beforeEach(async () => {
  sim = await startOpenAiSim();
  savedApiBase = process.env.OPENAI_API_BASE;
});
afterEach(async () => {
  await sim.close();
  if (savedApiBase === undefined) delete process.env.OPENAI_API_BASE;
  else process.env.OPENAI_API_BASE = savedApiBase;
});

describe('createLlmAnswerer and createChatModel', () => {
  it('GIVEN LLM_PROVIDER=none WHEN created THEN the extractive answerer itself is returned', async () => {
    const extractive = new CountingFallback();
    expect(await createLlmAnswerer(loadConfig({}).llm, { extractive, logger })).toBe(extractive);
  });

  it('GIVEN openai without a key or base URL, or anthropic without a key WHEN created THEN config:invalid names the missing key', async () => {
    await expect(createChatModel(loadConfig({ LLM_PROVIDER: 'openai' }).llm)).rejects.toThrow(/OPENAI_API_KEY/);
    await expect(createChatModel(loadConfig({ LLM_PROVIDER: 'anthropic' }).llm)).rejects.toThrow(/ANTHROPIC_API_KEY/);
  });

  it('GIVEN OPENAI_BASE_URL and OPENAI_API_BASE pointing elsewhere WHEN answering THEN the configured server is used over Chat Completions', async () => {
    process.env.OPENAI_API_BASE = 'http://127.0.0.1:9/v1';
    // A name that would select the Responses API in ChatOpenAI; compatible servers only speak Chat Completions.
    const config = loadConfig({ LLM_PROVIDER: 'openai', LLM_MODEL: 'gpt-5.2-pro', OPENAI_BASE_URL: sim.baseUrl }).llm;
    sim.chat.push({ kind: 'reply', content: 'Fast Forward provides up to an 87% reduction in FLOPs [1].' });
    const answerer = await createLlmAnswerer(config, { extractive: new CountingFallback(), logger });
    const draft = await answerer.answer('How much compute does Fast Forward save?', rankedSeeds(FAST_FORWARD));
    expect(draft.answeredBy).toBe('gpt-5.2-pro');
    expect(sim.requests.map((r) => r.path)).toEqual(['/v1/chat/completions']);
    expect(sim.requests[0]?.headers.authorization).toBe('Bearer not-needed');
  });
});
