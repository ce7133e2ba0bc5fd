import type { Library } from '../store/Library.js';

/** Which normalised names the library's authors go by: full names, `first last`, and surnames. */
export interface AuthorNames {
  isFullName(name: string): boolean;
  isSurname(name: string): boolean;
}

/**
 * The library's author names, asked of its indexes one candidate at a time: holding all 200k
 * names of a 75k-paper catalog in memory cost half a second at start for a few lookups a question.
 */
export function authorNamesOf(library: Library): AuthorNames {
  return {
    isFullName: (name) => library.knowsAuthor(name, 'full'),
    isSurname: (name) => library.knowsAuthor(name, 'surname'),
  };
}
