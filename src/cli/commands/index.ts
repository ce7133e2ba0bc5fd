import type { CliCommand } from '../CliCommand.js';

/** Every `footnote` subcommand, in the order `footnote help` lists them. */
export const COMMANDS: CliCommand[] = [];
