import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLlmAnswerer } from '../../../src/answer/llm/createLlmAnswerer.js';
import { loadConfig } from '../../../src/config/index.js';
import { createEmbeddings } from '../../../src/embeddings/createEmbeddings.js';
import { createLogger } from '../../../src/logging/logger.js';
import { CountingFallback } from '../../support/openai-sim/llmHarness.js';
import { startOpenAiSim, type OpenAiSim } from '../../support/openai-sim/OpenAiSim.js';
import { FAST_FORWARD, rankedSeeds } from '../../support/openai-sim/seedPapers.js';

const logger = createLogger({ level: 'silent' });
let sim: OpenAiSim;
beforeEach(async () => {
  sim = await startOpenAiSim({ embedFallback: { kind: 'vectors', dimension: 6 } });
});
afterEach(async () => {
  await sim.close();
});

function ollamaAnswerer(timeoutMs = 5000) {
  const config = loadConfig({ LLM_PROVIDER: 'ollama', LLM_MODEL: 'llama-sim', OLLAMA_BASE_URL: sim.origin, LLM_TIMEOUT_MS: String(timeoutMs) }).llm;
  const fallback = new CountingFallback();
  return { fallback, answerer: createLlmAnswerer(config, { extractive: fallback, logger, options: { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } } }) };
}

describe('Ollama provider against the simulator', () => {
  it('GIVEN LLM_PROVIDER=ollama and a grounded answer WHEN asked THEN ChatOllama streams it and it is verified', async () => {
    sim.chat.push({ kind: 'reply', content: 'Fast Forward provides up to an 87% reduction in FLOPs over standard SGD with Adam [1].' });
    const partials: string[] = [];
    const draft = await (await ollamaAnswerer().answerer).answer('How much does Fast Forward save?', rankedSeeds(FAST_FORWARD), { onPartial: (t) => partials.push(t) });
    expect(draft).toMatchObject({ answeredBy: 'llama-sim', abstained: false });
    expect(draft.citations.map((c) => c.id)).toEqual([FAST_FORWARD]);
    expect(sim.requests.map((r) => r.path)).toEqual(['/api/chat']);
    expect(partials.length).toBeGreaterThan(3);
  });

  it('GIVEN an Ollama stream that stalls WHEN the deadline passes THEN the extractive answer is sent', async () => {
    sim.chat.push({ kind: 'stall', after: 'Fast Forward' });
    const { answerer, fallback } = ollamaAnswerer(600);
    expect((await (await answerer).answer('How much does Fast Forward save?', rankedSeeds(FAST_FORWARD))).answeredBy).toBe('extractive');
    expect(fallback.calls).toBe(1);
  });

  it('GIVEN Ollama answering 503 then succeeding WHEN asked THEN it is retried', async () => {
    sim.chat.push({ kind: 'status', status: 503 }, { kind: 'reply', content: 'Fast Forward provides up to an 81% reduction in train time [1].' });
    const draft = await (await ollamaAnswerer().answerer).answer('How much time does Fast Forward save?', rankedSeeds(FAST_FORWARD));
    expect(draft.answeredBy).toBe('llama-sim');
    expect(sim.requestsTo('/api/chat')).toHaveLength(2);
  });

  it('GIVEN EMBEDDINGS=ollama WHEN made ready and used THEN /api/embed is called and the dimension learned', async () => {
    const embeddings = createEmbeddings(loadConfig({ EMBEDDINGS: 'ollama', EMBEDDINGS_MODEL: 'embed-sim', EMBEDDINGS_BASE_URL: sim.origin }).embeddings);
    expect(await embeddings.ready?.()).toEqual({ name: 'ollama:embed-sim', version: '1', dimension: 6 });
    expect(await embeddings.embedDocuments(['a', 'b', 'c'])).toHaveLength(3);
    expect(sim.requestsTo('/api/embed')).toHaveLength(2);
  });
});
