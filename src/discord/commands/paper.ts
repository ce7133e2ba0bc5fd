import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { FootnoteError } from '../../errors/index.js';
import { renderPaperCard } from '../render/paperMessages.js';
import { editWithMessages } from '../send.js';
import { paperChoices } from './paperChoices.js';
import type { SlashCommand } from './SlashCommand.js';
import type { Assistant } from '../../answer/Assistant.js';
import type { Paper } from '../../corpus/Paper.js';

export const paperDefinition = {
  name: 'paper',
  description: 'Show a paper: title, authors, year, venue, link, abstract and a short summary.',
  options: [{ type: ApplicationCommandOptionType.String, name: 'query', description: 'Title, author or id', required: true, autocomplete: true }],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The id chosen from autocomplete, or the best match for whatever was typed. */
export function resolvePaper(assistant: Assistant, query: string): Paper {
  const paper = assistant.getPaper(query) ?? assistant.suggestPapers(query, 1)[0];
  if (!paper) throw new FootnoteError('not_found:paper', `No indexed paper matches "${query.slice(0, 100)}". Try /search.`, { query });
  return paper;
}

export const paperCommand: SlashCommand = {
  definition: paperDefinition,
  async execute(interaction, ctx) {
    const assistant = await ctx.assistant();
    const paper = resolvePaper(assistant, interaction.options.getString('query', true));
    // A configured model writes the card's summary (checked against the abstract); else the extractive one.
    const summary = assistant.summarizeAsync ? await assistant.summarizeAsync(paper) : assistant.summarize(paper);
    await editWithMessages(interaction, renderPaperCard(paper, summary));
  },
  autocomplete: paperChoices,
};
