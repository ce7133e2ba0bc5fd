import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level: string;
  /** Where log lines go; the CLI keeps stdout for answers, so logs default to stderr. */
  destination?: NodeJS.WritableStream;
}

/** Paths redacted wherever they appear in a log object: secrets and whole prompts never reach the logs. */
const REDACT = [
  'token', '*.token', 'apiKey', '*.apiKey', 'authorization', '*.authorization',
  'headers.authorization', 'prompt', '*.prompt', 'messages', '*.messages',
];

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    { level: options.level, base: { app: 'footnote' }, redact: { paths: REDACT, censor: '[redacted]' } },
    options.destination ?? pino.destination(2),
  );
}
