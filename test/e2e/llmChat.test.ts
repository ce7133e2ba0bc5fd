import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiSim, type OpenAiSim } from '../support/openai-sim/OpenAiSim.js';

// Runs the compiled CLI (`npm test` builds dist/ first).
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/footnote.js');
const FIRST = 'Which paper trains a transformer to play chess?';
const FOLLOW_UP = 'What were the main results?';

let sim: OpenAiSim;
let dataDir: string;
beforeAll(async () => {
  sim = await startOpenAiSim();
  dataDir = mkdtempSync(path.join(tmpdir(), 'footnote-llm-chat-'));
});
afterAll(async () => {
  await sim.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function chat(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, HOME: process.env.HOME, FOOTNOTE_DATA_DIR: dataDir, LOG_LEVEL: 'info',
    LLM_PROVIDER: 'openai', LLM_MODEL: 'sim-model', LLM_TIMEOUT_MS: '5000', OPENAI_BASE_URL: sim.baseUrl,
  };
  const child = spawn(process.execPath, [BIN, 'chat'], { env, cwd: dataDir, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('footnote chat with LLM_PROVIDER=openai against the simulator', { timeout: 90_000 }, () => {
  it('GIVEN a vague follow-up WHEN chat reads it THEN the model condenses it from the conversation and the answer cites the paper discussed', async () => {
    sim.chat.push(
      { kind: 'reply', content: 'The authors train an autoregressive transformer to play chess from game transcripts [1].' },
      { kind: 'reply', content: 'What were the main results of training a transformer to play chess from game transcripts?' },
      { kind: 'reply', content: 'The trained model can sometimes achieve better performance than all players in the dataset [1].' },
    );
    const { code, stdout, stderr } = await chat(`${FIRST}\n${FOLLOW_UP}\n`);
    expect(code).toBe(0);
    expect(stdout).toContain('better performance than all players in the dataset. [1]');
    expect(stdout.split('better performance')[1]).toContain('Transcendence: Generative Models Can Outperform The Experts That Train Them');
    const condense = sim.requestsTo('/v1/chat/completions')[1]?.body as { messages: Array<{ role: string; content: string }> };
    expect(condense.messages.at(-1)?.content).toContain(`User: ${FIRST}`);
    expect(stderr).toContain('follow-up condensed');
    expect(stderr).not.toContain('main results of training');
  });
});
