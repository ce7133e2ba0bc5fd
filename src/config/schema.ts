import { z } from 'zod';

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional());
const bool = (fallback: boolean) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? fallback : v),
    z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((s) => ['true', '1', 'yes'].includes(s))]),
  );
const int = (fallback: number, min: number, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? fallback : v), z.coerce.number().int().min(min).max(max));
const snowflake = z.string().regex(/^\d{15,25}$/, 'must be a Discord id (15–25 digits)');
const csvIds = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v ?? []),
  z.array(snowflake),
);
const url = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());

/** Every setting Footnote reads, with its default. `.env.example` documents each key. */
export const envSchema = z.object({
  FOOTNOTE_DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),

  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: z.preprocess((v) => (v === '' ? undefined : v), snowflake.optional()),
  DISCORD_GUILD_ID: z.preprocess((v) => (v === '' ? undefined : v), snowflake.optional()),
  DISCORD_API_BASE: url,
  MESSAGE_CONTENT_INTENT: bool(false),
  ASK_CHANNEL_IDS: csvIds,
  RATE_LIMIT_PER_MINUTE: int(5, 1, 1000),
  MAX_CONCURRENT_ANSWERS: int(4, 1, 256),

  LLM_PROVIDER: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['none', 'openai', 'anthropic', 'ollama']).default('none')),
  LLM_MODEL: optionalString,
  LLM_TIMEOUT_MS: int(20_000, 500, 600_000),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: url,
  ANTHROPIC_API_KEY: optionalString,
  OLLAMA_BASE_URL: url,
  STREAM_EDITS: bool(true),

  EMBEDDINGS: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['local', 'openai', 'ollama']).default('local')),
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_BASE_URL: url,

  HIGHLIGHTS_CHANNEL_ID: z.preprocess((v) => (v === '' ? undefined : v), snowflake.optional()),
  HIGHLIGHTS_TIME: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)').default('09:00')),
  HIGHLIGHTS_TZ: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('UTC')),
  HIGHLIGHTS_COUNT: int(3, 1, 10),
  ARXIV_QUERY: optionalString,
  ARXIV_API_BASE: z.preprocess((v) => (v === '' ? undefined : v), z.url().default('https://export.arxiv.org/api/query')),
});

export type Env = z.infer<typeof envSchema>;
