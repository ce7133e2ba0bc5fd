import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { botEnv, runFootnote } from '../support/discord-sim/botProcess.js';
import { DiscordSimulator } from '../support/discord-sim/DiscordSimulator.js';

describe('footnote start when it cannot log in', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'footnote-e2e-login-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it('GIVEN a token Discord rejects WHEN the bot starts THEN it exits 1 saying to reset the token, and never prints the token', async () => {
    const sim = await DiscordSimulator.start();
    cleanups.push(() => sim.stop());
    const env = { ...botEnv(sim, dataDir()), DISCORD_TOKEN: 'not-the-real-token-abc123' };
    const { code, stderr } = await runFootnote(['start'], env);
    expect(code).toBe(1);
    expect(stderr).toContain('Discord rejected DISCORD_TOKEN');
    expect(stderr).not.toContain('not-the-real-token-abc123');
  }, 60_000);

  it('GIVEN an API base nothing listens on WHEN the bot starts THEN it exits 1 naming the address to check', async () => {
    const sim = await DiscordSimulator.start();
    const apiBase = sim.apiBase;
    const env = { ...botEnv(sim, dataDir()), DISCORD_API_BASE: apiBase };
    await sim.stop(); // the port is now closed: connections are refused
    const { code, stderr } = await runFootnote(['start'], env);
    expect(code).toBe(1);
    expect(stderr).toContain(`Could not reach Discord at ${apiBase}`);
  }, 60_000);
});
