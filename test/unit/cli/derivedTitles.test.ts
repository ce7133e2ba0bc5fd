import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliCommand, CliContext } from '../../../src/cli/CliCommand.js';
import { answerJson } from '../../../src/cli/commands/ask.js';
import { searchCommand } from '../../../src/cli/commands/search.js';
import { loadConfig } from '../../../src/config/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import type { App } from '../../../src/main.js';
import { openSeedAssistant, type SeedAssistant } from '../../support/seedAssistant.js';

const ABSTRACT =
  'Abstract: DNA methylation plays an important role in biological processes in human health and disease. ' +
  'Recent technological advances allow unbiased whole-genome DNA methylation analysis to be carried out on human cells.';

let seeded: SeedAssistant;
let dir: string;

beforeAll(async () => {
  seeded = await openSeedAssistant();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-derived-'));
  const file = path.join(dir, 'abstracts.txt');
  fs.writeFileSync(file, `${ABSTRACT}\n`);
  const { loadPapers } = await import('../../../src/corpus/loadPapers.js');
  await seeded.library.ingest(loadPapers(file));
});
afterAll(() => {
  seeded.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(command: CliCommand, values: Record<string, unknown>, positionals: string[]): Promise<string> {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk) => (text += String(chunk)));
  const config = loadConfig({});
  const app = { config, logger: createLogger({ level: 'silent' }), library: seeded.library, assistant: seeded.assistant } as unknown as App;
  const ctx: CliContext = { config, logger: app.logger, io: { stdout, stderr: new PassThrough(), stdin: new PassThrough() }, app: async () => app };
  await command.run(ctx, values as never, positionals);
  return text;
}

describe('an abstract ingested as plain text has no real title', () => {
  it('GIVEN a plain-text abstract WHEN asked about it with --json THEN the citation title says it is untitled, never the derived label alone', async () => {
    const answer = await seeded.assistant.ask('what role does DNA methylation play?');
    const [citation] = answerJson(answer).citations;
    expect(citation?.id).toMatch(/^text:/);
    expect(citation?.title).toMatch(/^Untitled abstract \("DNA methylation plays/);
  });

  it('GIVEN a plain-text abstract WHEN searched THEN the table and the JSON mark its label as untitled', async () => {
    const table = await run(searchCommand, { k: '1' }, ['DNA methylation']);
    expect(table).toMatch(/text:\w+\s+—\s+\(untitled\) DNA methylation plays/);
    const [hit] = JSON.parse(await run(searchCommand, { k: '1', json: true }, ['DNA methylation'])) as Array<{ title: string; title_derived: boolean }>;
    expect(hit).toMatchObject({ title_derived: true });
    expect(hit?.title).toMatch(/^Untitled abstract \("DNA methylation plays/);
  });

  it('GIVEN a seed paper with a real title WHEN searched with --json THEN its title is shown unchanged and not marked derived', async () => {
    const [hit] = JSON.parse(await run(searchCommand, { k: '1', json: true }, ['Fast Forward low-rank training'])) as Array<{ title: string; title_derived: boolean }>;
    expect(hit).toMatchObject({ title: 'Fast Forwarding Low-Rank Training', title_derived: false });
  });
});
