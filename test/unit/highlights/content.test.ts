import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../../src/corpus/Paper.js';
import { ArxivSim } from '../../support/arxiv-sim/ArxivSim.js';
import { atomEntry, atomFeed } from '../../support/arxiv-sim/atom.js';
import { HighlightsWorld, readSeeds } from '../../support/highlights/highlightsFixture.js';

const G = '100000000000000001';
const CH = '200000000000000001';
const USER = '300000000000000001';

const lora: Paper = {
  id: 'arxiv:2605.00001', title: 'Cheaper low-rank adaptation by skipping optimizer steps', titleDerived: false,
  authors: ['Ada Lovelace'], year: 2026, venue: null, url: 'https://arxiv.org/abs/2605.00001', categories: ['cs.CL'], published: '2026-05-01',
  abstract: 'Low-rank adaptation makes finetuning cheap. We show that low-rank adaptation training can skip most optimizer steps without loss. The method saves compute across model sizes.',
};
const chess: Paper = {
  ...lora, id: 'arxiv:2605.00002', title: 'Opening books in amateur chess tournaments', url: 'https://arxiv.org/abs/2605.00002',
  abstract: 'We collect opening books used in amateur chess tournaments. Players prefer sharp gambits at faster time controls. Rating gains follow preparation.',
};

let world: HighlightsWorld;
afterEach(() => world?.close());

describe('what the daily post contains', () => {
  it('GIVEN ten papers and three a day WHEN four days pass THEN no paper repeats within a cycle and the fourth day starts a new one', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    (await world.boot()).configure({ guildId: G, channelId: CH, time: '09:00', timezone: 'UTC', count: 3 });
    await world.clock.advanceTo('2026-05-05T10:00:00Z');
    const days = world.publisher.posts.map((p) => p.entries.map((e) => e.id));
    expect(days.map((d) => d.length)).toEqual([3, 3, 3, 3]);
    const firstCycle = days.flat().slice(0, 10);
    expect(new Set(firstCycle).size).toBe(10);
    expect(new Set(days[3]).size).toBe(3);
    expect(world.publisher.posts[0]?.entries[0]).toMatchObject({ reason: 'rotation', summary: expect.any(String), quote: expect.any(String) });
  });

  it('GIVEN a paper ingested since the last highlight WHEN the next post is due THEN it comes first, marked new, and only once', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    (await world.boot()).configure({ guildId: G, channelId: CH, time: '09:00', timezone: 'UTC' });
    await world.clock.advanceTo('2026-05-02T10:00:00Z');
    await world.library.ingest([lora]);
    await world.clock.advanceTo('2026-05-04T10:00:00Z');
    const [, day2, day3] = world.publisher.posts;
    expect(day2?.entries[0]).toMatchObject({ id: lora.id, reason: 'new' });
    expect(day3?.entries.map((e) => e.id)).not.toContain(lora.id);
  });

  it('GIVEN a burst of new papers larger than one post WHEN the next days come THEN the rest stay first in line until shown, newest first', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    (await world.boot()).configure({ guildId: G, channelId: CH, time: '09:00', timezone: 'UTC', count: 2 });
    await world.clock.advanceTo('2026-05-01T11:00:00Z');
    const burst = [1, 2, 3, 4].map((n) => ({ ...chess, id: `arxiv:2605.0010${n}`, abstract: `${chess.abstract} Variant ${n} of the study.` }));
    for (const paper of burst) {
      await world.library.ingest([paper]);
      await world.clock.advanceTo(new Date(world.clock.now().getTime() + 60_000));
    }
    await world.clock.advanceTo('2026-05-03T10:00:00Z');
    const days = world.publisher.posts.map((p) => p.entries.map((e) => `${e.id}:${e.reason}`));
    expect(days).toEqual([
      ['arxiv:2605.00104:new', 'arxiv:2605.00103:new'],
      ['arxiv:2605.00102:new', 'arxiv:2605.00101:new'],
    ]);
  });

  it('GIVEN a preview WHEN asked twice THEN it shows the next post without recording anything', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    const service = await world.boot();
    service.configure({ guildId: G, channelId: CH, time: '09:00', timezone: 'UTC' });
    const preview = service.preview(G);
    expect(preview.date).toBe('2026-05-02');
    expect(service.preview(G).entries.map((e) => e.id)).toEqual(preview.entries.map((e) => e.id));
    await world.clock.advanceTo('2026-05-02T09:00:00Z');
    expect(world.publisher.posts[0]?.entries.map((e) => e.id)).toEqual(preview.entries.map((e) => e.id));
  });
});

describe('subscriptions', () => {
  it('GIVEN a user subscribed to a topic WHEN a matching and an unrelated paper are ingested THEN one DM the next day with the matching sentence, never repeated', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    const service = await world.boot();
    expect(service.subscribe({ guildId: G, kind: 'user', targetId: USER, topic: 'low-rank adaptation', createdBy: USER })).toBe(true);
    expect(service.subscribe({ guildId: G, kind: 'user', targetId: USER, topic: 'Low-Rank  Adaptation', createdBy: USER })).toBe(false);
    await world.clock.advanceTo('2026-05-01T10:01:00Z');
    await world.library.ingest([lora, chess]);
    await world.clock.advanceTo('2026-05-03T10:00:00Z');
    expect(world.publisher.digests).toHaveLength(1);
    const [digest] = world.publisher.digests;
    expect(digest).toMatchObject({ target: { kind: 'user', id: USER }, date: '2026-05-02' });
    expect(digest?.topics[0]?.papers.map((p) => p.id)).toEqual([lora.id]);
    expect(digest?.topics[0]?.papers[0]?.sentence).toMatch(/low-rank adaptation/i);
    await world.boot();
    await world.clock.advanceTo('2026-05-05T10:00:00Z');
    expect(world.publisher.digests).toHaveLength(1);
  });

  it('GIVEN a channel subscription on the highlights channel WHEN a matching paper arrives THEN it rides in the daily post with its sentence', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    const service = await world.boot();
    service.configure({ guildId: G, channelId: CH, time: '09:00', timezone: 'UTC' });
    service.subscribe({ guildId: G, kind: 'channel', targetId: CH, topic: 'low-rank adaptation', createdBy: USER });
    await world.clock.advanceTo('2026-05-01T10:01:00Z');
    await world.library.ingest([lora, chess]);
    await world.clock.advanceTo('2026-05-03T10:00:00Z');
    const [day1, day2] = world.publisher.posts;
    expect(day1?.topics).toEqual([expect.objectContaining({ topic: 'low-rank adaptation', papers: [expect.objectContaining({ id: lora.id })] })]);
    expect(day2?.topics).toEqual([]);
    expect(world.publisher.digests).toEqual([]);
    expect(service.unsubscribe(G, 'channel', CH, 'LOW-RANK adaptation')).toBe(true);
    expect(service.subscriptions(G)).toEqual([]);
  });
});

describe('the arXiv feed before the post', () => {
  let sim: ArxivSim;
  beforeAll(async () => {
    sim = await ArxivSim.start();
  });
  afterAll(() => sim.close());

  const entry = atomEntry({ id: '2605.00001', title: lora.title, summary: lora.abstract, authors: lora.authors, published: '2026-05-01T20:00:00Z', categories: ['cs.CL'] });

  it('GIVEN ARXIV_QUERY WHEN the hour before the post comes THEN new papers are fetched, ingested and highlighted first', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    sim.respond({ body: atomFeed({ query: 'cat:cs.CL', start: 0, total: 0, entries: [] }) });
    const service = await world.boot({ highlights: { arxivQuery: 'cat:cs.CL', arxivApiBase: sim.apiBase } });
    service.configure({ guildId: G, channelId: CH, time: '09:00', timezone: 'UTC' });
    sim.respond({ body: atomFeed({ query: 'cat:cs.CL', start: 0, total: 1, entries: [entry] }) });
    await world.clock.advanceTo('2026-05-02T07:59:00Z');
    expect(sim.requests).toHaveLength(0);
    await world.clock.advanceTo('2026-05-02T08:30:00Z');
    expect(sim.requests).toHaveLength(1);
    expect(world.library.get(lora.id)).toBeDefined();
    await world.clock.advanceTo('2026-05-02T09:00:00Z');
    expect(world.publisher.posts[0]?.entries[0]).toMatchObject({ id: lora.id, reason: 'new' });
  });

  it('GIVEN the feed answers 503 WHEN the post is due THEN the failure is logged and the post goes out from the index', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    sim.respond({ status: 503 });
    const service = await world.boot({ highlights: { arxivQuery: 'cat:cs.CL', arxivApiBase: sim.apiBase } });
    service.configure({ guildId: G, channelId: CH, time: '09:00', timezone: 'UTC' });
    await world.clock.advanceTo('2026-05-02T09:00:00Z');
    expect(world.publisher.posts).toHaveLength(1);
    expect(world.publisher.posts[0]?.entries.map((e) => e.id).every((id) => readSeeds().some((p) => p.id === id))).toBe(true);
  });
});
