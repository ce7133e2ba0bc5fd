import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessBot, type InProcessBot } from '../../support/discord-sim/inProcessBot.js';
import { WordOverlapAssistant } from '../../support/discord-sim/WordOverlapAssistant.js';

const STRING = 3;
let t: InProcessBot;
const assistant = new WordOverlapAssistant();
const ask = (user: keyof InProcessBot['sim']['fixtures']['users'], question: string) => t.sim.slash(t.sim.fixtures.users[user], 'ask', [{ name: 'question', type: STRING, value: question }]);

beforeAll(async () => {
  t = await startInProcessBot(assistant, { RATE_LIMIT_PER_MINUTE: '3' });
});
afterAll(async () => {
  const unanswered = t.sim.unanswered().map((r) => r.id);
  await t?.stop();
  expect(unanswered).toEqual([]);
});

describe('slash commands, buttons and autocomplete through the simulator', () => {
  it('GIVEN an answer WHEN users click 👍 and 👎 THEN votes are stored once per user and confirmed only to them', async () => {
    const rec = await t.sim.answered(ask('alice', 'What does memorization in language models depend on?'));
    const answerId = Number(/fb:up:(\d+)/.exec(JSON.stringify(rec.original.components))![1]);
    const up = await t.sim.answered(t.sim.click(t.sim.fixtures.users.bob, rec, `fb:up:${answerId}`));
    await t.sim.answered(t.sim.click(t.sim.fixtures.users.alice, rec, `fb:down:${answerId}`));
    await t.sim.answered(t.sim.click(t.sim.fixtures.users.alice, rec, `fb:up:${answerId}`));
    expect(up.callback!.data.flags & 64).toBe(64);
    expect(t.bot.context.state.feedback.forAnswer(answerId)).toEqual({ up: 2, down: 0 });
    const rows = t.db.prepare('SELECT user_id, vote FROM feedback WHERE answer_id = ? ORDER BY user_id').all(answerId);
    expect(rows).toHaveLength(2);
  });

  it('GIVEN an answer WHEN a user clicks Show quotes THEN an ephemeral reply carries each cited sentence', async () => {
    const rec = await t.sim.answered(ask('bob', 'How does Fast Forward reduce FLOPs in low-rank training?'));
    const answerId = /quotes:(\d+)/.exec(JSON.stringify(rec.original.components))![1];
    const quotes = await t.sim.answered(t.sim.click(t.sim.fixtures.users.alice, rec, `quotes:${answerId}`));
    expect(quotes.callback!.data.flags & 64).toBe(64);
    const citations = t.bot.context.state.usage.getAnswer(Number(answerId))!.citations;
    expect(JSON.stringify(quotes.original.embeds)).toContain(`**[1]** “${citations[0]!.quote.slice(0, 30)}`);
  });

  it('GIVEN a typed prefix WHEN /paper autocompletes THEN matching titles come back with ids as values', async () => {
    const rec = t.sim.autocomplete(t.sim.fixtures.users.alice, 'paper', [{ name: 'query', type: STRING, value: 'fast forw', focused: true }]);
    await t.sim.answered(rec);
    expect(rec.callback!.type).toBe(8);
    expect(rec.callback!.data.choices).toEqual([{ name: 'Fast Forwarding Low-Rank Training (2024)', value: 'arxiv:2409.04206' }]);
  });

  it('GIVEN an id from autocomplete WHEN /paper runs THEN a card shows title, authors, year, venue and link', async () => {
    const rec = await t.sim.answered(t.sim.slash(t.sim.fixtures.users.alice, 'paper', [{ name: 'query', type: STRING, value: 'arxiv:2409.04206' }]));
    const [card] = rec.original.embeds;
    expect(card.title).toBe('Fast Forwarding Low-Rank Training');
    expect(card.url).toBe('https://arxiv.org/abs/2409.04206');
    expect(card.fields.map((f: { name: string }) => f.name)).toEqual(['Authors', 'Year', 'Venue', 'Id', 'In short']);
  });

  it('GIVEN a query WHEN /search runs with k=2 THEN two ranked papers come back with scores and links', async () => {
    const rec = await t.sim.answered(t.sim.slash(t.sim.fixtures.users.bob, 'search', [{ name: 'query', type: STRING, value: 'low-rank training compute' }, { name: 'k', type: 4, value: 2 }]));
    const value = rec.original.embeds[0].fields[0].value as string;
    expect(value.split('\n')).toHaveLength(2);
    expect(value).toMatch(/^\*\*1\.\*\* \[Fast Forwarding Low-Rank Training\]\(https:\/\/arxiv\.org\/abs\/2409\.04206\) — .* · score \d+\.\d{3}/);
  });

  it('GIVEN a paper id WHEN /similar runs THEN the paper itself is not among its neighbours', async () => {
    const rec = await t.sim.answered(t.sim.slash(t.sim.fixtures.users.bob, 'similar', [{ name: 'paper', type: STRING, value: 'arxiv:2409.04206' }]));
    expect(rec.original.embeds[0].title).toBe('Papers similar to Fast Forwarding Low-Rank Training');
    expect(rec.original.embeds[0].fields[0].value).toMatch(/^\*\*1\.\*\* \[/);
    expect(JSON.stringify(rec.original.embeds[0].fields)).not.toContain('2409.04206');
  });

  it('GIVEN /papers over ten papers WHEN a stale Next is clicked THEN the message is updated in place to the last real page', async () => {
    const rec = await t.sim.answered(t.sim.slash(t.sim.fixtures.users.alice, 'papers'));
    expect(rec.original.embeds[0].title).toBe('Indexed papers 1–10 of 10');
    expect(rec.original.components[0].components[1].disabled).toBe(true);
    const page = await t.sim.answered(t.sim.click(t.sim.fixtures.users.alice, rec, 'papers:10:Next'));
    expect(page.callback!.type).toBe(6);
    expect(page.edits).toHaveLength(1);
    expect(page.original.embeds[0].title).toBe('Indexed papers 1–10 of 10');
  });

  it('GIVEN a question asking for a long answer WHEN answered THEN it arrives split over messages within every limit', async () => {
    const rec = await t.sim.answered(ask('admin', 'LONG ANSWER: what does Fast Forward do in low-rank training?'));
    await t.sim.waitFor(() => rec.followups.length > 0 && rec.followups.at(-1).components?.length > 0, 10_000, 'the last follow-up with buttons');
    const all = [rec.original, ...rec.followups];
    const text = all.flatMap((m) => m.embeds.map((e: { description?: string }) => e.description ?? '')).join(' ');
    expect(text.length).toBeGreaterThan(6000);
    expect(t.sim.violations).toEqual([]);
  });

  it('GIVEN @everyone in a question WHEN answered THEN nothing pings and the echo is neutralised', async () => {
    const rec = await t.sim.answered(ask('bob', '@everyone what is mechanistic interpretability?'));
    expect(rec.edits.every((e) => JSON.stringify(e.allowed_mentions) === '{"parse":[]}')).toBe(true);
    expect(rec.original.embeds[0].title).toBe('@\u200beveryone what is mechanistic interpretability?');
  });

  it('GIVEN a user over the per-minute limit WHEN they ask again THEN they get a friendly ephemeral note and no answer', async () => {
    for (let i = 0; i < 3; i++) await t.sim.answered(ask('alice', 'What is memorization?')).catch(() => undefined);
    const limited = await t.sim.answered(ask('alice', 'One more about memorization?'));
    expect(limited.callback!.type).toBe(4);
    expect(limited.callback!.data.flags & 64).toBe(64);
    expect(limited.callback!.data.content).toMatch(/3 questions a minute.*Try again in \d+ s/);
  });

  it('GIVEN a member without Manage Server WHEN they run the admin reset THEN they are told no and the counters stay', async () => {
    const before = t.bot.context.state.usage.stats(t.sim.fixtures.guildId).questionsAnswered;
    const denied = await t.sim.answered(t.sim.slash(t.sim.fixtures.users.bob, 'footnote-admin', [{ name: 'reset-stats', type: 1 }]));
    expect(denied.original.content).toBe('Only members with the Manage Server permission can do that.');
    expect(t.bot.context.state.usage.stats(t.sim.fixtures.guildId).questionsAnswered).toBe(before);
    const allowed = await t.sim.answered(t.sim.slash(t.sim.fixtures.users.admin, 'footnote-admin', [{ name: 'reset-stats', type: 1 }]));
    expect(JSON.stringify(allowed.original.embeds)).toContain('start from zero');
    const stats = await t.sim.answered(t.sim.slash(t.sim.fixtures.users.bob, 'footnote', [{ name: 'stats', type: 1 }]));
    expect(JSON.stringify(stats.original.embeds)).toContain('"Questions answered","value":"0');
  });
});
