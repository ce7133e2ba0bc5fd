import { ChannelType, PermissionFlagsBits, ThreadAutoArchiveDuration, type Client, type Message, type SendableChannels } from 'discord.js';
import { FootnoteError, isFootnoteError, userMessage } from '../../errors/index.js';
import { answerQuestion } from '../answerQuestion.js';
import type { HandlerContext } from '../context.js';
import { truncate } from '../render/limits.js';
import { note } from '../render/messages.js';
import { replyWithMessages, sendMessages } from '../send.js';

type Route = { kind: 'mention' | 'followup' | 'ask-channel'; question: string };

/** Decides whether a message is a question for the bot, and what the question is. */
function route(message: Message, client: Client<true>, ctx: HandlerContext): Route | undefined {
  if (message.author.bot || !message.inGuild()) return undefined;
  const botId = client.user.id;
  const question = message.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
  if (message.mentions.users.has(botId)) return { kind: 'mention', question };
  if (!question) return undefined; // without MessageContent other messages arrive empty
  if (message.channel.isThread() && ctx.state.conversations.has(message.channelId)) return { kind: 'followup', question };
  if (ctx.config.discord.askChannelIds.includes(message.channelId)) return { kind: 'ask-channel', question };
  return undefined;
}

function canOpenThread(message: Message<true>): boolean {
  const channel = message.channel;
  if (channel.type !== ChannelType.GuildText) return false;
  const me = message.guild.members.me;
  return me !== null && channel.permissionsFor(me).has([PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads]);
}

function threadHint(ctx: HandlerContext): string {
  return ctx.config.discord.messageContentIntent
    ? 'Ask follow-ups right here, no mention needed.'
    : 'Mention me here for follow-ups: I can only read messages that mention me (the Message Content intent is off).';
}

async function answerMessage(message: Message<true>, r: Route, ctx: HandlerContext): Promise<void> {
  const inThread = message.channel.isThread() && ctx.state.conversations.has(message.channelId);
  const history = inThread ? ctx.state.conversations.history(message.channelId) : [];
  await (message.channel as SendableChannels).sendTyping().catch(() => undefined);
  const { answer, messages } = await answerQuestion(ctx, { question: r.question, userId: message.author.id, guildId: message.guildId, channelId: message.channelId, history });
  const turn = { question: r.question, answer: answer.text };
  if (inThread) {
    await replyWithMessages(message, messages);
    ctx.state.conversations.append(message.channelId, turn);
  } else if (canOpenThread(message)) {
    const thread = await message.startThread({ name: truncate(r.question, 100), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
    ctx.state.conversations.append(thread.id, turn);
    await sendMessages(thread, [...messages, note(threadHint(ctx))]);
  } else await replyWithMessages(message, messages);
}

/**
 * The message edge's single catch point: mentions, follow-ups in the bot's threads and messages
 * in ask-channels become questions; failures become a short reply and one log line.
 */
export function createMessageHandler(ctx: HandlerContext) {
  return async (message: Message): Promise<void> => {
    const r = route(message, message.client, ctx);
    if (!r || !message.inGuild()) return;
    const log = ctx.logger.child({ messageId: message.id, guildId: message.guildId, userId: message.author.id, via: r.kind });
    try {
      if (!r.question) throw new FootnoteError('input:empty', 'empty question');
      ctx.limiter.enforce(message.author.id);
      await answerMessage(message, r, ctx);
    } catch (error) {
      const expected = isFootnoteError(error) && error.code !== 'internal';
      log[expected ? 'info' : 'error']({ err: error, code: isFootnoteError(error) ? error.code : undefined }, 'message failed');
      await message.reply(note(userMessage(error))).catch((e: unknown) => log.warn({ err: e }, 'could not reply with the error'));
    }
  };
}
