import { foldForMatching } from '../corpus/normalise.js';
import type { Library } from '../store/Library.js';

/** Which of the library's venues a question word names: "neurips" → ["NeurIPS 2024"]. */
export interface VenueNames {
  venuesNamed(word: string): readonly string[];
}

// An arXiv preprint is where every paper is; "arxiv" in a question names an id or the site, not a venue.
const NOT_A_VENUE = new Set(['arxiv', 'preprint']);

/** The acronyms in a venue string ("NeurIPS", "EMNLP", "BlackboxNLP"): two capitals or more, so "Proceedings" and "main" never count. */
function venueKeys(venue: string): string[] {
  return venue
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => (word.match(/\p{Lu}/gu) ?? []).length >= 2 && /\p{L}/u.test(word))
    .map(foldForMatching)
    .filter((key) => key.length > 1 && !NOT_A_VENUE.has(key));
}

/** Venue strings by their acronyms. */
export function venueNames(venues: readonly string[]): VenueNames {
  const byKey = new Map<string, string[]>();
  for (const venue of venues) {
    for (const key of new Set(venueKeys(venue))) byKey.set(key, [...(byKey.get(key) ?? []), venue]);
  }
  return { venuesNamed: (word) => byKey.get(word) ?? [] };
}

/** The venue names of a library, rebuilt only when its paper count changes: one scan per ingest, not per question. */
export function venueIndexOf(library: Library): () => VenueNames {
  let cached: { count: number; value: VenueNames } | undefined;
  return () => {
    const count = library.count();
    if (!cached || cached.count !== count) cached = { count, value: venueNames(library.venues()) };
    return cached.value;
  };
}
