import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { HashedEmbeddings } from '../../src/embeddings/local/HashedEmbeddings.js';
import { HnswStore } from '../../src/store/HnswStore.js';
import { syntheticPapers, toJsonl } from '../support/syntheticPapers.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/footnote.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-restart-'));
const dataDir = path.join(tmp, 'data');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SEEDS = 10;
const first = syntheticPapers(1000, 11);
const second = syntheticPapers(2000, 12);
const firstFile = path.join(tmp, 'first.jsonl');
const bothFile = path.join(tmp, 'both.jsonl');
fs.writeFileSync(firstFile, toJsonl(first));
fs.writeFileSync(bothFile, toJsonl([...first, ...second]));

// cwd is the temp dir, so no .env is read; info logs carry the reconcile counts.
const env = { PATH: process.env.PATH, HOME: process.env.HOME, FOOTNOTE_DATA_DIR: dataDir, LOG_LEVEL: 'info', EMBEDDINGS: 'local', LLM_PROVIDER: 'none' };

type Exit = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

function ingest(file: string, onSpawn?: (kill: () => void) => void): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ingest', file], { cwd: tmp, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onSpawn?.(() => child.kill('SIGKILL'));
  });
}

/** What the catalog holds, read beside the CLI (WAL lets a reader in while it writes). */
function catalog(): { ids: string[]; pending: Set<string> } {
  const db = new Database(path.join(dataDir, 'corpus.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT id, vector_pending FROM papers').all() as Array<{ id: string; vector_pending: number }>;
    return { ids: rows.map((r) => r.id), pending: new Set(rows.filter((r) => r.vector_pending === 1).map((r) => r.id)) };
  } finally {
    db.close();
  }
}

/** Kills the ingest with SIGKILL once `atLeast` papers are committed. */
function killWhenCommitted(atLeast: number): (kill: () => void) => void {
  return (kill) => {
    const timer = setInterval(() => {
      if (catalog().ids.length < atLeast) return;
      clearInterval(timer);
      kill();
    }, 20);
  };
}

const reconcileLines = (stderr: string) =>
  stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; embedded?: number; removed?: number })
    .filter((l) => l.msg === 'vector index reconciled with the catalog');

describe('footnote ingest killed mid-way and run again', () => {
  let afterKill: { ids: string[]; pending: Set<string> };

  it('GIVEN 1,000 papers ingested WHEN an ingest of 2,000 more is killed with SIGKILL after two batches THEN the first papers stay saved and only new ones are pending', async () => {
    const ran = await ingest(firstFile);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain(`added ${first.length} ·`);

    const killed = await ingest(bothFile, killWhenCommitted(SEEDS + first.length + 1024));
    expect(killed.signal).toBe('SIGKILL');
    afterKill = catalog();
    expect(afterKill.ids.length).toBeGreaterThanOrEqual(SEEDS + first.length + 1024);
    expect(afterKill.ids.length).toBeLessThan(SEEDS + first.length + second.length);
    const secondIds = new Set(second.map((p) => p.id));
    expect([...afterKill.pending].every((id) => secondIds.has(id))).toBe(true);
  }, 240_000);

  it('GIVEN that interrupted data dir WHEN the same command runs again THEN every paper is present once and only the unsaved vectors are embedded again', async () => {
    const committedSecond = afterKill.ids.length - SEEDS - first.length;
    const rerun = await ingest(bothFile);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`added ${second.length - committedSecond} · updated 0 · unchanged ${first.length + committedSecond} · duplicates 0`);
    expect(reconcileLines(rerun.stderr)).toEqual([expect.objectContaining({ embedded: afterKill.pending.size, removed: 0 })]);

    const final = catalog();
    expect(final.ids.length).toBe(SEEDS + first.length + second.length);
    expect(new Set(final.ids).size).toBe(final.ids.length);
    expect(final.pending.size).toBe(0);
    const store = await HnswStore.load(path.join(dataDir, 'index'), new HashedEmbeddings({ worker: false }));
    expect(store.size).toBe(final.ids.length);
    expect(final.ids.every((id) => store.has(id))).toBe(true);
  }, 240_000);

  it('GIVEN the finished data dir WHEN the same file is ingested again THEN nothing is added, embedded or saved', async () => {
    const manifest = fs.readdirSync(path.join(dataDir, 'index')).map((f) => fs.statSync(path.join(dataDir, 'index', f)).mtimeMs);
    const again = await ingest(bothFile);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`added 0 · updated 0 · unchanged ${first.length + second.length} · duplicates 0`);
    expect(reconcileLines(again.stderr)).toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, 'index')).map((f) => fs.statSync(path.join(dataDir, 'index', f)).mtimeMs)).toEqual(manifest);
  }, 120_000);
});
