import { askCommand } from './ask.js';
import { footnoteAdminCommand, footnoteCommand } from './footnote.js';
import { highlightsCommand } from './highlights.js';
import { paperCommand } from './paper.js';
import { papersCommand } from './papers.js';
import { searchCommand } from './search.js';
import { similarCommand } from './similar.js';
import { subscribeCommand, subscriptionsCommand, unsubscribeCommand } from './subscribe.js';
import type { SlashCommand } from './SlashCommand.js';

export type { SlashCommand } from './SlashCommand.js';

/** Every slash command the bot registers and handles. Append new features here. */
export const COMMANDS: SlashCommand[] = [askCommand, searchCommand, paperCommand, similarCommand, papersCommand, footnoteCommand, footnoteAdminCommand, highlightsCommand, subscribeCommand, unsubscribeCommand, subscriptionsCommand];

/** The JSON `deploy-commands` sends to Discord. */
export function commandDefinitions(commands: readonly SlashCommand[] = COMMANDS) {
  return commands.map((c) => c.definition);
}
