import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answererOverSim } from '../../support/openai-sim/llmHarness.js';
import { startOpenAiSim, type OpenAiSim } from '../../support/openai-sim/OpenAiSim.js';
import { FAST_FORWARD, MECHANISTIC, TRANSCENDENCE, rankedSeeds } from '../../support/openai-sim/seedPapers.js';

const QUESTION = 'How does Fast Forward speed up finetuning?';
const passages = rankedSeeds(MECHANISTIC, FAST_FORWARD, TRANSCENDENCE);
const GOOD =
  'Fast Forward repeats the most recent optimizer step until the loss stops improving on a tiny validation set [2]. ' +
  'Alternating regular steps with Fast Forward stages gives up to an 87% reduction in FLOPs over Adam [2].';
const CHAT = '/v1/chat/completions';

let sim: OpenAiSim;
beforeEach(async () => {
  sim = await startOpenAiSim();
});
afterEach(async () => {
  await sim.close();
});

describe('LlmAnswerer against the OpenAI-compatible simulator', () => {
  it('GIVEN a good grounded answer WHEN asked THEN it is returned renumbered, naming the model', async () => {
    sim.chat.push({ kind: 'reply', content: GOOD });
    const { answerer, fallback } = answererOverSim(sim);
    const draft = await answerer.answer(QUESTION, passages);
    expect(draft).toMatchObject({ abstained: false, answeredBy: 'sim-model' });
    expect(draft.text).toMatch(/validation set\. \[1\] .* Adam\. \[1\]$/);
    expect(draft.citations.map((c) => c.id)).toEqual([FAST_FORWARD]);
    expect(fallback.calls).toBe(0);
  });

  it('GIVEN a request WHEN sent THEN it streams over Chat Completions with the numbered sources and the question as data', async () => {
    sim.chat.push({ kind: 'reply', content: GOOD });
    const { answerer } = answererOverSim(sim);
    await answerer.answer(QUESTION, passages);
    const [request] = sim.requestsTo(CHAT);
    const body = request?.body as { stream: boolean; messages: Array<{ role: string; content: string }> };
    expect(body.stream).toBe(true);
    const human = body.messages.find((m) => m.role === 'user')?.content ?? '';
    expect(human).toContain('[2] Fast Forwarding Low-Rank Training');
    expect(human).toContain(`<question>${QUESTION}</question>`);
    expect(request?.headers.authorization).toBe('Bearer test-key');
  });

  it('GIVEN an answer citing a source that was not given WHEN checked THEN the extractive answer is sent', async () => {
    sim.chat.push({ kind: 'reply', content: 'Fast Forward provides up to an 87% reduction in FLOPs [7]. It was proposed in 2024 [9].' });
    const { answerer, fallback } = answererOverSim(sim);
    const draft = await answerer.answer(QUESTION, passages);
    expect(draft.answeredBy).toBe('extractive');
    expect(fallback.calls).toBe(1);
  });

  it('GIVEN one uncited sentence among three WHEN checked THEN only that sentence is removed', async () => {
    sim.chat.push({ kind: 'reply', content: `${GOOD} This will revolutionise all of machine learning.` });
    const { answerer } = answererOverSim(sim);
    const draft = await answerer.answer(QUESTION, passages);
    expect(draft.answeredBy).toBe('sim-model');
    expect(draft.text).not.toMatch(/revolutionise/);
  });

  it('GIVEN a sentence its cited source does not support WHEN checked THEN it is removed', async () => {
    sim.chat.push({ kind: 'reply', content: `${GOOD} Fast Forward also doubles accuracy on ImageNet classification [2].` });
    const { answerer } = answererOverSim(sim);
    const draft = await answerer.answer(QUESTION, passages);
    expect(draft.answeredBy).toBe('sim-model');
    expect(draft.text).not.toMatch(/ImageNet/);
  });

  it('GIVEN mostly unsupported sentences WHEN checked THEN the extractive answer is sent instead', async () => {
    sim.chat.push({ kind: 'reply', content: 'Fast Forward uses reinforcement learning [2]. It was built at OpenAI [2]. It needs 8 GPUs [2]. It repeats the most recent optimizer step until the loss stops improving [2].' });
    const { answerer, fallback } = answererOverSim(sim);
    expect((await answerer.answer(QUESTION, passages)).answeredBy).toBe('extractive');
    expect(fallback.calls).toBe(1);
  });

  it('GIVEN empty output or garbage WHEN asked THEN the extractive answer is sent', async () => {
    sim.chat.push({ kind: 'reply', content: '' }, { kind: 'garbage', body: '<html>502 Bad Gateway</html>' }, { kind: 'reply', content: '%%%% ]]] [[[ ;;;' });
    const { answerer, fallback } = answererOverSim(sim);
    for (let i = 0; i < 3; i++) expect((await answerer.answer(QUESTION, passages)).answeredBy).toBe('extractive');
    expect(fallback.calls).toBe(3);
  });

  it('GIVEN the model replies it is not covered WHEN asked THEN the answer abstains with no sources', async () => {
    sim.chat.push({ kind: 'reply', content: "The indexed papers don't cover this." });
    const { answerer } = answererOverSim(sim);
    const draft = await answerer.answer('What is the best pizza in Naples?', passages);
    expect(draft).toMatchObject({ abstained: true, citations: [], answeredBy: 'sim-model' });
  });

  it('GIVEN a stream that stalls after its headers WHEN the deadline passes THEN the extractive answer is sent', async () => {
    sim.chat.push({ kind: 'stall', after: 'Fast Forward repeats' });
    const { answerer, fallback } = answererOverSim(sim, { timeoutMs: 600 });
    const draft = await answerer.answer(QUESTION, passages);
    expect(draft.answeredBy).toBe('extractive');
    expect(fallback.calls).toBe(1);
    expect(sim.requestsTo(CHAT)).toHaveLength(1);
  });

  it('GIVEN a 429 without Retry-After WHEN asked THEN it retries and answers with the model', async () => {
    sim.chat.push({ kind: 'status', status: 429 }, { kind: 'reply', content: GOOD });
    const { answerer } = answererOverSim(sim);
    expect((await answerer.answer(QUESTION, passages)).answeredBy).toBe('sim-model');
    expect(sim.requestsTo(CHAT)).toHaveLength(2);
  });

  it('GIVEN a 400 WHEN asked THEN it is not retried and the extractive answer is sent', async () => {
    sim.chat.push({ kind: 'status', status: 400 });
    const { answerer } = answererOverSim(sim);
    expect((await answerer.answer(QUESTION, passages)).answeredBy).toBe('extractive');
    expect(sim.requestsTo(CHAT)).toHaveLength(1);
  });

  it('GIVEN 500s for a while WHEN asked repeatedly THEN the circuit opens, answers are extractive without calls, and a probe after the cool-down recovers', async () => {
    sim.chat.repeat({ kind: 'status', status: 500 }, 9).push({ kind: 'reply', content: GOOD });
    const { answerer, breaker, clock } = answererOverSim(sim);
    for (let i = 0; i < 3; i++) expect((await answerer.answer(QUESTION, passages)).answeredBy).toBe('extractive');
    expect(breaker.state).toBe('open');
    expect(sim.requestsTo(CHAT)).toHaveLength(9);
    expect((await answerer.answer(QUESTION, passages)).answeredBy).toBe('extractive');
    expect(sim.requestsTo(CHAT)).toHaveLength(9);
    clock.advance(30_000);
    expect((await answerer.answer(QUESTION, passages)).answeredBy).toBe('sim-model');
    expect(breaker.state).toBe('closed');
  });

  it('GIVEN onPartial WHEN the answer streams THEN growing partials arrive without mentions or foreign markers', async () => {
    sim.chat.push({ kind: 'reply', content: `@everyone <@42> ${GOOD} See also [7].` });
    const { answerer } = answererOverSim(sim);
    const partials: string[] = [];
    await answerer.answer(QUESTION, passages, { onPartial: (t) => partials.push(t) });
    expect(partials.length).toBeGreaterThan(5);
    expect(partials.every((p, i) => i === 0 || p.length >= (partials[i - 1] as string).length - 4)).toBe(true);
    expect(partials.join('\n')).not.toMatch(/@everyone|<@42>|\[7\]/);
    expect(partials.at(-1)).toContain('87% reduction');
    // Source 2 is the first cited, so partials already call it [1], as the final answer does.
    expect(partials.at(-1)).toContain('validation set [1]');
  });

  it('GIVEN the caller aborts WHEN the model is mid-stream THEN the call rejects and the circuit is untouched', async () => {
    sim.chat.push({ kind: 'stall', after: 'Fast' });
    const { answerer, breaker, fallback } = answererOverSim(sim);
    const controller = new AbortController();
    const pending = answerer.answer(QUESTION, passages, { signal: controller.signal, onPartial: () => controller.abort(new Error('user left')) });
    await expect(pending).rejects.toThrow('user left');
    expect(breaker.state).toBe('closed');
    expect(fallback.calls).toBe(0);
  });
});
