import { foldForMatching } from '../corpus/normalise.js';

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** `Moreno D'Incà` → `moreno dinca`: case, accents, apostrophes and punctuation folded for lookups. */
export function normaliseAuthor(name: string): string {
  return foldForMatching(name.replace(/['’]s$/u, '').replace(/['’`]/gu, ''));
}

/** The last name word, skipping suffixes like `Jr.`; `Naomi Saphra` → `saphra`. */
export function surnameOf(normalisedName: string): string {
  const words = normalisedName.split(' ').filter(Boolean);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words[words.length - 1] ?? '';
}
