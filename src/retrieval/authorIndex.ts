import type { Library } from '../store/Library.js';

/** Which normalised names the library's authors go by: full names, `first last`, and surnames. */
export interface AuthorNames {
  isFullName(name: string): boolean;
  isSurname(name: string): boolean;
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

/**
 * The library's author names, asked of its indexes one candidate at a time: holding all 200k
 * names of a 75k-paper catalog in memory cost half a second at start for a few lookups a question.
 */
export function authorIndexOf(library: Library): () => AuthorNames {
  const names: AuthorNames = {
    isFullName: (name) => library.knowsAuthor(name, 'full'),
    isSurname: (name) => library.knowsAuthor(name, 'surname'),
  };
  return () => names;
}
