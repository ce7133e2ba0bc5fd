import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { renderPapersPage } from '../render/paperMessages.js';
import { editWithMessages } from '../send.js';
import type { SlashCommand } from './SlashCommand.js';

export const PAPERS_PAGE_SIZE = 10;

export const papersDefinition = {
  name: 'papers',
  description: 'Browse the indexed papers, newest first.',
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const papersCommand: SlashCommand = {
  definition: papersDefinition,
  async execute(interaction, ctx) {
    const assistant = await ctx.assistant();
    await editWithMessages(interaction, [renderPapersPage(assistant.listPapers(0, PAPERS_PAGE_SIZE), 0, PAPERS_PAGE_SIZE)]);
  },
};
