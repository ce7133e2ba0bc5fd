import type { CliCommand } from '../CliCommand.js';
import { highlightCommand } from './highlight.js';
import { indexCommand } from './indexCommand.js';
import { ingestCommand } from './ingest.js';
import { papersCommand } from './papers.js';

/** Every `footnote` subcommand, in the order `footnote help` lists them. */
export const COMMANDS: CliCommand[] = [ingestCommand, indexCommand, papersCommand, highlightCommand];
