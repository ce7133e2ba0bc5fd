import { afterEach, describe, expect, it } from 'vitest';
import type { HighlightPost } from '../../../src/highlights/types.js';
import { HighlightsWorld } from '../../support/highlights/highlightsFixture.js';

const G1 = '100000000000000001';
const G2 = '100000000000000002';
const CH1 = '200000000000000001';
const CH2 = '200000000000000002';

let world: HighlightsWorld;
afterEach(() => world?.close());

const dates = (posts: HighlightPost[], guildId = G1) => posts.filter((p) => p.guildId === guildId).map((p) => p.date);

describe('highlights happen exactly once a day', () => {
  it('GIVEN 02:30 Europe/Berlin WHEN a week passes across the spring DST change THEN every local date gets exactly one post', async () => {
    world = await HighlightsWorld.create('2026-03-25T12:00:00Z');
    const service = await world.boot();
    service.configure({ guildId: G1, channelId: CH1, time: '02:30', timezone: 'Europe/Berlin' });
    await service.tick();
    await world.clock.advanceTo('2026-04-01T12:00:00Z');
    expect(dates(world.publisher.posts)).toEqual(['2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01']);
  });

  it('GIVEN 02:30 Europe/Berlin WHEN the autumn change repeats 02:30 THEN that day is still posted once', async () => {
    world = await HighlightsWorld.create('2026-10-23T12:00:00Z');
    const service = await world.boot();
    service.configure({ guildId: G1, channelId: CH1, time: '02:30', timezone: 'Europe/Berlin' });
    await service.tick();
    await world.clock.advanceTo('2026-10-27T12:00:00Z');
    expect(dates(world.publisher.posts)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
  });

  it('GIVEN a schedule set after today\'s time WHEN set THEN nothing is posted until tomorrow', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    const service = await world.boot();
    service.configure({ guildId: G1, channelId: CH1, time: '09:00', timezone: 'UTC' });
    await service.tick();
    expect(world.publisher.posts).toEqual([]);
    await world.clock.advanceTo('2026-05-02T09:00:00Z');
    expect(dates(world.publisher.posts)).toEqual(['2026-05-02']);
  });

  it('GIVEN a restart before, and another after, the post WHEN the day passes THEN one post in all', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    (await world.boot()).configure({ guildId: G1, channelId: CH1, time: '09:00', timezone: 'UTC' });
    await world.clock.advanceTo('2026-05-02T08:30:00Z');
    await world.boot();
    await world.clock.advanceTo('2026-05-02T09:00:30Z');
    await world.boot();
    await world.boot();
    await world.clock.advanceTo('2026-05-02T20:00:00Z');
    expect(dates(world.publisher.posts)).toEqual(['2026-05-02']);
  });

  it('GIVEN the process dies between selecting and posting WHEN it starts again THEN the recorded selection is posted, once', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    (await world.boot()).configure({ guildId: G1, channelId: CH1, time: '09:00', timezone: 'UTC' });
    const send = world.publisher.postHighlights.bind(world.publisher);
    let selected: HighlightPost | undefined;
    world.publisher.postHighlights = (post) => {
      selected = post;
      return new Promise(() => {}); // the process "dies" here: the send never completes
    };
    void world.clock.advanceTo('2026-05-02T09:00:00Z');
    await new Promise((r) => setImmediate(r));
    expect(selected?.date).toBe('2026-05-02');
    world.publisher.postHighlights = send;
    await world.boot();
    await world.clock.advanceTo('2026-05-02T12:00:00Z');
    expect(world.publisher.posts).toHaveLength(1);
    expect(world.publisher.posts[0]?.entries.map((e) => e.id)).toEqual(selected?.entries.map((e) => e.id));
  });

  it('GIVEN three days of downtime WHEN the bot starts THEN it posts once for the latest missed day, then keeps its schedule', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    (await world.boot()).configure({ guildId: G1, channelId: CH1, time: '09:00', timezone: 'UTC' });
    await world.clock.advanceTo('2026-05-02T10:00:00Z');
    world.service.stop();
    await world.clock.advanceTo('2026-05-05T12:00:00Z');
    await world.boot();
    expect(dates(world.publisher.posts)).toEqual(['2026-05-02', '2026-05-05']);
    await world.clock.advanceTo('2026-05-06T09:00:00Z');
    expect(dates(world.publisher.posts)).toEqual(['2026-05-02', '2026-05-05', '2026-05-06']);
  });

  it('GIVEN two guilds in Berlin and New York WHEN a day passes THEN each posts at its own 09:00', async () => {
    world = await HighlightsWorld.create('2026-06-01T00:00:00Z');
    const service = await world.boot();
    service.configure({ guildId: G1, channelId: CH1, time: '09:00', timezone: 'Europe/Berlin' });
    service.configure({ guildId: G2, channelId: CH2, time: '09:00', timezone: 'America/New_York', count: 1 });
    await service.tick();
    const postedAt: string[] = [];
    const send = world.publisher.postHighlights.bind(world.publisher);
    world.publisher.postHighlights = (post) => {
      postedAt.push(`${post.guildId === G1 ? 'berlin' : 'new-york'} ${world.clock.now().toISOString()}`);
      return send(post);
    };
    await world.clock.advanceTo('2026-06-02T23:59:00Z');
    expect(postedAt).toEqual([
      'berlin 2026-06-01T07:00:00.000Z', 'new-york 2026-06-01T13:00:00.000Z',
      'berlin 2026-06-02T07:00:00.000Z', 'new-york 2026-06-02T13:00:00.000Z',
    ]);
    expect(world.publisher.posts.find((p) => p.guildId === G2)?.entries).toHaveLength(1);
  });

  it('GIVEN the channel was deleted WHEN the post is due THEN the guild schedule is switched off, the admin told once, nothing crashes', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    const service = await world.boot();
    service.configure({ guildId: G1, channelId: CH1, time: '09:00', timezone: 'UTC' });
    service.configure({ guildId: G2, channelId: CH2, time: '09:00', timezone: 'UTC' });
    const send = world.publisher.postHighlights.bind(world.publisher);
    world.publisher.postHighlights = async (post) => {
      if (post.guildId === G1) world.publisher.failNext = 'channel-gone';
      return send(post);
    };
    await world.clock.advanceTo('2026-05-03T10:00:00Z');
    expect(dates(world.publisher.posts, G2)).toEqual(['2026-05-02', '2026-05-03']);
    expect(dates(world.publisher.posts, G1)).toEqual([]);
    expect(service.status(G1).settings?.enabled).toBe(false);
    expect(service.takeNotice(G1)).toMatch(/no longer exists/);
    expect(service.takeNotice(G1)).toBeUndefined();
  });

  it('GIVEN a transient failure WHEN the post is due THEN it is retried later the same day and posted once', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    (await world.boot()).configure({ guildId: G1, channelId: CH1, time: '09:00', timezone: 'UTC' });
    world.publisher.failNext = 'transient';
    await world.clock.advanceTo('2026-05-02T09:05:00Z');
    expect(world.publisher.posts).toEqual([]);
    await world.clock.advanceTo('2026-05-02T09:30:00Z');
    expect(dates(world.publisher.posts)).toEqual(['2026-05-02']);
  });

  it('GIVEN /highlights now WHEN the scheduled time comes later that day THEN it counted as today\'s post', async () => {
    world = await HighlightsWorld.create('2026-05-02T07:00:00Z');
    const service = await world.boot();
    service.configure({ guildId: G1, channelId: CH1, time: '09:00', timezone: 'UTC' });
    expect(await service.postNow(G1)).toBe('posted');
    expect(await service.postNow(G1)).toBe('already');
    await world.clock.advanceTo('2026-05-02T23:00:00Z');
    expect(dates(world.publisher.posts)).toEqual(['2026-05-02']);
  });
});
