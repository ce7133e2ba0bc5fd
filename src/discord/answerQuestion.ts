import type { Answer, Turn } from '../answer/types.js';
import { renderAnswer } from './render/answerMessages.js';
import type { OutgoingMessage } from './render/messages.js';
import type { HandlerContext } from './context.js';

export interface QuestionInput {
  question: string;
  userId: string;
  guildId: string | null;
  channelId: string | null;
  history?: Turn[];
  onPartial?: (text: string) => void;
}

export interface AnsweredQuestion {
  answer: Answer;
  answerId: number;
  messages: OutgoingMessage[];
}

/**
 * The one path from a question to rendered messages, shared by /ask, mentions and thread
 * follow-ups: waits for a free answer slot, asks, records the answer for buttons and stats.
 */
export async function answerQuestion(ctx: HandlerContext, input: QuestionInput): Promise<AnsweredQuestion> {
  const assistant = await ctx.assistant();
  const answer = await ctx.gate.run(() => assistant.ask(input.question, { history: input.history, onPartial: input.onPartial }));
  const answerId = ctx.state.usage.recordAnswer({
    guildId: input.guildId, channelId: input.channelId, userId: input.userId, question: input.question,
    abstained: answer.abstained, citations: answer.citations, answeredBy: answer.answeredBy,
  });
  ctx.logger.info(
    { userId: input.userId, guildId: input.guildId, answerId, ms: answer.timings.totalMs, abstained: answer.abstained, paperIds: answer.citations.map((c) => c.id), by: answer.answeredBy },
    'answered',
  );
  return { answer, answerId, messages: renderAnswer(answer, answerId) };
}

/**
 * Turns a stream of partial answers into edits at most every `intervalMs` (Discord rate-limits
 * edits; 1.5 s keeps well inside). The last partial is dropped once `stop` is called.
 */
export function throttledPartials(
  edit: (text: string) => Promise<unknown>,
  intervalMs = 1500,
  now: () => number = Date.now,
): { onPartial: (text: string) => void; stop: () => Promise<void> } {
  let last = -Infinity;
  let pending: Promise<unknown> = Promise.resolve();
  let stopped = false;
  return {
    onPartial(text) {
      const at = now();
      if (stopped || at - last < intervalMs || text.trim() === '') return;
      last = at;
      pending = pending.then(() => (stopped ? undefined : edit(text))).catch(() => undefined);
    },
    async stop() {
      stopped = true;
      await pending;
    },
  };
}
