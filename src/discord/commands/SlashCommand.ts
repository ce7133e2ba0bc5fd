import type { APIApplicationCommandOptionChoice, AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { HandlerContext } from '../context.js';

/**
 * A slash command: a pure definition (what `deploy-commands` registers) and its handlers. The
 * interaction handler defers before `execute` runs, so `execute` only edits the reply.
 */
export interface SlashCommand {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Defer ephemerally (only the user sees the reply). Default: public. */
  ephemeral?: boolean | ((interaction: ChatInputCommandInteraction) => boolean);
  /** Counts against the per-user question rate limit. */
  rateLimited?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: HandlerContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: HandlerContext): Promise<APIApplicationCommandOptionChoice[]>;
}
