import { REST, Routes } from 'discord.js';
import type { Config } from '../config/index.js';
import { FootnoteError } from '../errors/index.js';
import { commandDefinitions } from './commands/index.js';
import { restOptions } from './startBot.js';

/**
 * Registers the slash commands: in one guild (instant, for development) or globally (can take
 * up to an hour to appear). A separate step, never done at every start.
 */
export async function deployCommands(config: Config, guildId?: string): Promise<{ scope: 'guild' | 'global'; count: number }> {
  const { token, applicationId } = config.discord;
  if (!token || !applicationId) throw new FootnoteError('config:invalid', 'deploy-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID in .env');
  const rest = new REST(restOptions(config.discord.apiBase)).setToken(token);
  const body = commandDefinitions();
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, { body })) as unknown[];
  return { scope: guildId ? 'guild' : 'global', count: result.length };
}
