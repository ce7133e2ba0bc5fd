import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { COLOURS, packEmbeds } from '../render/messages.js';
import { editWithMessages } from '../send.js';
import { MANAGE_GUILD, requireManageGuild } from '../permissions.js';
import type { HandlerContext } from '../context.js';
import type { SlashCommand } from './SlashCommand.js';

export const footnoteDefinition = {
  name: 'footnote',
  description: 'About Footnote: how to use it, and usage statistics.',
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'help', description: 'How to ask Footnote about papers' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'stats', description: 'Papers indexed, questions answered, feedback' },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const footnoteAdminDefinition = {
  name: 'footnote-admin',
  description: 'Footnote settings for server managers.',
  default_member_permissions: MANAGE_GUILD,
  contexts: [0],
  options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'reset-stats', description: 'Start this server’s usage counters from zero' }],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function helpText(ctx: HandlerContext): string {
  const followUps = ctx.config.discord.messageContentIntent
    ? 'In a thread I opened, just write your follow-up; no mention needed.'
    : 'In a thread I opened, mention me for each follow-up (this bot runs without the Message Content intent, so I only read messages that mention me).';
  return [
    '**Ask** `/ask question`, or mention me with your question. Every sentence of an answer cites its paper as `[n]`; the Sources list has the links. When the abstracts do not answer it, I say so.',
    `**Follow up** ${followUps}`,
    '**Find papers** `/search query`, `/paper` (type to pick a title, author or id), `/similar paper`, `/papers` to browse.',
    '**Feedback** 👍 / 👎 under an answer; "Show quotes" shows the sentence behind each citation.',
  ].join('\n\n');
}

export const footnoteCommand: SlashCommand = {
  definition: footnoteDefinition,
  ephemeral: (i) => i.options.getSubcommand() === 'help',
  async execute(interaction, ctx) {
    if (interaction.options.getSubcommand() === 'help') {
      await editWithMessages(interaction, packEmbeds([{ title: 'Footnote', description: helpText(ctx), color: COLOURS.answer }]));
      return;
    }
    const assistant = await ctx.assistant();
    const s = ctx.state.usage.stats(interaction.guildId);
    const fields = [
      { name: 'Papers indexed', value: String(assistant.stats().papers), inline: true },
      { name: 'Questions answered', value: `${s.questionsAnswered} (${s.abstained} without a grounded answer)`, inline: true },
      { name: 'Feedback', value: `👍 ${s.helpful} · 👎 ${s.unhelpful}`, inline: true },
    ];
    await editWithMessages(interaction, packEmbeds([{ title: 'Footnote statistics', color: COLOURS.answer, fields, footer: { text: s.since ? `Counting since ${s.since}` : 'Counting since the start' } }]));
  },
};

export const footnoteAdminCommand: SlashCommand = {
  definition: footnoteAdminDefinition,
  ephemeral: true,
  async execute(interaction, ctx) {
    requireManageGuild(interaction);
    ctx.state.usage.resetStats(interaction.guildId as string);
    ctx.logger.info({ guildId: interaction.guildId, userId: interaction.user.id }, 'stats reset');
    await editWithMessages(interaction, packEmbeds([{ description: 'Usage counters for this server start from zero now.', color: COLOURS.answer }]));
  },
};
