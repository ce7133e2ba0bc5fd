import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export interface FootnoteRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The compiled CLI as a user runs it (`npm test` builds dist/ first), offline, over `dataDir`:
 * no token, no model, the local embedder. `env` adds settings; `input` is piped to stdin.
 */
export async function runFootnote(dataDir: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<FootnoteRun> {
  const env = { ...process.env, FOOTNOTE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DISCORD_TOKEN: '', LLM_PROVIDER: 'none', EMBEDDINGS: 'local', ...options.env };
  const child = run(process.execPath, [path.join(ROOT, 'bin/footnote.js'), ...args], { cwd: ROOT, env, timeout: 60_000 });
  if (options.input !== undefined) child.child.stdin?.end(options.input);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
