import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliCommand, CliContext } from '../../../src/cli/CliCommand.js';
import { indexCommand } from '../../../src/cli/commands/indexCommand.js';
import { ingestCommand } from '../../../src/cli/commands/ingest.js';
import { papersCommand } from '../../../src/cli/commands/papers.js';
import { loadConfig } from '../../../src/config/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import type { App } from '../../../src/main.js';
import type { Library } from '../../../src/store/Library.js';
import { openLibrary } from '../../../src/store/openLibrary.js';
import { createFakeEmbeddings } from '../../support/fakeEmbeddings.js';

const logger = createLogger({ level: 'silent' });
const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += String(chunk)));
  return { stream, text: () => text };
}

/** How often a command asked the Assistant to prepare its corpus statistics. */
const prepared = { count: 0 };

/** Runs a command the way `runCli` does, over a real library in a temp dir (createApp is the lead's). */
async function run(command: CliCommand, library: Library, values: Record<string, unknown>, positionals: string[]) {
  const stdout = capture();
  const stderr = capture();
  const config = loadConfig({});
  const app = { config, logger, library, assistant: { prepare: () => (prepared.count += 1) } } as unknown as App;
  const ctx: CliContext = { config, logger, io: { stdout: stdout.stream, stderr: stderr.stream, stdin: new PassThrough() }, app: async () => app };
  const code = (await command.run(ctx, values as never, positionals)) ?? 0;
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

async function library(): Promise<Library> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-cli-'));
  const lib = await openLibrary({ dataDir: dir, embeddings: createFakeEmbeddings(), logger });
  cleanup.push(() => {
    lib.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return lib;
}

describe('footnote ingest', () => {
  it('GIVEN new papers WHEN ingested THEN the answerer prepares its statistics once; a re-ingest that adds nothing does not', async () => {
    const lib = await library();
    prepared.count = 0;
    expect((await run(ingestCommand, lib, {}, ['seeds/papers.jsonl'])).code).toBe(0);
    expect(prepared.count).toBe(1);
    expect((await run(ingestCommand, lib, {}, ['seeds/papers.jsonl'])).code).toBe(0);
    expect(prepared.count).toBe(1);
  });

  it('GIVEN good, broken and missing files WHEN ingested THEN rejected lines and the missing file are reported, the rest goes in, exit 1', async () => {
    const lib = await library();
    const allBad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-cli-bad-')), 'all-bad.jsonl');
    fs.writeFileSync(allBad, '{"id": "a"}\n');
    cleanup.push(() => fs.rmSync(path.dirname(allBad), { recursive: true, force: true }));
    const files = ['seeds/papers.jsonl', 'test/fixtures/ingest/broken.jsonl', 'nope.jsonl', allBad, 'test/fixtures/ingest/arxiv-sample.jsonl.gz'];
    const result = await run(ingestCommand, lib, {}, files);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('test/fixtures/ingest/broken.jsonl:2: invalid JSON (');
    expect(result.stderr).toContain('test/fixtures/ingest/broken.jsonl:4: missing abstract');
    expect(result.stderr).toContain('footnote ingest: nope.jsonl: no such file');
    expect(result.stderr).toContain(`${allBad}:1: missing abstract`);
    expect(result.stderr).toContain(`footnote ingest: ${allBad}: no valid jsonl record found`);
    // broken.jsonl repeats the Fast Forward id with a shorter abstract: an update, not a new paper.
    expect(result.stdout.trim()).toBe('added 51 · updated 1 · unchanged 0 · duplicates 0 · rejected 5');
    expect(lib.count()).toBe(51);
  });

  it('GIVEN an ingested file WHEN ingested again THEN the summary says unchanged and the exit code is 0', async () => {
    const lib = await library();
    await run(ingestCommand, lib, {}, ['seeds/papers.jsonl']);
    const again = await run(ingestCommand, lib, { format: 'jsonl' }, ['seeds/papers.jsonl']);
    expect(again).toMatchObject({ code: 0, stdout: 'added 0 · updated 0 · unchanged 10 · duplicates 0 · rejected 0\n' });
  });

  it('GIVEN no file or an unknown format WHEN run THEN a usage or format error, nothing ingested', async () => {
    const lib = await library();
    await expect(run(ingestCommand, lib, {}, [])).rejects.toThrow(/at least one file/);
    await expect(run(ingestCommand, lib, { format: 'csv' }, ['seeds/papers.jsonl'])).rejects.toMatchObject({ code: 'ingest:bad_format' });
    expect(lib.count()).toBe(0);
  });
});

describe('footnote papers and index rebuild', () => {
  it('GIVEN indexed seeds WHEN listed THEN a table with a header and one row each, or a JSON array', async () => {
    const lib = await library();
    await run(ingestCommand, lib, {}, ['seeds/papers.jsonl']);
    const table = await run(papersCommand, lib, {}, []);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+year\s+title\s+first author$/);
    expect(lines).toHaveLength(12);
    expect(table.stdout).toMatch(/arxiv:2409\.04206\s+2024\s+Fast Forwarding Low-Rank Training\s+Adir Rahamim/);
    const json = JSON.parse((await run(papersCommand, lib, { json: true }, [])).stdout) as Array<{ id: string }>;
    expect(json).toHaveLength(10);
    expect(json.map((p) => p.id)).toContain('arxiv:2410.09087');
  });

  it('GIVEN indexed seeds WHEN the index is rebuilt THEN every paper is re-embedded and search still works', async () => {
    const lib = await library();
    await run(ingestCommand, lib, {}, ['seeds/papers.jsonl']);
    const result = await run(indexCommand, lib, {}, ['rebuild']);
    expect(result.stdout).toMatch(/rebuilt the index: 10 papers embedded with test-hash/);
    expect((await lib.denseSearch('fast forwarding low-rank training', 1))[0]?.id).toBe('arxiv:2409.04206');
    await expect(run(indexCommand, lib, {}, ['destroy'])).rejects.toThrow(/rebuild/);
  });
});
