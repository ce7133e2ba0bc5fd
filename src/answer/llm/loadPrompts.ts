import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { FootnoteError } from '../../errors/index.js';

/** The prompt templates, loaded from `prompts/` once at start. */
export interface Prompts {
  /** Variables: `sources`, `question`, `not_covered`. */
  answer: ChatPromptTemplate;
  /** Variables: `title`, `authors`, `year`, `abstract`. */
  highlightSummary: ChatPromptTemplate;
  /** Variables: `history`, `question`. */
  condenseFollowUp: ChatPromptTemplate;
}

const SPECS: Record<keyof Prompts, { file: string; variables: string[] }> = {
  answer: { file: 'answer.md', variables: ['sources', 'question', 'not_covered'] },
  highlightSummary: { file: 'highlight-summary.md', variables: ['title', 'authors', 'year', 'abstract'] },
  condenseFollowUp: { file: 'condense-followup.md', variables: ['history', 'question'] },
};

const ROLES = new Set(['system', 'human']);

/**
 * A prompt file: `## system` and `## human` sections (text before the first heading is a note
 * for maintainers). Each section is an f-string template; literal braces are doubled.
 */
export function parsePromptFile(text: string, file: string, variables: readonly string[]): ChatPromptTemplate {
  const sections = text.split(/^## +(\w+)[ \t]*$/m);
  const messages: Array<[string, string]> = [];
  for (let i = 1; i + 1 < sections.length; i += 2) {
    const role = (sections[i] as string).toLowerCase();
    if (!ROLES.has(role)) throw invalid(file, `unknown section "## ${role}" (use "## system" and "## human")`);
    messages.push([role, (sections[i + 1] as string).trim()]);
  }
  if (!messages.some(([role]) => role === 'human')) throw invalid(file, 'needs a "## human" section');
  let template: ChatPromptTemplate;
  try {
    template = ChatPromptTemplate.fromMessages(messages);
  } catch (error) {
    throw invalid(file, `is not a valid template (${(error as Error).message})`);
  }
  const found = new Set(template.inputVariables);
  const missing = variables.filter((v) => !found.has(v));
  const unknown = [...found].filter((v) => !variables.includes(v));
  if (missing.length) throw invalid(file, `is missing ${missing.map((v) => `{${v}}`).join(', ')}`);
  if (unknown.length) throw invalid(file, `uses unknown ${unknown.map((v) => `{${v}}`).join(', ')} (allowed: ${variables.join(', ')})`);
  return template;
}

function invalid(file: string, problem: string): FootnoteError {
  return new FootnoteError('config:invalid', `Prompt ${file} ${problem}`, { file });
}

/** The `prompts/` folder of the package, from source (`src/…`) or compiled (`dist/src/…`) code. */
export function findPromptsDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from, i = 0; i < 8; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'prompts');
    if (existsSync(path.join(candidate, SPECS.answer.file))) return candidate;
  }
  throw new FootnoteError('config:invalid', `No prompts/ folder found above ${from}`);
}

/** Loads and validates every prompt; a missing file or variable stops the start with one clear line. */
export function loadPrompts(dir: string = findPromptsDir()): Prompts {
  const load = (key: keyof Prompts) => {
    const { file, variables } = SPECS[key];
    const full = path.join(dir, file);
    if (!existsSync(full)) throw new FootnoteError('config:invalid', `Prompt file missing: ${full}`, { file: full });
    return parsePromptFile(readFileSync(full, 'utf8'), file, variables);
  };
  return { answer: load('answer'), highlightSummary: load('highlightSummary'), condenseFollowUp: load('condenseFollowUp') };
}
