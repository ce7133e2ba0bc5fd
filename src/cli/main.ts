import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config/index.js';
import { isFootnoteError, userMessage } from '../errors/index.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { createApp, type App } from '../main.js';
import { UsageError, writeLine, type CliCommand, type CliContext, type CliIO } from './CliCommand.js';
import { COMMANDS } from './commands/index.js';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'footnote: grounded, cited answers from research-paper abstracts',
    '',
    'Usage: footnote <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `footnote <command> --help` for its options.',
  ].join('\n');
}

function commandHelp(c: CliCommand): string {
  const opts = Object.entries(c.options).map(([name, o]) => `  --${name}${o.type === 'string' ? ' <value>' : ''}`);
  return [`Usage: footnote ${c.usage}`, '', c.summary, ...(opts.length ? ['', 'Options:', ...opts] : [])].join('\n');
}

/** The CLI's single catch point: typed errors become one clear line and a non-zero exit code. */
export async function runCli(argv: string[], io: CliIO, env?: Record<string, string | undefined>): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    writeLine(io.stdout, helpText());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    writeLine(io.stderr, `footnote: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  let config: Config;
  let logger: Logger | undefined;
  let app: Promise<App> | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      writeLine(io.stdout, commandHelp(command));
      return 0;
    }
    config = env ? loadConfig(env) : loadConfig();
    // The terminal is for answers: only the bot (`start` with a token) logs at info unless LOG_LEVEL says otherwise.
    const runsBot = command.name === 'start' && Boolean(config.discord.token);
    const quiet = !config.logLevelSet && !runsBot;
    logger = createLogger({ level: quiet ? 'warn' : config.logLevel });
    const ctx: CliContext = { config, logger, io, app: () => (app ??= createApp(config, logger as Logger)) };
    return (await command.run(ctx, values as never, positionals)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      writeLine(io.stderr, `footnote ${name}: ${error.message}\n\n${commandHelp(command)}`);
      return 2;
    }
    if (isFootnoteError(error)) {
      logger?.debug({ code: error.code, detail: error.detail }, error.message);
      writeLine(io.stderr, `footnote ${name}: ${userMessage(error)}`);
      // Bad input ("@everyone" leaves no question) is a usage error like an empty argument: exit 2.
      return error.code.startsWith('input:') ? 2 : 1;
    }
    logger?.error({ err: error }, 'command failed');
    writeLine(io.stderr, `footnote ${name}: ${userMessage(error)}${logger ? '' : ` (${String(error)})`}`);
    return 1;
  } finally {
    if (app) await (await app.catch(() => undefined))?.close();
  }
}

const isEntryPoint = process.argv[1] && /footnote(\.js)?$|cli[\\/]main\.(js|ts)$/.test(process.argv[1]);
if (isEntryPoint) {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
