import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/discord/commands/index.js';
import { deployCommands } from '../../../src/discord/deployCommands.js';
import { loadConfig } from '../../../src/config/index.js';
import { startInProcessBot, type InProcessBot } from '../../support/discord-sim/inProcessBot.js';
import { WordOverlapAssistant } from '../../support/discord-sim/WordOverlapAssistant.js';

const STRING = 3;
let t: InProcessBot;
const assistant = new WordOverlapAssistant();

beforeAll(async () => {
  t = await startInProcessBot(assistant, { RATE_LIMIT_PER_MINUTE: '3' });
});
afterAll(async () => t?.stop());

describe('the bot in process against the Discord simulator', () => {
  it('GIVEN the simulator WHEN the bot logs in THEN it identifies with Guilds + GuildMessages only and sees the guild', () => {
    expect(t.sim.intents).toBe(1 | 512);
    expect(t.bot.client.guilds.cache.has(t.sim.fixtures.guildId)).toBe(true);
  });

  it('GIVEN a guild id WHEN commands are deployed THEN the simulator holds every command', async () => {
    const result = await deployCommands(loadConfig(t.env), t.sim.fixtures.guildId);
    expect(result).toEqual({ scope: 'guild', count: COMMANDS.length });
    expect(t.sim.commands.guild.get(t.sim.fixtures.guildId)!.map((c) => c.name)).toEqual(expect.arrayContaining(['ask', 'search', 'paper', 'similar', 'papers', 'footnote', 'footnote-admin']));
  });

  it('GIVEN a question WHEN a user runs /ask THEN the bot defers and edits in an answer whose markers match its sources', async () => {
    const rec = t.sim.slash(t.sim.fixtures.users.alice, 'ask', [{ name: 'question', type: STRING, value: 'How does Fast Forward save compute in low-rank training?' }]);
    await t.sim.answered(rec);
    expect(rec.callback!.type).toBe(5);
    const embeds = rec.original.embeds as Array<{ description?: string; fields?: Array<{ value: string }> }>;
    const markers = new Set([...embeds.map((e) => e.description ?? '').join(' ').matchAll(/\[(\d+)\]/g)].map((m) => m[1]));
    const sources = new Set([...embeds.flatMap((e) => e.fields ?? []).map((f) => f.value).join('\n').matchAll(/^\[(\d+)\]/gm)].map((m) => m[1]));
    expect(markers.size).toBeGreaterThan(0);
    expect(sources).toEqual(markers);
    expect(JSON.stringify(embeds)).toContain('Fast Forwarding Low-Rank Training');
    expect(t.sim.violations).toEqual([]);
  });
});
