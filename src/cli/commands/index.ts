import type { CliCommand } from '../CliCommand.js';
import { askCommand } from './ask.js';
import { chatCommand } from './chat.js';
import { deployCommandsCommand } from './deployCommands.js';
import { evalCommand } from './eval.js';
import { highlightCommand } from './highlight.js';
import { indexCommand } from './indexCommand.js';
import { ingestCommand } from './ingest.js';
import { papersCommand } from './papers.js';
import { searchCommand } from './search.js';
import { startCommand } from './start.js';

/** Every `footnote` subcommand, in the order `footnote help` lists them. */
export const COMMANDS: CliCommand[] = [askCommand, searchCommand, chatCommand, ingestCommand, indexCommand, papersCommand, highlightCommand, startCommand, deployCommandsCommand, evalCommand];
