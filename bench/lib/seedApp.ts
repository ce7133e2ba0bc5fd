import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { createApp, type App } from '../../src/main.js';

/** The default offline app over the seed papers in a fresh temp data dir. */
export async function seedApp(env: Record<string, string> = {}): Promise<{ app: App; dataDir: string; dispose(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-bench-'));
  const config = loadConfig({ FOOTNOTE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, createLogger({ level: 'silent' }));
  return {
    app,
    dataDir,
    async dispose() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export const fmt = (n: number | null | undefined, digits = 3): string => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));

export function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Runs a bench module's `run` when the file is executed directly (`npx tsx bench/x.ts`). */
export async function runIfMain(url: string, run: (args: string[]) => Promise<{ title: string; markdown: string }>): Promise<void> {
  if (process.argv[1] && url === `file://${path.resolve(process.argv[1])}`) {
    const section = await run(process.argv.slice(2));
    process.stdout.write(`## ${section.title}\n\n${section.markdown}\n`);
  }
}
