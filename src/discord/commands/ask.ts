import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerQuestion, throttledPartials } from '../answerQuestion.js';
import { note } from '../render/messages.js';
import { editWithMessages } from '../send.js';
import type { SlashCommand } from './SlashCommand.js';

export const askDefinition = {
  name: 'ask',
  description: 'Ask a question about the indexed papers; the answer cites its sources.',
  options: [{ type: ApplicationCommandOptionType.String, name: 'question', description: 'Your question', required: true, max_length: 1000 }],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const askCommand: SlashCommand = {
  definition: askDefinition,
  rateLimited: true,
  async execute(interaction, ctx) {
    const question = interaction.options.getString('question', true);
    const stream = ctx.config.llm.streamEdits ? throttledPartials((text) => interaction.editReply(note(`${text} …`))) : undefined;
    const result = await answerQuestion(ctx, {
      question, userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId, onPartial: stream?.onPartial,
    }).finally(() => stream?.stop());
    await editWithMessages(interaction, result.messages);
  },
};
