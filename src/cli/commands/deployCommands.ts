import { writeLine, type CliCommand } from '../CliCommand.js';

export const deployCommandsCommand: CliCommand = {
  name: 'deploy-commands',
  summary: 'Register the slash commands with Discord (once, and after updating Footnote)',
  usage: 'deploy-commands [--guild ID]',
  options: { guild: { type: 'string' } },
  async run(ctx, values) {
    const guildId = typeof values.guild === 'string' ? values.guild : ctx.config.discord.guildId;
    const [{ deployCommands }, { inviteUrl }] = await Promise.all([import('../../discord/deployCommands.js'), import('../../discord/permissions.js')]);
    const { scope, count } = await deployCommands(ctx.config, guildId);
    writeLine(
      ctx.io.stdout,
      scope === 'guild'
        ? `Registered ${count} commands in guild ${guildId}; they are available now.`
        : `Registered ${count} global commands; Discord may take up to an hour to show them everywhere.`,
    );
    writeLine(ctx.io.stdout, `Invite the bot with: ${inviteUrl(ctx.config.discord.applicationId as string)}`);
  },
};
