import { afterEach, describe, expect, it } from 'vitest';
import { startInProcessBot, type InProcessBot } from '../../support/discord-sim/inProcessBot.js';
import { WordOverlapAssistant } from '../../support/discord-sim/WordOverlapAssistant.js';

let t: InProcessBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('mentions, threads and reconnects through the simulator', () => {
  it('GIVEN no MessageContent intent WHEN a user mentions the bot THEN it opens a thread, answers there, and a mentioned follow-up carries the history', async () => {
    const assistant = new WordOverlapAssistant();
    t = await startInProcessBot(assistant);
    const { sim } = t;
    const question = sim.say(sim.fixtures.users.alice, sim.fixtures.channels.general.id, 'what did the Fast Forward paper find?', { mentionBot: true });
    await sim.waitFor(() => question.thread && sim.botMessagesIn(question.thread.id).length >= 2, 10_000, 'an answer in a new thread');
    const [answer, hint] = sim.botMessagesIn(question.thread!.id);
    expect(JSON.stringify(answer!.embeds)).toContain('Fast Forwarding Low-Rank Training');
    expect(hint!.content).toContain('Mention me here for follow-ups');

    sim.say(sim.fixtures.users.alice, question.thread!.id, 'and how much compute did it save?');
    const followUp = sim.say(sim.fixtures.users.alice, question.thread!.id, 'and how much compute did it save?', { mentionBot: true });
    await sim.waitFor(() => sim.repliesTo(followUp).length > 0, 10_000, 'a follow-up answer');
    expect(assistant.asked).toHaveLength(2);
    expect(assistant.asked[1]!.options!.history).toEqual([{ question: 'what did the Fast Forward paper find?', answer: expect.stringContaining('[1]') }]);
    expect(sim.violations).toEqual([]);
  });

  it('GIVEN MessageContent and an ask-channel WHEN users write without mentions THEN thread follow-ups and ask-channel messages are answered', async () => {
    const assistant = new WordOverlapAssistant();
    t = await startInProcessBot(assistant, (s) => ({ MESSAGE_CONTENT_INTENT: 'true', ASK_CHANNEL_IDS: s.fixtures.channels.ask.id }));
    const { sim } = t;
    expect(sim.intents).toBe(1 | 512 | 32768);
    const question = sim.say(sim.fixtures.users.bob, sim.fixtures.channels.general.id, 'what is memorization in language models?', { mentionBot: true });
    await sim.waitFor(() => question.thread && sim.botMessagesIn(question.thread.id).length >= 2, 10_000, 'an answer in a new thread');
    const followUp = sim.say(sim.fixtures.users.bob, question.thread!.id, 'and what about recitation?');
    await sim.waitFor(() => sim.repliesTo(followUp).length > 0, 10_000, 'an unmentioned follow-up answer');
    sim.say(sim.fixtures.users.bob, sim.fixtures.channels.general.id, 'just chatting about benchmarks, not a question for the bot');
    const inAskChannel = sim.say(sim.fixtures.users.bob, sim.fixtures.channels.ask.id, 'what are benchmarks as microscopes?');
    await sim.waitFor(() => inAskChannel.thread && sim.botMessagesIn(inAskChannel.thread.id).length > 0, 10_000, 'an ask-channel answer');
    expect(assistant.asked.map((a) => a.question)).toEqual(['what is memorization in language models?', 'and what about recitation?', 'what are benchmarks as microscopes?']);
    expect(assistant.asked[1]!.options!.history).toHaveLength(1);
  });

  it('GIVEN a channel where the bot may not open threads WHEN mentioned THEN it replies to the message instead', async () => {
    t = await startInProcessBot(new WordOverlapAssistant());
    const { sim } = t;
    const question = sim.say(sim.fixtures.users.bob, sim.fixtures.channels.noThreads.id, 'what is mechanistic interpretability?', { mentionBot: true });
    const [reply] = await sim.waitFor(() => { const r = sim.repliesTo(question); return r.length > 0 ? r : undefined; }, 10_000, 'a reply');
    expect(reply!.message_reference!.message_id).toBe(question.id);
    expect(reply!.body.allowed_mentions).toEqual({ parse: [] });
    expect(question.thread).toBeUndefined();
  });

  it('GIVEN a dropped gateway connection WHEN an interaction is dispatched meanwhile THEN the bot resumes the session and answers it', async () => {
    t = await startInProcessBot(new WordOverlapAssistant());
    const { sim } = t;
    sim.disconnect(4000);
    const rec = sim.slash(sim.fixtures.users.alice, 'footnote', [{ name: 'help', type: 1 }]);
    await sim.answered(rec);
    expect(sim.stats).toMatchObject({ identifies: 1, resumes: 1, connected: true });
    expect(JSON.stringify(rec.original.embeds)).toContain('/ask');
    expect(sim.violations).toEqual([]);
  });

  it('GIVEN an interaction nobody acknowledges WHEN 3 s pass THEN the simulator records the breach', async () => {
    const { DiscordSimulator } = await import('../../support/discord-sim/DiscordSimulator.js');
    const sim = await DiscordSimulator.start({ ackDeadlineMs: 200 });
    try {
      const ws = await import('ws');
      const socket = new ws.WebSocket(`ws://127.0.0.1:${sim.port}/?v=10&encoding=json`);
      await new Promise((resolve) => socket.once('message', resolve));
      socket.send(JSON.stringify({ op: 2, d: { token: sim.token, intents: 513, properties: {} } }));
      await sim.waitFor(() => sim.stats.identifies === 1, 5000, 'identify');
      const rec = sim.slash(sim.fixtures.users.alice, 'ask', [{ name: 'question', type: 3, value: 'anyone there?' }]);
      await sim.waitFor(() => sim.violations.length > 0, 5000, 'the breach');
      expect(sim.violations).toEqual([`interaction ${rec.id} (type 2) not acknowledged within 200 ms`]);
      expect(sim.unanswered()).toEqual([rec]);
      socket.close();
    } finally {
      await sim.stop();
    }
  });
});
