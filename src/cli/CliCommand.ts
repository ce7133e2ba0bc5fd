import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config/index.js';
import type { Logger } from '../logging/logger.js';
import type { App } from '../main.js';

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

export interface CliContext {
  config: Config;
  logger: Logger;
  io: CliIO;
  /** The wired services, built on first use so `--help` never opens the index. */
  app(): Promise<App>;
}

export type CliValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

/** One `footnote` subcommand: a definition plus its handler, listed in `commands/index.ts`. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(ctx: CliContext, values: CliValues, positionals: string[]): Promise<number | void>;
}

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

/** `--k 7` → 7, with a clear error for anything else. */
export function intOption(values: CliValues, name: string, fallback: number, min = 1, max = 100): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
