import type { Assistant } from '../answer/Assistant.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../logging/logger.js';
import { ConversationRepo } from '../state/conversationRepo.js';
import { FeedbackRepo } from '../state/feedbackRepo.js';
import type { StateDb } from '../state/openStateDb.js';
import { UsageRepo } from '../state/usageRepo.js';
import type { Library } from '../store/Library.js';
import type { AckTracker } from './AckTracker.js';
import type { ConcurrencyGate } from './ConcurrencyGate.js';
import type { RateLimiter } from './RateLimiter.js';

/** The bot's SQLite repositories. */
export interface BotState {
  db: StateDb;
  usage: UsageRepo;
  feedback: FeedbackRepo;
  conversations: ConversationRepo;
}

export function createBotState(db: StateDb): BotState {
  return { db, usage: new UsageRepo(db), feedback: new FeedbackRepo(db), conversations: new ConversationRepo(db) };
}

/**
 * Services other features add to the bot (highlights, subscriptions). Extend this interface by
 * declaration merging or add optional fields here; handlers read them from the context.
 */
export interface ExtraServices {
  [name: string]: unknown;
}

/** What every command, button and message handler receives. */
export interface HandlerContext {
  config: Config;
  logger: Logger;
  /** Resolves once the index is loaded: handlers defer first, then wait for it. */
  assistant(): Promise<Assistant>;
  state: BotState;
  library?: Library;
  limiter: RateLimiter;
  gate: ConcurrencyGate;
  acks: AckTracker;
  services: ExtraServices;
}
