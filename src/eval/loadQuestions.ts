import fs from 'node:fs';
import { FootnoteError } from '../errors/index.js';

/** One evaluation question: `expected: []` means the indexed papers do not cover it (the bot should abstain). */
export interface EvalQuestion {
  question: string;
  expected: string[];
}

const MAX_REPORTED = 10;

function parseLine(line: string): EvalQuestion | string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return `invalid JSON (${(error as Error).message})`;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'not a JSON object';
  const { question, expected } = record as Record<string, unknown>;
  if (typeof question !== 'string' || question.trim() === '') return '"question" must be a non-empty string';
  if (!Array.isArray(expected) || !expected.every((e) => typeof e === 'string')) return '"expected" must be an array of paper ids';
  return { question, expected: expected as string[] };
}

/** Parses a question set (JSON Lines); every bad line is reported as `file:line: reason` in one error. */
export function parseQuestions(text: string, file: string): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') problems.push(`${file}:${i + 1}: ${parsed}`);
    else questions.push(parsed);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED).join('\n');
    const more = problems.length > MAX_REPORTED ? `\n… and ${problems.length - MAX_REPORTED} more` : '';
    throw new FootnoteError('eval:bad_questions', `${shown}${more}`, { file, bad: problems.length });
  }
  if (questions.length === 0) throw new FootnoteError('eval:bad_questions', `${file}: no questions`, { file });
  return questions;
}

export function loadQuestions(file: string): EvalQuestion[] {
  if (!fs.existsSync(file)) throw new FootnoteError('eval:bad_questions', `${file}: no such file`, { file });
  return parseQuestions(fs.readFileSync(file, 'utf8'), file);
}
