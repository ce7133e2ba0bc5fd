import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPromptsDir, loadPrompts } from '../../../src/answer/llm/loadPrompts.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyOfPrompts(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'footnote-prompts-'));
  dirs.push(dir);
  cpSync(findPromptsDir(), dir, { recursive: true });
  return dir;
}

describe('loadPrompts', () => {
  it('GIVEN the shipped prompt files WHEN loaded THEN each template asks for exactly its variables', () => {
    const prompts = loadPrompts();
    expect(prompts.answer.inputVariables.sort()).toEqual(['not_covered', 'question', 'sources']);
    expect(prompts.highlightSummary.inputVariables.sort()).toEqual(['abstract', 'authors', 'title', 'year']);
    expect(prompts.condenseFollowUp.inputVariables.sort()).toEqual(['history', 'question']);
  });

  it('GIVEN the answer prompt WHEN formatted THEN the maintainer note is not sent and the fixed reply is in the system message', async () => {
    const messages = await loadPrompts().answer.formatMessages({ sources: '[1] T', question: 'q?', not_covered: 'NOT COVERED.' });
    expect(messages.map((m) => m.getType())).toEqual(['system', 'human']);
    expect(messages[0]?.text).toContain('NOT COVERED.');
    expect(messages.map((m) => m.text).join('\n')).not.toMatch(/Variables:/);
  });

  it('GIVEN an answer prompt without {sources} WHEN loaded THEN start fails naming the file and the variable', () => {
    const dir = copyOfPrompts();
    const file = path.join(dir, 'answer.md');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('{sources}', 'none'));
    expect(() => loadPrompts(dir)).toThrow(/answer\.md is missing \{sources\}/);
  });

  it('GIVEN a prompt with an unknown variable WHEN loaded THEN start fails naming it', () => {
    const dir = copyOfPrompts();
    writeFileSync(path.join(dir, 'condense-followup.md'), '## human\n{history} {question} {mood}\n');
    expect(() => loadPrompts(dir)).toThrow(/unknown \{mood\}/);
  });

  it('GIVEN a missing prompt file WHEN loaded THEN start fails with its path', () => {
    const dir = copyOfPrompts();
    rmSync(path.join(dir, 'highlight-summary.md'));
    expect(() => loadPrompts(dir)).toThrow(/Prompt file missing: .*highlight-summary\.md/);
  });
});
