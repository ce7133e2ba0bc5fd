import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { escapeUserText } from '../render/escapeUserText.js';
import { renderRankedPapers } from '../render/paperMessages.js';
import { editWithMessages } from '../send.js';
import type { SlashCommand } from './SlashCommand.js';

export const searchDefinition = {
  name: 'search',
  description: 'Ranked papers for a query, with scores and links.',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'query', description: 'What to look for', required: true, max_length: 500 },
    { type: ApplicationCommandOptionType.Integer, name: 'k', description: 'How many (default 5)', min_value: 1, max_value: 20 },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const searchCommand: SlashCommand = {
  definition: searchDefinition,
  rateLimited: true,
  async execute(interaction, ctx) {
    const query = interaction.options.getString('query', true);
    const assistant = await ctx.assistant();
    const ranked = await ctx.gate.run(() => assistant.search(query, { k: interaction.options.getInteger('k') ?? 5 }));
    await editWithMessages(interaction, renderRankedPapers(`Search: ${escapeUserText(query)}`, ranked));
  },
};
