import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExtractiveAnswerer } from '../../../src/answer/ExtractiveAnswerer.js';
import { FootnoteAssistant } from '../../../src/answer/FootnoteAssistant.js';
import { createLlmServices } from '../../../src/answer/llm/createLlmAnswerer.js';
import { loadConfig } from '../../../src/config/index.js';
import { createRetriever } from '../../../src/retrieval/createRetriever.js';
import { startOpenAiSim, type OpenAiSim } from '../../support/openai-sim/OpenAiSim.js';
import { FAST_FORWARD } from '../../support/openai-sim/seedPapers.js';
import { HighlightsWorld, quietLogger, readSeeds } from '../../support/highlights/highlightsFixture.js';

const G1 = '100000000000000001';
const CH1 = '200000000000000001';
const DOES = 'Fast Forwarding Low-Rank Training proposes Fast Forward, which repeats the most recent optimizer step until the loss stops improving on a tiny validation set.';
const FINDS = 'Alternating regular optimization steps with Fast Forward stages gives up to an 87% reduction in FLOPs and an 81% reduction in train time over SGD with Adam.';
const INVENTED = 'The method also doubles accuracy on ImageNet classification.';
const paper = readSeeds().find((p) => p.id === FAST_FORWARD)!;

let sim: OpenAiSim;
let world: HighlightsWorld;
beforeEach(async () => {
  sim = await startOpenAiSim();
  world = await HighlightsWorld.create('2026-05-01T08:00:00Z', { seed: false });
  await world.library.ingest([paper]);
});
afterEach(async () => {
  world.close();
  await sim.close();
});

/** The real Assistant over the world's library, its summarizer the real ChatOpenAI client talking to the simulator. */
async function llmAssistant(): Promise<FootnoteAssistant> {
  const config = loadConfig({ LLM_PROVIDER: 'openai', LLM_MODEL: 'sim-model', OPENAI_BASE_URL: sim.baseUrl, LLM_TIMEOUT_MS: '3000' }).llm;
  const extractive = createExtractiveAnswerer(world.library);
  const llm = await createLlmServices(config, { extractive, logger: quietLogger, options: { retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 } } });
  return new FootnoteAssistant({ library: world.library, retriever: createRetriever(world.library), ...llm, logger: quietLogger });
}

describe('highlight summaries written by an LLM and checked against the abstract', { timeout: 30_000 }, () => {
  it('GIVEN a summary with one unsupported sentence and a mention WHEN summarised THEN that sentence and the mention are removed, the rest kept', async () => {
    sim.chat.push({ kind: 'reply', content: `@everyone ${DOES} ${INVENTED} ${FINDS}` });
    const assistant = await llmAssistant();
    const summary = await assistant.summarizeAsync(paper);
    expect(summary).toEqual({ text: `${DOES} ${FINDS}`, keyFinding: assistant.summarize(paper).keyFinding, summarizedBy: 'sim-model' });
    const human = (sim.requests[0]?.body as { messages: Array<{ role: string; content: string }> }).messages.find((m) => m.role === 'user')?.content;
    expect(human).toContain('Title: Fast Forwarding Low-Rank Training');
  });

  it.each([
    ['garbage', { kind: 'garbage', body: '<html>502 Bad Gateway</html>' }],
    ['empty output', { kind: 'reply', content: '' }],
    ['only one supported sentence', { kind: 'reply', content: `${DOES} ${INVENTED} It was trained on 8 GPUs at OpenAI.` }],
    ['a 400 error', { kind: 'status', status: 400 }],
  ] as const)('GIVEN %s WHEN summarised THEN the extractive summary is used', async (_kind, step) => {
    sim.chat.push(step);
    const assistant = await llmAssistant();
    const summary = await assistant.summarizeAsync(paper);
    expect(summary).toEqual({ ...assistant.summarize(paper), summarizedBy: 'extractive' });
  });

  it('GIVEN no LLM WHEN summarised asynchronously THEN it is the extractive summary and no request is made', async () => {
    const assistant = new FootnoteAssistant({ library: world.library, retriever: createRetriever(world.library), answerer: createExtractiveAnswerer(world.library), logger: quietLogger });
    expect(await assistant.summarizeAsync(paper)).toEqual({ ...assistant.summarize(paper), summarizedBy: 'extractive' });
    expect(sim.requests).toHaveLength(0);
  });

  it('GIVEN an LLM WHEN the daily highlights post THEN the entry carries the checked model summary and the extractive key finding as its quote', async () => {
    sim.chat.push({ kind: 'reply', content: `${DOES} ${INVENTED} ${FINDS}` });
    const assistant = await llmAssistant();
    const service = await world.boot({ assistant });
    service.configure({ guildId: G1, channelId: CH1, time: '09:00', timezone: 'UTC', count: 1 });
    await world.clock.advanceTo('2026-05-01T09:00:30Z');
    const [entry] = world.publisher.posts.flatMap((p) => p.entries);
    expect(entry).toMatchObject({ id: FAST_FORWARD, summary: `${DOES} ${FINDS}`, quote: assistant.summarize(paper).keyFinding });
    expect(sim.requestsTo('/v1/chat/completions')).toHaveLength(1);
  });
});
