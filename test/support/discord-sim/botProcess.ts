import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { DiscordSimulator } from './DiscordSimulator.js';

const BIN = path.join(path.dirname(new URL(import.meta.url).pathname), '../../../bin/footnote.js');

/** The environment a bot process gets: nothing but these keys (and PATH for node). */
export function botEnv(sim: DiscordSimulator, dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '', DISCORD_TOKEN: sim.token, DISCORD_APPLICATION_ID: sim.fixtures.applicationId,
    DISCORD_API_BASE: sim.apiBase, FOOTNOTE_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...extra,
  };
}

/** Runs `footnote <args>` to completion: exit code and output. */
export function runFootnote(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `footnote start` as its own process; `logs` gathers its pino lines (stderr). */
export class BotProcess {
  logs = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(env: Record<string, string>, args: string[] = ['start']) {
    this.child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => (this.logs += String(d)));
    this.child.stdout!.on('data', (d) => (this.logs += String(d)));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Parsed log lines (non-JSON lines are skipped). */
  logLines(): Array<Record<string, unknown>> {
    return this.logs.split('\n').flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  /** SIGTERM, then the exit code; SIGKILL if it hangs (a failed graceful shutdown fails the test). */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
