import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/cli/CliCommand.js';
import { highlightCommand } from '../../../src/cli/commands/highlight.js';
import { loadConfig } from '../../../src/config/index.js';
import type { App } from '../../../src/main.js';
import { HighlightsWorld, quietLogger, summarize } from '../../support/highlights/highlightsFixture.js';

let world: HighlightsWorld;
afterEach(() => world?.close());

/** Runs the command as `runCli` would, over the world's library and data dir (createApp is the lead's). */
async function run(values: Record<string, unknown>) {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c) => (text += String(c)));
  const config = { ...loadConfig({ FOOTNOTE_DATA_DIR: world.dir, HIGHLIGHTS_COUNT: '2' }) };
  const app = { config, logger: quietLogger, library: world.library, assistant: { summarize } } as unknown as App;
  const ctx: CliContext = { config, logger: quietLogger, io: { stdout: out, stderr: new PassThrough(), stdin: new PassThrough() }, app: async () => app };
  await highlightCommand.run(ctx, values as never, []);
  return text;
}

describe('footnote highlight', () => {
  it('GIVEN a configured guild WHEN run with --json THEN it prints the same entries the next post will carry, and posts nothing', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    const service = await world.boot();
    service.configure({ guildId: '100000000000000001', channelId: '200000000000000001', time: '09:00', timezone: 'UTC', count: 2 });
    const printed = JSON.parse(await run({ json: true, guild: '100000000000000001', date: '2026-05-02' }));
    expect(Object.keys(printed)).toEqual(['date', 'guild', 'entries']);
    expect(printed).toMatchObject({ date: '2026-05-02', guild: '100000000000000001' });
    expect(Object.keys(printed.entries[0])).toEqual(['id', 'title', 'authors', 'year', 'url', 'summary', 'quote']);
    await world.clock.advanceTo('2026-05-02T09:00:00Z');
    expect(world.publisher.posts[0]?.entries.map((e) => e.id)).toEqual(printed.entries.map((e: { id: string }) => e.id));
  });

  it('GIVEN no guild settings WHEN run as text THEN the .env defaults are used and each entry shows title, link and key finding', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    const text = await run({ date: '2026-05-02' });
    expect(text).toMatch(/^Highlights for 2026-05-02 \(guild default\): 2 papers/);
    expect(text).toMatch(/https:\/\/arxiv\.org\/abs\//);
    expect(text).toMatch(/Key finding: "/);
  });

  it('GIVEN a malformed --date WHEN run THEN it is a usage error', async () => {
    world = await HighlightsWorld.create('2026-05-01T10:00:00Z');
    await expect(run({ date: '02/05/2026' })).rejects.toThrow(/--date/);
  });
});
