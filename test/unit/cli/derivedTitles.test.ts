import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliCommand, CliContext } from '../../../src/cli/CliCommand.js';
import { answerJson } from '../../../src/cli/commands/ask.js';
import { highlightCommand } from '../../../src/cli/commands/highlight.js';
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

async function run(command: CliCommand, values: Record<string, unknown>, positionals: string[], from: SeedAssistant = seeded, dataDir = dir): Promise<string> {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk) => (text += String(chunk)));
  const config = loadConfig({ FOOTNOTE_DATA_DIR: dataDir });
  const app = { config, logger: createLogger({ level: 'silent' }), library: from.library, assistant: from.assistant } as unknown as App;
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

describe('highlights of plain-text abstracts', () => {
  it('GIVEN a library of plain-text abstracts only WHEN the highlights are previewed as JSON or text THEN no derived label is shown as a title', async () => {
    const file = path.join(dir, 'three.txt');
    const lines = ['DNA methylation', 'Golli-MBP gene expression', 'myelodysplastic syndromes'].map(
      (topic) => `Abstract: This abstract studies ${topic} in human cells and reports what was measured. The results describe ${topic} in detail for the first time.`,
    );
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const plain = await openSeedAssistant({ seedFile: file });
    try {
      const json = JSON.parse(await run(highlightCommand, { json: true, date: '2026-05-02' }, [], plain)) as { entries: Array<{ title: string }> };
      expect(json.entries.length).toBeGreaterThan(0);
      for (const entry of json.entries) expect(entry.title).toMatch(/^Untitled abstract \("This abstract studies/);
      const text = await run(highlightCommand, { date: '2026-05-02' }, [], plain);
      expect(text).not.toMatch(/^\d\. This abstract studies/m);
    } finally {
      plain.close();
    }
  });
});
