import { DiscordAPIError, RESTJSONErrorCodes, type Client, type Message, type SendableChannels } from 'discord.js';
import { FootnoteError } from '../errors/index.js';
import type { Digest, HighlightPost, Publisher } from '../highlights/types.js';
import type { Logger } from '../logging/logger.js';
import { renderDigest, renderHighlights } from './render/highlightMessages.js';
import type { OutgoingMessage } from './render/messages.js';

// Codes after which retrying cannot help: the channel is gone or the bot may not post there.
const CHANNEL_LOST = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
]);

function channelLost(channelId: string, error?: unknown): FootnoteError {
  const why = error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel ? 'was deleted' : 'cannot be posted in (missing permission)';
  return new FootnoteError('highlights:channel_unavailable', `the highlights channel <#${channelId}> ${why}`, { channelId, code: error instanceof DiscordAPIError ? error.code : undefined }, { cause: error });
}

async function sendableChannel(client: Client, channelId: string): Promise<SendableChannels> {
  try {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw channelLost(channelId);
    return channel;
  } catch (error) {
    if (error instanceof DiscordAPIError && CHANNEL_LOST.has(Number(error.code))) throw channelLost(channelId, error);
    throw error;
  }
}

async function sendAll(channel: SendableChannels, messages: OutgoingMessage[], nonce?: string): Promise<Message[]> {
  const sent: Message[] = [];
  for (const [i, m] of messages.entries()) {
    // A nonce with enforceNonce makes Discord drop a repeat of the first message, should a crash
    // land between its send and the ledger's "posted".
    sent.push(await channel.send(i === 0 && nonce ? { ...m, nonce, enforceNonce: true } : m));
  }
  return sent;
}

/** The `Publisher` the highlights post through: renders with render/, sends with discord.js. */
export function createHighlightsPublisher(client: Client, logger: Logger): Publisher {
  return {
    async postHighlights(post: HighlightPost) {
      const channel = await sendableChannel(client, post.channelId);
      let sent: Message[];
      try {
        sent = await sendAll(channel, renderHighlights(post), post.nonce);
      } catch (error) {
        if (error instanceof DiscordAPIError && CHANNEL_LOST.has(Number(error.code))) throw channelLost(post.channelId, error);
        throw error;
      }
      const first = sent[0] as Message;
      if ('threads' in channel && !channel.isThread()) {
        await first.startThread({ name: `Highlights ${post.date}`, autoArchiveDuration: 1440 }).catch((error: unknown) => {
          logger.info({ guildId: post.guildId, channelId: post.channelId, err: error }, 'no discussion thread for the highlights (not allowed here)');
        });
      }
      return { messageId: first.id };
    },
    async sendDigest(digest: Digest) {
      const messages = renderDigest(digest);
      if (digest.target.kind === 'user') {
        const user = await client.users.fetch(digest.target.id);
        for (const m of messages) await user.send(m);
        return;
      }
      await sendAll(await sendableChannel(client, digest.target.id), messages);
    },
  };
}
