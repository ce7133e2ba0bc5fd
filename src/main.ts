import type { Config } from './config/index.js';
import { FootnoteError } from './errors/index.js';
import type { Logger } from './logging/logger.js';
import type { Assistant } from './answer/Assistant.js';
import type { Library } from './store/Library.js';

/** The wired services: what every edge (CLI, Discord bot, tests) works with. */
export interface App {
  config: Config;
  logger: Logger;
  library: Library;
  assistant: Assistant;
  close(): Promise<void>;
}

/** The composition root: config → logger → stores → services. Edges are started by their own entry points. */
export async function createApp(config: Config, logger: Logger): Promise<App> {
  void config;
  void logger;
  throw new FootnoteError('internal', 'not wired yet');
}
