import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/cli/CliCommand.js';
import { askCommand } from '../../../src/cli/commands/ask.js';
import { runChat } from '../../../src/cli/commands/chat.js';
import { loadConfig } from '../../../src/config/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import type { App } from '../../../src/main.js';
import { openSeedAssistant, type SeedAssistant } from '../../support/seedAssistant.js';

let seed: SeedAssistant;
beforeAll(async () => {
  seed = await openSeedAssistant();
});
afterAll(() => seed.close());

function context(input = '') {
  let out = '';
  const stdout = new PassThrough();
  stdout.on('data', (chunk) => (out += String(chunk)));
  const stdin = new PassThrough();
  stdin.end(input);
  const config = loadConfig({});
  const logger = createLogger({ level: 'silent' });
  const app = { config, logger, library: seed.library, assistant: seed.assistant } as unknown as App;
  const ctx: CliContext = { config, logger, io: { stdout, stderr: new PassThrough(), stdin }, app: async () => app };
  return { ctx, out: () => out };
}

describe('footnote ask (in process)', () => {
  it('GIVEN a covered question WHEN asked for people THEN the answer is followed by numbered source lines', async () => {
    const { ctx, out } = context();
    await askCommand.run(ctx, {}, ['how', 'much', 'did', 'Fast', 'Forward', 'cut', 'FLOPs?']);
    expect(out()).toMatch(/87% reduction in FLOPs.*\[1\]/);
    expect(out()).toContain('\nSources:\n[1] Fast Forwarding Low-Rank Training — Adir Rahamim, Naomi Saphra, Sara Kangaslahti et al. (2024) https://arxiv.org/abs/2409.04206');
    expect(out()).toContain('\n(answered by: extractive)');
  });

  it('GIVEN a near miss WHEN asked for people THEN the abstention is followed by suggestions labelled as such, with no Sources', async () => {
    const { ctx, out } = context();
    await askCommand.run(ctx, {}, ['what value of sigma_8 does the CAMELS simulation suite assume?']);
    expect(out()).toMatch(/^The indexed papers don't cover this\.\n\nClosest papers \(suggestions, not sources\):\n {2}- /);
    expect(out()).not.toContain('Sources:');
  });
});

describe('footnote chat with piped input', () => {
  it('GIVEN two lines, the second a follow-up WHEN chat reads them THEN both are answered from Fast Forward and chat ends with the input', async () => {
    const { ctx, out } = context('what is Fast Forward?\nand what did they find?\n');
    expect(await runChat(ctx)).toBe(0);
    expect(out().match(/^\[1\] Fast Forwarding Low-Rank Training/gm)).toHaveLength(2);
    expect(out()).not.toContain('you>');
  });

  it('GIVEN a blank line, an empty mention and /exit WHEN chat reads them THEN it answers calmly and stops at /exit', async () => {
    const { ctx, out } = context('\n@everyone\n/exit\nwhat is Fast Forward?\n');
    expect(await runChat(ctx)).toBe(0);
    expect(out()).toContain('Ask me a question about the indexed papers');
    expect(out()).not.toContain('Sources:');
  });
});
