import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { FootnoteError } from '../errors/index.js';
import { envSchema, type Env } from './schema.js';

/** The validated, frozen configuration every other module receives as an argument. */
export interface Config {
  dataDir: string;
  logLevel: string;
  /** True when LOG_LEVEL was set; otherwise one-shot CLI commands log only warnings. */
  logLevelSet: boolean;
  discord: {
    token?: string;
    applicationId?: string;
    guildId?: string;
    apiBase?: string;
    messageContentIntent: boolean;
    askChannelIds: string[];
    rateLimitPerMinute: number;
    maxConcurrentAnswers: number;
  };
  llm: {
    provider: 'none' | 'openai' | 'anthropic' | 'ollama';
    model?: string;
    timeoutMs: number;
    openaiApiKey?: string;
    openaiBaseUrl?: string;
    anthropicApiKey?: string;
    ollamaBaseUrl?: string;
    streamEdits: boolean;
  };
  embeddings: { provider: 'local' | 'openai' | 'ollama'; model?: string; baseUrl?: string; apiKey?: string };
  highlights: { channelId?: string; time: string; timezone: string; count: number; arxivQuery?: string; arxivApiBase: string };
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses an environment (by default `.env` over `process.env`) once. Every bad key is named on
 * its own line, so an operator fixes them all in one go.
 */
export function loadConfig(env: Record<string, string | undefined> = readEnvironment()): Config {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (parsed.success && !isValidTimeZone(parsed.data.HIGHLIGHTS_TZ)) problems.push(`HIGHLIGHTS_TZ: unknown time zone "${parsed.data.HIGHLIGHTS_TZ}" (use an IANA name like Europe/Berlin)`);
  if (!parsed.success || problems.length > 0) {
    throw new FootnoteError('config:invalid', `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    dataDir: path.resolve(e.FOOTNOTE_DATA_DIR),
    logLevel: e.LOG_LEVEL ?? 'info',
    logLevelSet: e.LOG_LEVEL !== undefined,
    discord: {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiBase: e.DISCORD_API_BASE?.replace(/\/+$/, ''),
      messageContentIntent: e.MESSAGE_CONTENT_INTENT,
      askChannelIds: e.ASK_CHANNEL_IDS,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      maxConcurrentAnswers: e.MAX_CONCURRENT_ANSWERS,
    },
    llm: {
      provider: e.LLM_PROVIDER,
      model: e.LLM_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
      openaiApiKey: e.OPENAI_API_KEY,
      openaiBaseUrl: e.OPENAI_BASE_URL,
      anthropicApiKey: e.ANTHROPIC_API_KEY,
      ollamaBaseUrl: e.OLLAMA_BASE_URL,
      streamEdits: e.STREAM_EDITS,
    },
    embeddings: { provider: e.EMBEDDINGS, model: e.EMBEDDINGS_MODEL, baseUrl: e.EMBEDDINGS_BASE_URL ?? embeddingsServerFallback(e), apiKey: e.OPENAI_API_KEY },
    highlights: {
      channelId: e.HIGHLIGHTS_CHANNEL_ID,
      time: e.HIGHLIGHTS_TIME,
      timezone: e.HIGHLIGHTS_TZ,
      count: e.HIGHLIGHTS_COUNT,
      arxivQuery: e.ARXIV_QUERY,
      arxivApiBase: e.ARXIV_API_BASE,
    },
  });
}

/** Without EMBEDDINGS_BASE_URL, embeddings go to the server already configured for the same provider. */
function embeddingsServerFallback(e: Env): string | undefined {
  if (e.EMBEDDINGS === 'ollama') return e.OLLAMA_BASE_URL;
  if (e.EMBEDDINGS === 'openai') return e.OPENAI_BASE_URL;
  return undefined;
}

/** `.env` fills only what the real environment leaves unset. */
function readEnvironment(): Record<string, string | undefined> {
  const fromFile: Record<string, string> = {};
  loadDotenv({ processEnv: fromFile, quiet: true });
  return { ...fromFile, ...process.env };
}
