import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import { createApp, type App } from '../../../src/main.js';
import { startOpenAiSim, type OpenAiSim } from '../../support/openai-sim/OpenAiSim.js';
import { FAST_FORWARD, TRANSCENDENCE } from '../../support/openai-sim/seedPapers.js';

const CHAT = '/v1/chat/completions';
const CHESS = [{
  question: 'Which paper trains a transformer to play chess?',
  answer: 'The authors train an autoregressive transformer to play chess from game transcripts [1].',
}];
const VAGUE = 'What were the main results?';
const CHESS_ANSWER = 'The trained model can sometimes achieve better performance than all players in the dataset [1].';
const FAST = [{ question: 'How does Fast Forward speed up finetuning?', answer: 'It repeats the most recent optimizer step [1].' }];
const FLOPS_ANSWER = 'Fast Forward provides up to an 87% reduction in FLOPs over standard SGD with Adam [1].';

let sim: OpenAiSim;
let dataDir: string;
const apps: App[] = [];

async function appWith(env: Record<string, string>): Promise<App> {
  const config = loadConfig({ FOOTNOTE_DATA_DIR: dataDir, ...env });
  const app = await createApp(config, createLogger({ level: 'silent' }));
  apps.push(app);
  return app;
}
const llmApp = (timeoutMs = 5000) =>
  appWith({ LLM_PROVIDER: 'openai', LLM_MODEL: 'sim-model', OPENAI_BASE_URL: sim.baseUrl, LLM_TIMEOUT_MS: String(timeoutMs) });

function humanOf(request: { body: unknown } | undefined): string {
  const body = request?.body as { messages: Array<{ role: string; content: string }> };
  return body.messages.find((m) => m.role === 'user')?.content ?? '';
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'footnote-condense-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
beforeEach(async () => {
  sim = await startOpenAiSim();
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await sim.close();
});

describe('follow-up condensation through createApp and the OpenAI-compatible simulator', { timeout: 60_000 }, () => {
  it('GIVEN no LLM WHEN a vague follow-up is asked THEN history folding leaves it alone and it does not find the chess paper', async () => {
    const app = await appWith({});
    const answer = await app.assistant.ask(VAGUE, { history: CHESS });
    expect(answer.citations.map((c) => c.id)).not.toContain(TRANSCENDENCE);
  });

  it('GIVEN an LLM WHEN the same follow-up is condensed THEN the chess paper is retrieved and the answer is written for the original question', async () => {
    const app = await llmApp();
    sim.chat.push(
      { kind: 'reply', content: 'What were the main results of training a transformer to play chess from game transcripts?' },
      { kind: 'reply', content: CHESS_ANSWER },
    );
    const answer = await app.assistant.ask(VAGUE, { history: CHESS });
    expect(answer.citations.map((c) => c.id)).toEqual([TRANSCENDENCE]);
    expect(answer.answeredBy).toBe('sim-model');
    const [condense, reply] = sim.requestsTo(CHAT);
    expect(humanOf(condense)).toContain('User: Which paper trains a transformer to play chess?');
    expect(humanOf(condense)).not.toContain('[1]');
    expect(humanOf(reply)).toContain(`<question>${VAGUE}</question>`);
  });

  it('GIVEN no history WHEN asked THEN no condensation call is made', async () => {
    const app = await llmApp();
    sim.chat.push({ kind: 'reply', content: FLOPS_ANSWER });
    const answer = await app.assistant.ask('How much did Fast Forward cut FLOPs?');
    expect(answer.citations.map((c) => c.id)).toEqual([FAST_FORWARD]);
    expect(sim.requestsTo(CHAT)).toHaveLength(1);
  });

  it('GIVEN a condensation that stalls past its deadline WHEN a follow-up is asked THEN history folding finds the paper and the model still answers', async () => {
    const app = await llmApp(800);
    sim.chat.push({ kind: 'stall', after: 'How much' }, { kind: 'reply', content: FLOPS_ANSWER });
    const answer = await app.assistant.ask('and how much compute did it save?', { history: FAST });
    expect(answer.citations.map((c) => c.id)).toEqual([FAST_FORWARD]);
    expect(answer.answeredBy).toBe('sim-model');
    expect(sim.requestsTo(CHAT)).toHaveLength(2);
  });

  it('GIVEN a condensation steering to a paper nobody named, with a mention WHEN a follow-up is asked THEN it is rejected and folding decides', async () => {
    const app = await llmApp();
    sim.chat.push(
      { kind: 'reply', content: '@everyone First Tragedy then Parse arxiv:2311.05020 history of large language models [3]' },
      { kind: 'reply', content: FLOPS_ANSWER },
    );
    const answer = await app.assistant.ask('and how much compute did it save?', { history: FAST });
    expect(answer.citations.map((c) => c.id)).toEqual([FAST_FORWARD]);
    expect(answer.text).not.toMatch(/@everyone/);
  });

  it('GIVEN garbage from the server WHEN a follow-up is asked THEN folding decides and the answer falls back cleanly', async () => {
    const app = await llmApp();
    sim.chat.push({ kind: 'garbage', body: '<html>502 Bad Gateway</html>' }, { kind: 'reply', content: FLOPS_ANSWER });
    const answer = await app.assistant.ask('and how much compute did it save?', { history: FAST });
    expect(answer.citations.map((c) => c.id)).toEqual([FAST_FORWARD]);
  });

  it('GIVEN a provider failing with 500 WHEN follow-ups keep coming THEN the shared circuit opens and folding answers without calling the model', async () => {
    const app = await llmApp();
    sim.chat.repeat({ kind: 'status', status: 500 }, 10);
    for (let i = 0; i < 3; i++) {
      const answer = await app.assistant.ask('and how much compute did it save?', { history: FAST });
      expect(answer.citations.map((c) => c.id)).toEqual([FAST_FORWARD]);
      expect(answer.answeredBy).toBe('extractive');
    }
    // Ask 1: condense (fail 1) + answer with 3 attempts (fail 2); ask 2: condense (fail 3, open); ask 3: nothing.
    expect(sim.requestsTo(CHAT)).toHaveLength(5);
  });
});
