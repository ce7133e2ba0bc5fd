import { foldForMatching } from '../corpus/normalise.js';
import type { Library } from '../store/Library.js';

/** Which normalised names the library's authors go by: full names, `first last`, and surnames. */
export interface AuthorNames {
  isFullName(name: string): boolean;
  isSurname(name: string): boolean;
}

function build(names: string[]): AuthorNames {
  const full = new Set<string>();
  const surnames = new Set<string>();
  for (const name of names) {
    const words = foldForMatching(name.replace(/['’`]/gu, '')).split(' ').filter(Boolean);
    if (words.length === 0) continue;
    full.add(words.join(' '));
    const last = words[words.length - 1] as string;
    surnames.add(last);
    // "Victoria R. Li" is asked about as "Victoria Li".
    if (words.length > 2) full.add(`${words[0]} ${last}`);
  }
  return { isFullName: (n) => full.has(n), isSurname: (n) => surnames.has(n) };
}

/** A lookup built from the library and rebuilt only when its paper count changes: one scan per ingest, not per question. */
export function rebuiltOnIngest<T>(library: Library, build: () => T): () => T {
  let cached: { count: number; value: T } | undefined;
  return () => {
    const count = library.count();
    if (!cached || cached.count !== count) cached = { count, value: build() };
    return cached.value;
  };
}

/** The author names of a library, rebuilt only when its paper count changes. */
export function authorIndexOf(library: Library): () => AuthorNames {
  return rebuiltOnIngest(library, () => build(library.authorNames()));
}
