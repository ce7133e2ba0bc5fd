/** Child processes for bench/scale.ts: the real CLI, timed by GNU time, and the chat's first answer. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ChildRun {
  wallS: number;
  userS: number;
  sysS: number;
  maxRssMb: number;
  stdout: string;
  /** 1-minute load average when the run ended: wall times mean little without it. */
  load: string;
}

const GNU_TIME = '/usr/bin/time';

export const loadAverage = (): string => os.loadavg()[0]!.toFixed(1);

/** No `.env` is read (cwd is the data dir's parent) and the offline defaults are forced. */
function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, FOOTNOTE_DATA_DIR: dataDir, EMBEDDINGS: 'local', LLM_PROVIDER: 'none', LOG_LEVEL: 'warn' };
}

/** `node bin/footnote.js ARGS` with wall time, user+sys CPU and peak RSS of the child (GNU time, else wall only). */
export async function runCli(root: string, dataDir: string, args: string[]): Promise<ChildRun> {
  const timeFile = path.join(path.dirname(dataDir), `time-${process.pid}.txt`);
  const node = [process.execPath, path.join(root, 'bin/footnote.js'), ...args];
  const gnu = fs.existsSync(GNU_TIME);
  const [cmd, ...argv] = gnu ? [GNU_TIME, '-f', '%e %U %S %M', '-o', timeFile, ...node] : node;
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd as string, argv, { cwd: path.dirname(dataDir), env: cliEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
  });
  const wallS = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`footnote ${args[0]} exited ${code}: ${stderr.split(/[\r\n]/).filter(Boolean).slice(-3).join(' | ')}`);
  const [, userS = Number.NaN, sysS = Number.NaN, rssKb = Number.NaN] = gnu ? fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-4).map(Number) : [];
  return { wallS, userS, sysS, maxRssMb: rssKb / 1024, stdout, load: loadAverage() };
}

/** Milliseconds from spawning `footnote chat` (question already on its stdin) to the first line of its answer. */
export function firstAnswerMs(root: string, dataDir: string, question: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'bin/footnote.js'), 'chat'], { cwd: path.dirname(dataDir), env: cliEnv(dataDir), stdio: ['pipe', 'pipe', 'pipe'] });
    let answered: number | undefined;
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      answered ??= performance.now() - started;
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (answered !== undefined && code === 0 ? resolve(answered) : reject(new Error(`footnote chat exited ${code} without answering: ${out.slice(0, 200)}`))));
    child.stdin.end(`${question}\n`);
  });
}
