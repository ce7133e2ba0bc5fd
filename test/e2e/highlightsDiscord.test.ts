import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { attachHighlights } from '../../src/discord/attachHighlights.js';
import { startBot, type RunningBot } from '../../src/discord/startBot.js';
import type { HighlightsService } from '../../src/highlights/HighlightsService.js';
import { openStateDb, type StateDb } from '../../src/state/openStateDb.js';
import type { Library } from '../../src/store/Library.js';
import { openLibrary } from '../../src/store/openLibrary.js';
import { DiscordSimulator } from '../support/discord-sim/DiscordSimulator.js';
import { createFakeEmbeddings } from '../support/fakeEmbeddings.js';
import { FakeClock } from '../support/highlights/FakeClock.js';
import { quietLogger, readSeeds, summarize } from '../support/highlights/highlightsFixture.js';
import { enableDirectMessages, slashWithChannel } from '../support/highlights/simExtras.js';

const SUB = 1;
const STRING = 3;
const INTEGER = 4;
const CHANNEL = 7;

let sim: DiscordSimulator;
let bot: RunningBot;
let service: HighlightsService;
let library: Library;
let db: StateDb;
let dir: string;
let dms: Map<string, string>;
const clock = new FakeClock('2026-05-01T10:00:00Z');

beforeAll(async () => {
  sim = await DiscordSimulator.start();
  dms = enableDirectMessages(sim);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-hl-e2e-'));
  const config = loadConfig({ DISCORD_TOKEN: sim.token, DISCORD_APPLICATION_ID: sim.fixtures.applicationId, DISCORD_API_BASE: sim.apiBase, FOOTNOTE_DATA_DIR: dir, LOG_LEVEL: 'silent', HIGHLIGHTS_TIME: '09:00', HIGHLIGHTS_TZ: 'UTC' });
  library = await openLibrary({ dataDir: path.join(dir, 'lib'), embeddings: createFakeEmbeddings(), logger: quietLogger, now: () => clock.now() });
  await library.ingest(readSeeds());
  db = openStateDb(path.join(dir, 'state.db'));
  bot = await startBot({ config, logger: quietLogger, assistant: { summarize } as never, state: db, library });
  service = await attachHighlights({ bot, library, assistant: { summarize }, state: db, config, logger: quietLogger, clock });
});

afterAll(async () => {
  const unanswered = sim.unanswered().map((r) => r.id);
  service?.stop();
  await bot?.stop();
  db?.close();
  library?.close();
  await sim?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  expect(unanswered).toEqual([]);
});

const setOptions = (channelId: string, time: string, timezone: string, count: number) => [
  { name: 'set', type: SUB, options: [{ name: 'channel', type: CHANNEL, value: channelId }, { name: 'time', type: STRING, value: time }, { name: 'timezone', type: STRING, value: timezone }, { name: 'count', type: INTEGER, value: count }] },
];
const text = (rec: { original?: unknown }) => JSON.stringify(rec.original);

describe('highlights through the Discord simulator', () => {
  it('GIVEN an admin WHEN /highlights set runs THEN the schedule is saved and the next post time shown, privately', async () => {
    const general = sim.fixtures.channels.general;
    const rec = await sim.answered(slashWithChannel(sim, sim.fixtures.users.admin, 'highlights', setOptions(general.id, '09:00', 'Europe/Berlin', 2), general));
    expect(rec.callback?.data?.flags & 64).toBe(64);
    expect(text(rec)).toContain('every day at 09:00 Europe/Berlin');
    expect(text(rec)).toContain(`<t:${Date.parse('2026-05-02T07:00:00Z') / 1000}:F>`);
  });

  it('GIVEN a member without Manage Server WHEN they run /highlights show THEN they are refused', async () => {
    const rec = await sim.answered(sim.slash(sim.fixtures.users.alice, 'highlights', [{ name: 'show', type: SUB }]));
    expect(text(rec)).toContain('Manage Server');
  });

  it('GIVEN a zone being typed WHEN autocompleting THEN IANA zones are offered', async () => {
    const options = [{ name: 'set', type: SUB, options: [{ name: 'timezone', type: STRING, value: 'berl', focused: true }] }];
    const rec = sim.autocomplete(sim.fixtures.users.admin, 'highlights', options);
    const callback = await sim.waitFor(() => rec.callback);
    expect(callback.data.choices).toContainEqual({ name: 'Europe/Berlin', value: 'Europe/Berlin' });
  });

  it('GIVEN the schedule WHEN 09:00 Berlin comes THEN one post arrives in the channel with valid embeds, no pings, and a thread', async () => {
    await clock.advanceTo('2026-05-02T07:00:00Z');
    const posts = sim.botMessagesIn(sim.fixtures.channels.general.id);
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post?.embeds[0].title).toBe('Paper highlights · 2026-05-02');
    expect(post?.embeds.slice(1).map((e: { url: string }) => e.url)).toEqual([expect.stringMatching(/^https:\/\/arxiv\.org\/abs\//), expect.stringMatching(/^https:\/\/arxiv\.org\/abs\//)]);
    expect(post?.embeds[1].description).toContain('**Key finding:**');
    expect(post?.body.allowed_mentions).toEqual({ parse: [] });
    expect(post?.thread?.name).toBe('Highlights 2026-05-02');
    expect(sim.violations).toEqual([]);
  });

  it('GIVEN a user subscribed to a topic WHEN a matching paper is ingested THEN the next day brings one DM with it', async () => {
    const alice = sim.fixtures.users.alice;
    const rec = await sim.answered(sim.slash(alice, 'subscribe', [{ name: 'topic', type: STRING, value: 'low-rank adaptation' }]));
    expect(text(rec)).toContain('Subscribed you');
    await clock.advanceTo('2026-05-02T10:00:00Z');
    await library.ingest([{ ...readSeeds()[0]!, id: 'arxiv:2605.00001', title: 'Cheaper low-rank adaptation', url: 'https://arxiv.org/abs/2605.00001', abstract: 'Low-rank adaptation makes finetuning cheap. We show that low-rank adaptation training can skip most optimizer steps. Compute drops across sizes.' }]);
    await clock.advanceTo('2026-05-03T09:00:00Z');
    const dm = dms.get(alice.id);
    expect(dm).toBeDefined();
    const messages = sim.botMessagesIn(dm as string);
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages[0]?.embeds)).toContain('Cheaper low-rank adaptation');
    expect(JSON.stringify(messages[0]?.embeds)).toContain('“Low-rank adaptation makes finetuning cheap.”');
    const list = await sim.answered(sim.slash(alice, 'subscriptions'));
    expect(text(list)).toContain('low-rank adaptation');
  });

  it('GIVEN the highlights channel is deleted WHEN the post is due THEN the schedule turns off and the admin hears why on the next command', async () => {
    const gone = { id: '999999999999999999', name: 'deleted' };
    await sim.answered(slashWithChannel(sim, sim.fixtures.users.admin, 'highlights', setOptions(gone.id, '09:00', 'UTC', 1), gone));
    await clock.advanceTo('2026-05-04T09:00:00Z');
    expect(service.status(sim.fixtures.guildId).settings?.enabled).toBe(false);
    const rec = await sim.answered(sim.slash(sim.fixtures.users.admin, 'highlights', [{ name: 'show', type: SUB }]));
    expect(text(rec)).toContain('was deleted');
    expect(text(rec)).toContain('Highlights are off');
  });
});
