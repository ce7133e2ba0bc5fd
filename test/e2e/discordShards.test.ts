import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { BotProcess, botEnv } from '../support/discord-sim/botProcess.js';
import { DiscordSimulator } from '../support/discord-sim/DiscordSimulator.js';

it('GIVEN --shards 1 WHEN footnote start runs THEN a ShardingManager shard logs in through DISCORD_API_BASE, answers, and stops on SIGTERM', async () => {
  const sim = await DiscordSimulator.start();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'footnote-e2e-shards-'));
  const bot = new BotProcess(botEnv(sim, dataDir), ['start', '--shards', '1']);
  try {
    await sim.waitFor(() => sim.stats.connected, 90_000, 'the shard to connect');
    expect(sim.stats.shard).toEqual([0, 1]);
    const rec = await sim.answered(sim.slash(sim.fixtures.users.alice, 'footnote', [{ name: 'help', type: 1 }]), 30_000);
    expect(JSON.stringify(rec.original.embeds)).toContain('/ask');
    const code = await bot.stop();
    expect(code).toBe(0);
    expect(bot.logLines().some((l) => l.msg === 'bot stopped')).toBe(true);
    expect(sim.violations).toEqual([]);
  } finally {
    await bot.stop();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 150_000);
