import { FootnoteError } from '../../errors/index.js';
import { renderQuotes } from '../render/answerMessages.js';
import { note } from '../render/messages.js';
import { editWithMessages } from '../send.js';
import type { HandlerContext } from '../context.js';
import type { ButtonHandler } from './ButtonHandler.js';

function storedAnswer(ctx: HandlerContext, rawId: string | undefined) {
  const answer = ctx.state.usage.getAnswer(Number(rawId));
  if (!answer) throw new FootnoteError('internal', 'button for an unknown answer', { answerId: rawId });
  return answer;
}

/** 👍 / 👎 under an answer: one vote per user and answer, the latest click wins. */
export const feedbackButton: ButtonHandler = {
  prefix: 'fb',
  ack: 'ephemeral',
  async execute(interaction, [direction, rawId], ctx) {
    const answer = storedAnswer(ctx, rawId);
    ctx.state.feedback.vote(answer.id, interaction.user.id, direction === 'up' ? 1 : -1);
    ctx.logger.info({ answerId: answer.id, userId: interaction.user.id, vote: direction }, 'feedback');
    await editWithMessages(interaction, [note(direction === 'up' ? 'Thanks, noted as helpful.' : 'Thanks, noted as not helpful. Rephrasing or /search may find better papers.')]);
  },
};

/** "Show quotes": the sentence of each cited abstract that supports the answer, to the clicker only. */
export const quotesButton: ButtonHandler = {
  prefix: 'quotes',
  ack: 'ephemeral',
  async execute(interaction, [rawId], ctx) {
    await editWithMessages(interaction, renderQuotes(storedAnswer(ctx, rawId).citations));
  },
};
