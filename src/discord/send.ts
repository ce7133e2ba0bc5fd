import { MessageFlags, type Message, type RepliableInteraction, type SendableChannels } from 'discord.js';
import type { OutgoingMessage } from './render/messages.js';

/**
 * Replaces a deferred reply with the first message and sends the rest as follow-ups. Every
 * payload comes from render/ and so carries `allowedMentions: { parse: [] }`.
 */
export async function editWithMessages(interaction: RepliableInteraction, messages: OutgoingMessage[]): Promise<void> {
  const [first, ...rest] = messages;
  if (first) await interaction.editReply({ content: first.content ?? '', embeds: first.embeds ?? [], components: first.components ?? [], allowedMentions: first.allowedMentions });
  const ephemeral = interaction.ephemeral === true;
  for (const m of rest) await interaction.followUp({ ...m, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
}

/** Replies to a user's message (first part) and continues in the same channel. */
export async function replyWithMessages(message: Message, messages: OutgoingMessage[]): Promise<Message[]> {
  const sent: Message[] = [];
  for (const [i, m] of messages.entries()) {
    sent.push(i === 0 ? await message.reply(m) : await (message.channel as SendableChannels).send(m));
  }
  return sent;
}

export async function sendMessages(channel: SendableChannels, messages: OutgoingMessage[]): Promise<Message[]> {
  const sent: Message[] = [];
  for (const m of messages) sent.push(await channel.send(m));
  return sent;
}
