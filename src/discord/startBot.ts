import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Assistant } from '../answer/Assistant.js';
import type { Config } from '../config/index.js';
import { FootnoteError } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import type { StateDb } from '../state/openStateDb.js';
import type { Library } from '../store/Library.js';
import { BUTTONS, type ButtonHandler } from './buttons/index.js';
import { COMMANDS, type SlashCommand } from './commands/index.js';
import { AckTracker } from './AckTracker.js';
import { ConcurrencyGate } from './ConcurrencyGate.js';
import { createBotState, type ExtraServices, type HandlerContext } from './context.js';
import { createInteractionHandler } from './events/interactionCreate.js';
import { createMessageHandler } from './events/messageCreate.js';
import { RateLimiter } from './RateLimiter.js';
import { NO_PINGS } from './render/limits.js';

export interface StartBotOptions {
  config: Config;
  logger: Logger;
  /** The service, or a promise of it: the bot logs in and acknowledges while the index still loads. */
  assistant: Assistant | Promise<Assistant>;
  state: StateDb;
  library?: Library;
  /** More services for handlers (highlights, subscriptions). */
  services?: ExtraServices;
  commands?: readonly SlashCommand[];
  buttons?: readonly ButtonHandler[];
}

export interface RunningBot {
  client: Client<true>;
  context: HandlerContext;
  stop(): Promise<void>;
}

/** The REST options for every discord.js REST instance: never pass `api: undefined`. */
export function restOptions(apiBase: string | undefined): { api?: string } {
  return apiBase ? { api: apiBase } : {};
}

/** Intents: MessageContent only when the operator enabled it in the developer portal. */
export function botIntents(messageContentIntent: boolean): number[] {
  const intents: number[] = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (messageContentIntent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

/**
 * Logs the bot in and wires its two edges (interactions, messages). Resolves once the gateway
 * is ready; `stop()` logs out. Commands are registered separately (`footnote deploy-commands`).
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  const token = config.discord.token;
  if (!token) throw new FootnoteError('config:invalid', 'DISCORD_TOKEN is not set');
  const assistant = Promise.resolve(options.assistant);
  assistant.catch((error: unknown) => logger.error({ err: error }, 'assistant failed to load'));
  const acks = new AckTracker();
  const context: HandlerContext = {
    config, logger, state: createBotState(options.state), library: options.library, services: options.services ?? {},
    assistant: () => assistant,
    limiter: new RateLimiter(config.discord.rateLimitPerMinute),
    gate: new ConcurrencyGate(config.discord.maxConcurrentAnswers, undefined, () => acks.idle()),
    acks,
  };
  const client = new Client({ intents: botIntents(config.discord.messageContentIntent), rest: restOptions(config.discord.apiBase), allowedMentions: NO_PINGS });
  client.on(Events.InteractionCreate, createInteractionHandler(context, options.commands ?? COMMANDS, options.buttons ?? BUTTONS));
  client.on(Events.MessageCreate, createMessageHandler(context));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway session resumed'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'gateway disconnected'));
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(token);
  const readyClient = await ready;
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, messageContent: config.discord.messageContentIntent }, 'bot ready');
  if (!config.discord.messageContentIntent && config.discord.askChannelIds.length > 0) {
    logger.warn({ askChannelIds: config.discord.askChannelIds }, 'ASK_CHANNEL_IDS needs MESSAGE_CONTENT_INTENT=true: without it only mentions are read there');
  }
  return {
    client: readyClient,
    context,
    async stop() {
      await client.destroy();
      logger.info('bot stopped');
    },
  };
}
