import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiSim, type OpenAiSim } from '../support/openai-sim/OpenAiSim.js';

// Runs the compiled CLI (`npm test` builds dist/ first).
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/footnote.js');
const SECRET = 'sk-test-secret-do-not-log-4242';
const GOOD =
  'Fast Forward provides up to an 87% reduction in FLOPs compared with standard SGD with Adam [1]. ' +
  'It repeats the most recent optimizer step until the loss stops improving on a tiny validation set [1].';

let sim: OpenAiSim;
// One data dir for the file: the first ask builds the seed index, the second reuses it.
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'footnote-llm-e2e-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  sim = await startOpenAiSim();
});
afterEach(async () => {
  await sim.close();
});

function ask(question: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    FOOTNOTE_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    LLM_PROVIDER: 'openai',
    LLM_MODEL: 'sim-model',
    LLM_TIMEOUT_MS: '5000',
    OPENAI_API_KEY: SECRET,
    OPENAI_BASE_URL: sim.baseUrl,
    // Must not win over OPENAI_BASE_URL.
    OPENAI_API_BASE: 'http://127.0.0.1:9/v1',
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'ask', question, '--json'], { env, cwd: dataDir, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('footnote ask with LLM_PROVIDER=openai against the simulator', { timeout: 90_000 }, () => {
  it('GIVEN a grounded model answer WHEN asked through the CLI THEN the verified LLM text is printed with its source, and no key or prompt is logged', async () => {
    sim.chat.push({ kind: 'reply', content: GOOD });
    const { code, stdout, stderr } = await ask('How much did Fast Forward cut FLOPs?');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { answer: string; abstained: boolean; citations: Array<{ n: number; id: string }> };
    expect(out.answer).toContain('87% reduction in FLOPs compared with standard SGD with Adam. [1]');
    expect(out.citations.map((c) => c.id)).toEqual(['arxiv:2409.04206']);
    expect(sim.requestsTo('/v1/chat/completions')).toHaveLength(1);
    expect(stderr).toContain('llm answer verified');
    expect(stderr).not.toContain(SECRET);
    expect(stderr).not.toContain('repeat the most recent optimizer step');
  });

  it('GIVEN a provider failing with 500 WHEN asked through the CLI THEN an extractive answer still comes back', async () => {
    sim.chat.repeat({ kind: 'status', status: 500 }, 10);
    const { code, stdout, stderr } = await ask('How much did Fast Forward cut FLOPs?');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { answer: string; citations: Array<{ id: string }> };
    expect(out.citations.map((c) => c.id)).toContain('arxiv:2409.04206');
    expect(stderr).toContain('llm call failed; extractive answer sent');
    expect(sim.requestsTo('/v1/chat/completions').length).toBe(3);
  });
});
