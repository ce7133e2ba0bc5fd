import { PermissionFlagsBits, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { FootnoteError } from '../errors/index.js';

/** `default_member_permissions` for admin commands: Manage Server, as a decimal string. */
export const MANAGE_GUILD = PermissionFlagsBits.ManageGuild.toString();

/**
 * The server-side half of admin-only: Discord hides the command by `default_member_permissions`,
 * but a server admin can override that per role, so the handler checks again.
 */
export function requireManageGuild(interaction: Interaction | ChatInputCommandInteraction): void {
  if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new FootnoteError('permission:manage_guild', 'missing Manage Server', { userId: interaction.user.id, guildId: interaction.guildId });
  }
}

/** What the bot needs in a channel: read, answer with embeds, open and post in threads. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory | PermissionFlagsBits.CreatePublicThreads | PermissionFlagsBits.SendMessagesInThreads;

/** The OAuth2 URL a server admin opens to add the bot with exactly those permissions. */
export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot+applications.commands&permissions=${BOT_PERMISSIONS}`;
}
