import { seededRandom } from './syntheticVectors.js';

/**
 * Deterministic synthetic papers for scale tests: JSON Lines in the seeds' shape with made-up words,
 * a pool of authors shared across papers, and years, so metadata lookups have exact answers.
 */
export interface SyntheticPaper {
  id: string;
  title: string;
  authors: string[];
  year: number;
  abstract: string;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'van', 'sol', 'dre', 'qui', 'bal', 'nor', 'pe', 'zu', 'rho', 'tek', 'sim', 'gra'];
const FIRST = ['Ada', 'Bo', 'Chen', 'Dana', 'Emil', 'Fatima', 'Goran', 'Hana', 'Ivo', 'Jun', 'Kira', 'Luis', 'Mira', 'Nils', 'Olga', 'Priya'];
const LAST = ['Aalto', 'Berg', 'Costa', 'Dahl', 'Eze', 'Fischer', 'Garcia', 'Huang', 'Ito', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Sato', 'Tanaka'];

/** `count` papers from `seed`; ids `synth:<seed>-<n>` so two seeds never collide. */
export function syntheticPapers(count: number, seed = 1): SyntheticPaper[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const vocabulary = Array.from({ length: 600 }, () => pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES));
  const words = (n: number) => Array.from({ length: n }, () => pick(vocabulary)).join(' ');
  return Array.from({ length: count }, (_, n) => ({
    id: `synth:${seed}-${n}`,
    title: `${words(5)} ${n}`,
    authors: Array.from({ length: 1 + Math.floor(random() * 3) }, () => `${pick(FIRST)} ${pick(LAST)}`),
    year: 2015 + Math.floor(random() * 11),
    abstract: `${words(60)}. ${words(40)} (${seed}-${n}).`,
  }));
}

export const toJsonl = (papers: readonly SyntheticPaper[]): string => papers.map((p) => JSON.stringify(p)).join('\n') + '\n';
