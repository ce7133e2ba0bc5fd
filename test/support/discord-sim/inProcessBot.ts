import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Assistant } from '../../../src/answer/Assistant.js';
import { loadConfig } from '../../../src/config/index.js';
import { startBot, type RunningBot } from '../../../src/discord/startBot.js';
import { createLogger } from '../../../src/logging/logger.js';
import { openStateDb, type StateDb } from '../../../src/state/openStateDb.js';
import { DiscordSimulator } from './DiscordSimulator.js';

export interface InProcessBot {
  sim: DiscordSimulator;
  bot: RunningBot;
  db: StateDb;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** The simulator plus the bot in this process (for fast tests); e2e tests run `footnote start` instead. */
export async function startInProcessBot(assistant: Assistant | Promise<Assistant>, env: Record<string, string> | ((sim: DiscordSimulator) => Record<string, string>) = {}): Promise<InProcessBot> {
  const sim = await DiscordSimulator.start();
  const dir = mkdtempSync(path.join(tmpdir(), 'footnote-bot-'));
  const fullEnv = { DISCORD_TOKEN: sim.token, DISCORD_APPLICATION_ID: sim.fixtures.applicationId, DISCORD_API_BASE: sim.apiBase, FOOTNOTE_DATA_DIR: dir, LOG_LEVEL: 'silent', STREAM_EDITS: 'false', ...(typeof env === 'function' ? env(sim) : env) };
  const config = loadConfig(fullEnv);
  const db = openStateDb(path.join(dir, 'state.db'));
  const bot = await startBot({ config, logger: createLogger({ level: config.logLevel }), assistant, state: db });
  return {
    sim, bot, db, env: fullEnv,
    async stop() {
      await bot.stop();
      db.close();
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
