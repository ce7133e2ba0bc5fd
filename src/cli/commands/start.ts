import path from 'node:path';
import { FootnoteError } from '../../errors/index.js';
import { openStateDb } from '../../state/openStateDb.js';
import { intOption, writeLine, type CliCommand, type CliContext } from '../CliCommand.js';
import { runChat } from './chat.js';

/** A failed login says what to fix: the token, or the network path to Discord. */
function loginError(error: unknown, apiBase: string | undefined): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'TokenInvalid') {
    return new FootnoteError('discord:login', 'Discord rejected DISCORD_TOKEN. Reset it in the Developer Portal (Bot → Reset Token) and update .env.', {}, { cause: error });
  }
  if (typeof code === 'string' && ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].includes(code)) {
    const where = apiBase ?? 'discord.com';
    return new FootnoteError('discord:login', `Could not reach Discord at ${where} (${code}). Check the network${apiBase ? ' and DISCORD_API_BASE' : ''}.`, {}, { cause: error });
  }
  return error;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * Runs the bot until SIGINT/SIGTERM. It logs in while the index loads, so interactions are
 * acknowledged within Discord's 3 s even on a cold start; answers wait for the index.
 */
async function runBot(ctx: CliContext): Promise<number> {
  const { config, logger } = ctx;
  // discord.js loads only for the bot, so one-shot commands like `ask` start fast.
  const [{ startBot }, { attachHighlights }] = await Promise.all([import('../../discord/startBot.js'), import('../../discord/attachHighlights.js')]);
  const state = openStateDb(path.join(config.dataDir, 'state.db'));
  const app = ctx.app();
  app.catch(() => undefined); // reported by startBot's assistant promise and by every question
  try {
    const bot = await startBot({ config, logger, assistant: app.then((a) => a.assistant), state }).catch((error: unknown) => {
      throw loginError(error, config.discord.apiBase);
    });
    // The in-memory BM25 index builds on a worker thread now, not on the first question (FTS5 answers until it is ready).
    void app.then((a) => a.library.warm?.()).then(
      () => logger.info('lexical index ready'),
      (error: unknown) => logger.warn({ err: error }, 'lexical index not built; FTS5 answers the lexical leg'),
    );
    // Highlights need the loaded index; the bot answers (and defers) before they start. Under a
    // ShardingManager only shard 0 schedules them: it posts for every guild over REST, and one
    // scheduler means no two processes race on the same day's run.
    const scheduler = !bot.client.shard || bot.client.shard.ids.includes(0);
    const highlights = scheduler
      ? app
          .then((a) => attachHighlights({ bot, library: a.library, assistant: a.assistant, state, config, logger: logger.child({ component: 'highlights' }) }))
          .catch((error: unknown) => logger.error({ err: error }, 'highlights did not start'))
      : Promise.resolve(undefined);
    const signal = await untilSignal();
    logger.info({ signal }, 'shutting down');
    (await highlights)?.stop();
    await bot.stop();
    // A shard's IPC channel to its ShardingManager would keep this process alive.
    if (process.connected) process.disconnect();
    return 0;
  } finally {
    state.close();
  }
}

/** The bin every shard runs, found from this file in dist/ (or src/ under tsx). */
const BIN = new URL('../../../bin/footnote.js', import.meta.url).pathname;

async function runShards(ctx: CliContext, count: number): Promise<number> {
  const { startShards } = await import('../../discord/startShards.js');
  const shards = await startShards(ctx.config, ctx.logger, BIN, count);
  const signal = await untilSignal();
  ctx.logger.info({ signal }, 'stopping shards');
  await shards.stop();
  return 0;
}

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Start the Discord bot (DISCORD_TOKEN set) or else the terminal chat',
  usage: 'start [--shards N]',
  options: { shards: { type: 'string' } },
  async run(ctx, values) {
    if (ctx.config.discord.token && values.shards !== undefined) return runShards(ctx, intOption(values, 'shards', 1, 1, 1024));
    if (ctx.config.discord.token) return runBot(ctx);
    writeLine(ctx.io.stderr, 'DISCORD_TOKEN is not set: starting the terminal chat instead of the Discord bot.');
    return runChat(ctx);
  },
};
