import type { Assistant } from '../answer/Assistant.js';
import type { Config } from '../config/index.js';
import { createHighlightsService, type HighlightsDeps, type HighlightsService } from '../highlights/HighlightsService.js';
import type { Logger } from '../logging/logger.js';
import type { StateDb } from '../state/openStateDb.js';
import type { Library } from '../store/Library.js';
import { createHighlightsPublisher } from './highlightsPublisher.js';
import type { RunningBot } from './startBot.js';

export interface AttachHighlightsOptions {
  bot: RunningBot;
  library: Library;
  assistant: Pick<Assistant, 'summarize' | 'summarizeAsync'>;
  state: StateDb;
  config: Config;
  logger: Logger;
  /** Tests pass a fake clock (and may pass a fetch for the arXiv feed). */
  clock?: HighlightsDeps['clock'];
}

/**
 * Starts the daily highlights on a logged-in bot: posts go out through its client, and the
 * `/highlights` and `/subscribe` handlers find the service in `services.highlights`.
 * Call `stop()` on the result before stopping the bot.
 */
export async function attachHighlights(o: AttachHighlightsOptions): Promise<HighlightsService> {
  const service = createHighlightsService({
    library: o.library, assistant: o.assistant, state: o.state, config: o.config, clock: o.clock,
    publisher: createHighlightsPublisher(o.bot.client, o.logger), logger: o.logger,
  });
  o.bot.context.services.highlights = service;
  await service.start();
  return service;
}
