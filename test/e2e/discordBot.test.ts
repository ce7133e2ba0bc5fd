import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess, botEnv, runFootnote } from '../support/discord-sim/botProcess.js';
import { DiscordSimulator } from '../support/discord-sim/DiscordSimulator.js';
import type { InteractionRecord } from '../support/discord-sim/records.js';

/**
 * The real bot (`node bin/footnote.js start`, compiled dist/) configured by environment only,
 * against the Discord simulator, answering with the default offline Assistant over the seeds.
 */
const STRING = 3;
const SUBCOMMAND = 1;
const SEEDS = path.join(path.dirname(new URL(import.meta.url).pathname), '../../seeds/papers.jsonl');
const LONG_ID = 'arxiv:2501.00001';

let sim: DiscordSimulator;
let bot: BotProcess;
let dataDir: string;

function longPaper(): string {
  const sentences = Array.from({ length: 70 }, (_, i) => `Experiment ${i + 1} measures how sparse probing of layer ${i % 24} recovers syntactic depth with accuracy ${(50 + (i % 50)).toFixed(1)} percent on held-out treebanks.`);
  return JSON.stringify({ id: LONG_ID, title: 'A Very Long Abstract About Probing Syntax', authors: ['Test Author'], year: 2025, venue: null, url: 'https://arxiv.org/abs/2501.00001', abstract: sentences.join(' ') });
}

const ask = (user: keyof DiscordSimulator['fixtures']['users'], question: string): InteractionRecord =>
  sim.slash(sim.fixtures.users[user], 'ask', [{ name: 'question', type: STRING, value: question }]);

beforeAll(async () => {
  sim = await DiscordSimulator.start();
  dataDir = mkdtempSync(path.join(tmpdir(), 'footnote-e2e-discord-'));
  const extra = path.join(dataDir, 'long.jsonl');
  writeFileSync(extra, `${longPaper()}\n`);
  const env = botEnv(sim, dataDir, { RATE_LIMIT_PER_MINUTE: '3' });
  const ingest = await runFootnote(['ingest', SEEDS, extra], env);
  expect(ingest.code, ingest.stderr).toBe(0);
  const deploy = await runFootnote(['deploy-commands', '--guild', sim.fixtures.guildId], env);
  expect(deploy.code, deploy.stderr).toBe(0);
  expect(deploy.stdout).toMatch(/Registered \d+ commands in guild/);
  expect(deploy.stdout).toContain(`client_id=${sim.fixtures.applicationId}&scope=bot+applications.commands&permissions=309237730304`);
  bot = new BotProcess(env);
  await sim.waitForReady();
}, 120_000);

afterAll(async () => {
  const code = await bot?.stop();
  const unanswered = sim?.unanswered().map((r) => r.id) ?? [];
  await sim?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  expect(code).toBe(0);
  expect(unanswered).toEqual([]);
}, 30_000);

describe('footnote start as a Discord bot against the simulator', () => {
  it('GIVEN env only WHEN the bot starts THEN commands were registered once and it identified with Guilds + GuildMessages', () => {
    expect(sim.commands.guild.get(sim.fixtures.guildId)!.map((c) => c.name)).toEqual(expect.arrayContaining(['ask', 'search', 'paper', 'similar', 'papers', 'footnote', 'footnote-admin']));
    expect(sim.commands.guild.get(sim.fixtures.guildId)!.find((c) => c.name === 'footnote-admin').default_member_permissions).toBe('32');
    expect(sim.intents).toBe(1 | 512);
    expect(sim.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('GIVEN a question WHEN /ask runs THEN the bot defers, then edits in an answer whose [n] markers match its numbered sources', async () => {
    const rec = await sim.answered(ask('alice', 'What did the Fast Forward paper find?'), 60_000);
    expect(rec.callback!.type).toBe(5);
    const embeds = rec.original.embeds as Array<{ description?: string; fields?: Array<{ value: string }> }>;
    const markers = new Set([...embeds.map((e) => e.description ?? '').join(' ').matchAll(/\[(\d+)\]/g)].map((m) => m[1]));
    const sources = new Set([...embeds.flatMap((e) => e.fields ?? []).map((f) => f.value).join('\n').matchAll(/^\[(\d+)\] \[/gm)].map((m) => m[1]));
    expect(markers.size).toBeGreaterThan(0);
    expect(sources).toEqual(markers);
    expect(JSON.stringify(embeds)).toContain('(https://arxiv.org/abs/2409.04206)');
  }, 90_000);

  it('GIVEN an answer WHEN a user clicks 👍 and Show quotes THEN the vote is in SQLite and the quotes are ephemeral', async () => {
    const rec = await sim.answered(ask('carol', 'How does Fast Forward reduce training FLOPs?'), 60_000);
    const answerId = Number(/fb:up:(\d+)/.exec(JSON.stringify(rec.original.components))![1]);
    const vote = await sim.answered(sim.click(sim.fixtures.users.bob, rec, `fb:up:${answerId}`));
    expect(vote.callback!.data.flags & 64).toBe(64);
    const quotes = await sim.answered(sim.click(sim.fixtures.users.bob, rec, `quotes:${answerId}`));
    expect(quotes.callback!.data.flags & 64).toBe(64);
    expect(JSON.stringify(quotes.original.embeds)).toMatch(/\*\*\[1\]\*\* “/);
    const db = new Database(path.join(dataDir, 'state.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT user_id, vote FROM feedback WHERE answer_id = ?').all(answerId)).toEqual([{ user_id: sim.fixtures.users.bob.id, vote: 1 }]);
    } finally {
      db.close();
    }
  }, 90_000);

  it('GIVEN a mention WHEN the bot answers THEN it opens a thread, and a mentioned follow-up there is answered with the earlier turn', async () => {
    const q = sim.say(sim.fixtures.users.bob, sim.fixtures.channels.general.id, 'what did the Fast Forward paper find?', { mentionBot: true });
    await sim.waitFor(() => q.thread && sim.botMessagesIn(q.thread.id).length >= 2, 60_000, 'the answer in a thread');
    expect(JSON.stringify(sim.botMessagesIn(q.thread!.id)[0]!.embeds)).toContain('Fast Forwarding Low-Rank Training');
    const f = sim.say(sim.fixtures.users.bob, q.thread!.id, 'and how much compute did it save?', { mentionBot: true });
    const [reply] = await sim.waitFor(() => { const r = sim.repliesTo(f); return r.length ? r : undefined; }, 60_000, 'the follow-up answer');
    expect(JSON.stringify(reply!.embeds)).toMatch(/87%|FLOPs/);
  }, 120_000);

  it('GIVEN a typed prefix WHEN /paper autocompletes THEN the matching paper is offered by id', async () => {
    const rec = await sim.answered(sim.autocomplete(sim.fixtures.users.alice, 'paper', [{ name: 'query', type: STRING, value: 'Fast Forw', focused: true }]));
    expect(rec.callback!.data.choices).toContainEqual({ name: 'Fast Forwarding Low-Rank Training (2024)', value: 'arxiv:2409.04206' });
  }, 30_000);

  it('GIVEN a paper whose card exceeds 6,000 characters WHEN /paper shows it THEN it is split into messages within every limit', async () => {
    const rec = await sim.answered(sim.slash(sim.fixtures.users.alice, 'paper', [{ name: 'query', type: STRING, value: LONG_ID }]), 60_000);
    await sim.waitFor(() => rec.followups.length > 0, 30_000, 'the continuation');
    const text = [rec.original, ...rec.followups].flatMap((m) => m.embeds.map((e: { description?: string }) => e.description ?? '')).join(' ');
    expect(text).toContain('Experiment 70 measures');
    expect(sim.violations).toEqual([]);
  }, 90_000);

  it('GIVEN @everyone in a question WHEN answered THEN allowed_mentions parse is empty and the echo cannot ping', async () => {
    const rec = await sim.answered(ask('admin', '@everyone what is mechanistic interpretability?'), 60_000);
    expect(rec.edits.at(-1).allowed_mentions).toEqual({ parse: [] });
    expect(rec.original.embeds[0].title).toBe('@\u200beveryone what is mechanistic interpretability?');
  }, 90_000);

  it('GIVEN a user over 3 questions a minute WHEN they ask a 4th THEN a friendly ephemeral note answers at once', async () => {
    for (const q of ['What is memorization?', 'What is recitation?', 'What is reconstruction?']) await sim.answered(ask('dave', q), 60_000);
    const limited = await sim.answered(ask('dave', 'What is recollection?'));
    expect(limited.callback!.type).toBe(4);
    expect(limited.callback!.data.flags & 64).toBe(64);
    expect(limited.callback!.data.content).toMatch(/3 questions a minute/);
  }, 120_000);

  it('GIVEN a member without Manage Server WHEN they call the admin reset THEN they are denied ephemerally', async () => {
    const rec = await sim.answered(sim.slash(sim.fixtures.users.bob, 'footnote-admin', [{ name: 'reset-stats', type: SUBCOMMAND }]));
    expect(rec.callback!.data.flags & 64).toBe(64);
    expect(rec.original.content).toBe('Only members with the Manage Server permission can do that.');
  }, 30_000);

  it('GIVEN the gateway drops WHEN a command arrives meanwhile THEN the bot resumes (no new IDENTIFY) and answers it', async () => {
    sim.disconnect(4000);
    const rec = await sim.answered(sim.slash(sim.fixtures.users.alice, 'footnote', [{ name: 'stats', type: SUBCOMMAND }]), 30_000);
    expect(sim.stats).toMatchObject({ identifies: 1, resumes: 1 });
    expect(JSON.stringify(rec.original.embeds)).toContain('Papers indexed","value":"11"');
  }, 60_000);

  it('GIVEN everything above WHEN the simulator checks its records THEN every interaction was acknowledged within 3 s and nothing broke a rule', () => {
    expect(sim.violations).toEqual([]);
    expect([...sim.interactions.values()].every((r) => r.callback && r.callback.at - r.createdAt < 3000)).toBe(true);
  });
});
