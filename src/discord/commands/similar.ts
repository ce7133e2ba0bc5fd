import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { renderSimilarPapers } from '../render/paperMessages.js';
import { editWithMessages } from '../send.js';
import { resolvePaper } from './paper.js';
import { paperChoices } from './paperChoices.js';
import type { SlashCommand } from './SlashCommand.js';

export const similarDefinition = {
  name: 'similar',
  description: 'Papers nearest to a given paper in the index.',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'paper', description: 'Title, author or id', required: true, autocomplete: true },
    { type: ApplicationCommandOptionType.Integer, name: 'k', description: 'How many (default 5)', min_value: 1, max_value: 20 },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const similarCommand: SlashCommand = {
  definition: similarDefinition,
  async execute(interaction, ctx) {
    const assistant = await ctx.assistant();
    const paper = resolvePaper(assistant, interaction.options.getString('paper', true));
    const ranked = await assistant.similar(paper.id, interaction.options.getInteger('k') ?? 5);
    await editWithMessages(interaction, renderSimilarPapers(paper, ranked));
  },
  autocomplete: paperChoices,
};
