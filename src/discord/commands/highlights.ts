import { ApplicationCommandOptionType, ChannelType, type ChatInputCommandInteraction, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { FootnoteError } from '../../errors/index.js';
import type { HighlightsService } from '../../highlights/HighlightsService.js';
import { suggestTimeZones } from '../../highlights/schedule.js';
import type { HandlerContext } from '../context.js';
import { MANAGE_GUILD, requireManageGuild } from '../permissions.js';
import { renderHighlights } from '../render/highlightMessages.js';
import { COLOURS, packEmbeds } from '../render/messages.js';
import { editWithMessages } from '../send.js';
import type { SlashCommand } from './SlashCommand.js';

declare module '../context.js' {
  interface ExtraServices {
    /** Daily highlights and subscriptions; absent when the bot runs without them. */
    highlights?: HighlightsService;
  }
}

export const TEXT_CHANNELS: [ChannelType.GuildText, ChannelType.GuildAnnouncement] = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

export const highlightsDefinition = {
  name: 'highlights',
  description: 'Daily paper highlights for this server.',
  default_member_permissions: MANAGE_GUILD,
  contexts: [0],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand, name: 'set', description: 'Post highlights every day in a channel at a local time',
      options: [
        { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Where to post', required: true, channel_types: TEXT_CHANNELS },
        { type: ApplicationCommandOptionType.String, name: 'time', description: 'Local time, 24-hour HH:MM (e.g. 09:00)', required: true, min_length: 4, max_length: 5 },
        { type: ApplicationCommandOptionType.String, name: 'timezone', description: 'IANA time zone, e.g. Europe/Berlin', required: true, autocomplete: true },
        { type: ApplicationCommandOptionType.Integer, name: 'count', description: 'Papers per post (1–10)', min_value: 1, max_value: 10 },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'off', description: 'Stop the daily highlights' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'show', description: 'Current settings and the next post time' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'preview', description: 'What the next post would be (only you see it)' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'now', description: 'Post today’s highlights now (counts as today’s)' },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The highlights service from the handler context; a bot started without it says so. */
export function highlightsService(ctx: HandlerContext): HighlightsService {
  const service = ctx.services.highlights;
  if (!service) throw new FootnoteError('highlights:invalid_setting', 'Highlights are not enabled on this bot.');
  return service;
}

const when = (d: Date) => `<t:${Math.floor(d.getTime() / 1000)}:F> (<t:${Math.floor(d.getTime() / 1000)}:R>)`;
const reply = (interaction: ChatInputCommandInteraction, text: string, notice?: string) =>
  editWithMessages(interaction, packEmbeds([{ description: notice ? `⚠️ ${notice}\n\n${text}` : text, color: COLOURS.answer }]));

async function set(interaction: ChatInputCommandInteraction, service: HighlightsService, guildId: string): Promise<string> {
  const channel = interaction.options.getChannel('channel', true);
  const time = interaction.options.getString('time', true).trim().padStart(5, '0');
  const timezone = interaction.options.getString('timezone', true).trim();
  const count = interaction.options.getInteger('count') ?? undefined;
  const { settings, nextRun } = service.configure({ guildId, channelId: channel.id, time, timezone, count });
  return `Highlights: ${settings.count} paper${settings.count === 1 ? '' : 's'} in <#${settings.channelId}> every day at ${settings.time} ${settings.timezone}.\nNext post: ${when(nextRun)}.`;
}

function show(service: HighlightsService, guildId: string): string {
  const { settings, nextRun, lastRun } = service.status(guildId);
  if (!settings) return 'Highlights are not set up here. Use `/highlights set`.';
  const state = settings.enabled ? `on: ${settings.count} papers in <#${settings.channelId}> at ${settings.time} ${settings.timezone}` : `off${settings.disabledReason ? ` (${settings.disabledReason})` : ''}`;
  const today = lastRun ? `Today: ${lastRun.status}${lastRun.error ? ` (${lastRun.error.slice(0, 200)})` : ''}.` : 'Today: not posted yet.';
  return [`Highlights are ${state}.`, nextRun ? `Next post: ${when(nextRun)}.` : '', today].filter(Boolean).join('\n');
}

const NOW_TEXT = {
  posted: 'Posted today’s highlights.',
  already: 'Today’s highlights were already posted.',
  empty: 'There are no papers to highlight yet.',
  disabled: 'I could not post in the highlights channel, so the schedule is now off. Pick another channel with `/highlights set`.',
  retry: 'Posting failed for now; I will retry in a few minutes.',
} as const;

export const highlightsCommand: SlashCommand = {
  definition: highlightsDefinition,
  ephemeral: true,
  async execute(interaction, ctx) {
    requireManageGuild(interaction);
    const service = highlightsService(ctx);
    const guildId = interaction.guildId as string;
    const notice = service.takeNotice(guildId);
    const sub = interaction.options.getSubcommand();
    ctx.logger.info({ guildId, userId: interaction.user.id, sub }, 'highlights command');
    if (sub === 'set') return reply(interaction, await set(interaction, service, guildId), notice);
    if (sub === 'off') return reply(interaction, service.disable(guildId) ? 'Daily highlights are off.' : 'Daily highlights were not on.', notice);
    if (sub === 'show') return reply(interaction, show(service, guildId), notice);
    if (sub === 'preview') return editWithMessages(interaction, renderHighlights(service.preview(guildId)));
    return reply(interaction, NOW_TEXT[await service.postNow(guildId)], notice);
  },
  async autocomplete(interaction) {
    return suggestTimeZones(String(interaction.options.getFocused())).map((z) => ({ name: z, value: z }));
  },
};
