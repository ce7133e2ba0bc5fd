import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Paper } from '../../../src/corpus/Paper.js';
import type { RankedPaper } from '../../../src/retrieval/types.js';

const SEEDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../seeds/papers.jsonl');

/** The ten seed papers as `Paper`s, read straight from `seeds/papers.jsonl`. */
export function loadSeedPapers(): Paper[] {
  return readFileSync(SEEDS, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const r = JSON.parse(line) as { id: string; title: string; authors: string[]; year: number; venue: string | null; url: string; abstract: string };
      return { ...r, titleDerived: false, categories: [], published: null };
    });
}

/** Seed papers by id, ranked in the order given (as a retriever would hand them over). */
export function rankedSeeds(...ids: string[]): RankedPaper[] {
  const papers = loadSeedPapers();
  return ids.map((id, i) => {
    const paper = papers.find((p) => p.id === id);
    if (!paper) throw new Error(`no seed paper ${id}`);
    return { paper, score: 1 / (i + 1), matchedBy: 'content' as const };
  });
}

export const FAST_FORWARD = 'arxiv:2409.04206';
export const MECHANISTIC = 'arxiv:2410.09087';
export const TRANSCENDENCE = 'arxiv:2406.11741';
export const GUARDRAILS = 'arxiv:2407.06866';
