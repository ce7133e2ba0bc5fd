import { ApplicationCommandOptionType, type ChatInputCommandInteraction, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { SubscriberKind } from '../../state/subscriptionsRepo.js';
import { requireManageGuild } from '../permissions.js';
import { escapeUserText } from '../render/escapeUserText.js';
import { COLOURS, packEmbeds } from '../render/messages.js';
import { editWithMessages } from '../send.js';
import { highlightsService, TEXT_CHANNELS } from './highlights.js';
import type { SlashCommand } from './SlashCommand.js';

const topicOption = (autocomplete: boolean) =>
  ({ type: ApplicationCommandOptionType.String, name: 'topic', description: 'A topic, e.g. mechanistic interpretability', required: true, max_length: 100, autocomplete }) as const;
const channelOption = { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'For a channel instead of yourself (Manage Server)', channel_types: TEXT_CHANNELS } as const;

export const subscribeDefinition = {
  name: 'subscribe',
  description: 'Get new papers on a topic: by DM once a day, or in a channel’s daily highlights.',
  contexts: [0],
  options: [topicOption(false), channelOption],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const unsubscribeDefinition = {
  name: 'unsubscribe',
  description: 'Stop following a topic.',
  contexts: [0],
  options: [topicOption(true), channelOption],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const subscriptionsDefinition = {
  name: 'subscriptions',
  description: 'The topics you and this server’s channels follow.',
  contexts: [0],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Yourself by default; a channel only for members who may manage the server (checked here too). */
function subscriber(interaction: ChatInputCommandInteraction): { kind: SubscriberKind; targetId: string; label: string } {
  const channel = interaction.options.getChannel('channel');
  if (!channel) return { kind: 'user', targetId: interaction.user.id, label: 'you (by DM, once a day)' };
  requireManageGuild(interaction);
  return { kind: 'channel', targetId: channel.id, label: `<#${channel.id}>` };
}

const say = (interaction: ChatInputCommandInteraction, text: string) => editWithMessages(interaction, packEmbeds([{ description: text, color: COLOURS.answer }]));

export const subscribeCommand: SlashCommand = {
  definition: subscribeDefinition,
  ephemeral: true,
  async execute(interaction, ctx) {
    const who = subscriber(interaction);
    const topic = interaction.options.getString('topic', true);
    const added = highlightsService(ctx).subscribe({ guildId: interaction.guildId as string, ...who, topic, createdBy: interaction.user.id });
    const shown = `“${escapeUserText(topic.trim())}”`;
    await say(interaction, added ? `Subscribed ${who.label} to ${shown}: new papers on it will arrive with the daily highlights.` : `${who.label} already follow${who.kind === 'user' ? '' : 's'} ${shown}.`);
  },
};

export const unsubscribeCommand: SlashCommand = {
  definition: unsubscribeDefinition,
  ephemeral: true,
  async execute(interaction, ctx) {
    const who = subscriber(interaction);
    const topic = interaction.options.getString('topic', true);
    const removed = highlightsService(ctx).unsubscribe(interaction.guildId as string, who.kind, who.targetId, topic);
    await say(interaction, removed ? `Unsubscribed from “${escapeUserText(topic.trim())}”.` : `No subscription to “${escapeUserText(topic.trim())}” found.`);
  },
  async autocomplete(interaction, ctx) {
    const typed = String(interaction.options.getFocused()).toLowerCase();
    const mine = highlightsService(ctx).subscriptions(interaction.guildId as string).filter((s) => s.kind === 'channel' || s.targetId === interaction.user.id);
    return [...new Set(mine.map((s) => s.topic))].filter((t) => t.toLowerCase().includes(typed)).slice(0, 25).map((t) => ({ name: t.slice(0, 100), value: t }));
  },
};

export const subscriptionsCommand: SlashCommand = {
  definition: subscriptionsDefinition,
  ephemeral: true,
  async execute(interaction, ctx) {
    const all = highlightsService(ctx).subscriptions(interaction.guildId as string);
    const yours = all.filter((s) => s.kind === 'user' && s.targetId === interaction.user.id).map((s) => `• ${escapeUserText(s.topic)}`);
    const channels = all.filter((s) => s.kind === 'channel').map((s) => `• ${escapeUserText(s.topic)} → <#${s.targetId}>`);
    const text = [`**Your topics** (by DM)\n${yours.join('\n') || 'none yet: `/subscribe topic`'}`, `**Channel topics**\n${channels.join('\n') || 'none'}`].join('\n\n');
    await say(interaction, text.slice(0, 4000));
  },
};
