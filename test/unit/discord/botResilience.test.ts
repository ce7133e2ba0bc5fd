import { afterEach, describe, expect, it } from 'vitest';
import type { Assistant } from '../../../src/answer/Assistant.js';
import type { AskOptions } from '../../../src/answer/types.js';
import { throttledPartials } from '../../../src/discord/answerQuestion.js';
import { FootnoteError } from '../../../src/errors/index.js';
import { startInProcessBot, type InProcessBot } from '../../support/discord-sim/inProcessBot.js';
import { WordOverlapAssistant } from '../../support/discord-sim/WordOverlapAssistant.js';

let t: InProcessBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});
const askOption = (value: string) => [{ name: 'question', type: 3, value }];

class StreamingAssistant extends WordOverlapAssistant {
  override async ask(question: string, options?: AskOptions) {
    for (const partial of ['Fast Forward', 'Fast Forward repeats the last optimizer step']) options?.onPartial?.(partial);
    return super.ask(question, options);
  }
}

describe('streaming, cold starts and failures', () => {
  it('GIVEN partials every 500 ms WHEN throttled at 1.5 s THEN only every third one becomes an edit', async () => {
    let clock = 0;
    const edits: string[] = [];
    const stream = throttledPartials(async (text) => void edits.push(text), 1500, () => clock);
    for (let i = 0; i < 7; i++, clock += 500) {
      stream.onPartial(`partial ${i}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await stream.stop();
    stream.onPartial('after stop');
    expect(edits).toEqual(['partial 0', 'partial 3', 'partial 6']);
  });

  it('GIVEN streaming edits on WHEN the model streams THEN the reply shows the partial, then the final embed replaces it', async () => {
    t = await startInProcessBot(new StreamingAssistant(), { STREAM_EDITS: 'true' });
    const rec = t.sim.slash(t.sim.fixtures.users.alice, 'ask', askOption('What does Fast Forward do?'));
    await t.sim.waitFor(() => rec.edits.length >= 2 && rec.original.embeds?.length > 0, 10_000, 'the final edit');
    expect(rec.edits[0].content).toBe('Fast Forward …');
    expect(rec.original.content).toBe('');
    expect(t.sim.violations).toEqual([]);
  });

  it('GIVEN the index still loading WHEN /ask arrives THEN it is acknowledged at once and answered when the index is ready', async () => {
    let ready!: (a: Assistant) => void;
    t = await startInProcessBot(new Promise<Assistant>((resolve) => (ready = resolve)));
    const rec = t.sim.slash(t.sim.fixtures.users.alice, 'ask', askOption('What does Fast Forward do?'));
    await t.sim.waitFor(() => rec.callback, 5000, 'the acknowledgement');
    expect(rec.callback!.type).toBe(5);
    expect(rec.edits).toEqual([]);
    ready(new WordOverlapAssistant());
    await t.sim.answered(rec);
    expect(JSON.stringify(rec.original.embeds)).toContain('Fast Forwarding');
  });

  it('GIVEN the answer fails WHEN /ask was deferred publicly THEN the thinking reply is removed and only the asker sees a short error', async () => {
    const failing = new WordOverlapAssistant();
    failing.ask = async () => {
      throw new FootnoteError('llm:timeout', 'model took 20000 ms', { model: 'x' });
    };
    t = await startInProcessBot(failing);
    const rec = t.sim.slash(t.sim.fixtures.users.bob, 'ask', askOption('anything?'));
    await t.sim.waitFor(() => rec.followups.length > 0, 10_000, 'the error follow-up');
    expect(rec.deleted).toBe(true);
    expect(rec.followups[0].flags & 64).toBe(64);
    expect(rec.followups[0].content).toBe('The language model took too long to answer; try again in a moment.');
    expect(t.sim.unanswered()).toEqual([]);
  });

  it('GIVEN an unexpected error in a mention WHEN answering THEN the user gets the generic message and no details', async () => {
    const failing = new WordOverlapAssistant();
    failing.ask = async () => {
      throw new Error('secret internal detail /etc/passwd');
    };
    t = await startInProcessBot(failing);
    const q = t.sim.say(t.sim.fixtures.users.bob, t.sim.fixtures.channels.noThreads.id, 'what is this?', { mentionBot: true });
    const [reply] = await t.sim.waitFor(() => { const r = t!.sim.repliesTo(q); return r.length ? r : undefined; }, 10_000, 'the error reply');
    expect(reply!.content).toBe('Something went wrong on my side. The details are in the log.');
  });
});
