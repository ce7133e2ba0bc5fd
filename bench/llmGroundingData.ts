import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Paper } from '../src/corpus/Paper.js';
import type { RankedPaper } from '../src/retrieval/types.js';
import { loadSeedPapers } from '../test/support/openai-sim/seedPapers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One sentence of a recorded answer, labelled by hand: `ok`, or the flaw it carries. */
export interface RecordedSentence {
  text: string;
  ok: boolean;
  flaw?: string;
}

/** A realistic LLM answer recorded for a fixture question, with the sources it was given in order. */
export interface Recording {
  question: string;
  sources: string[];
  sentences: RecordedSentence[];
  note?: string;
  expected: string[];
  passages: RankedPaper[];
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The recordings joined with the question set's expected papers. */
export function loadRecordings(): { recordings: Recording[]; questions: number; papers: Paper[] } {
  const papers = loadSeedPapers();
  const expected = new Map(readJsonl<{ question: string; expected: string[] }>('test/fixtures/questions.jsonl').map((q) => [q.question, q.expected]));
  const recordings = readJsonl<Omit<Recording, 'expected' | 'passages'>>('bench/fixtures/recorded-answers.jsonl').map((r) => {
    const exp = expected.get(r.question);
    if (!exp) throw new Error(`recorded question not in test/fixtures/questions.jsonl: ${r.question}`);
    const passages = r.sources.map((id, i) => {
      const paper = papers.find((p) => p.id === id);
      if (!paper) throw new Error(`unknown paper ${id}`);
      return { paper, score: 1 / (i + 1), matchedBy: 'content' as const };
    });
    return { ...r, expected: exp, passages };
  });
  return { recordings, questions: expected.size, papers };
}

/** The reply the simulator replays: the sentences as the model wrote them. */
export const replyOf = (r: Recording): string => r.sentences.map((s) => s.text).join(' ');

export function table(head: string[], rows: Array<Array<string | number>>): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);
