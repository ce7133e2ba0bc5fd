import { foldForMatching } from '../corpus/normalise.js';
import type { StoredPaper } from '../corpus/Paper.js';
import type { Library } from '../store/Library.js';
import type { QueryIntent } from './queryIntent.js';
import type { RankedPaper } from './types.js';

/** Papers the question names by metadata, in the order to show them, or undefined when it names none. */
export interface MetadataMatch {
  papers: StoredPaper[];
  matchedBy: NonNullable<RankedPaper['matchedBy']>;
}

const AUTHOR_LIMIT = 500;

/** "Victoria Li" finds "Victoria R. Li": the same first and last name, whatever stands between. */
function papersOf(library: Library, name: string): StoredPaper[] {
  const direct = library.byAuthor(name, AUTHOR_LIMIT);
  const words = name.split(' ');
  if (direct.length > 0 || words.length < 2) return direct;
  const [first, last] = [words[0], words[words.length - 1]];
  const sameName = (author: string) => {
    const parts = foldForMatching(author).split(' ');
    return parts[0] === first && parts[parts.length - 1] === last;
  };
  return library.byAuthor(last as string, AUTHOR_LIMIT).filter((p) => p.authors.some(sameName));
}

/** A year names the paper's year or its venue's: a 2024 preprint at "ICLR 2025" is an ICLR 2025 paper. */
function inYears(paper: StoredPaper, years: readonly number[]): boolean {
  return years.some((y) => paper.year === y || (paper.venue ?? '').includes(String(y)));
}

function byAuthors(library: Library, names: readonly string[]): StoredPaper[] {
  const lists = names.map((n) => papersOf(library, n));
  // "Cho and Lopez" means their joint papers; if they have none, each one's.
  const joint = lists.reduce((acc, list) => acc.filter((p) => list.some((q) => q.id === p.id)));
  if (joint.length > 0 || lists.length === 0) return joint;
  const seen = new Set<string>();
  return lists.flat().filter((p) => !seen.has(p.id) && seen.add(p.id));
}

/**
 * What the metadata says: named ids first; then the papers of the named authors (or else of the
 * named venues), narrowed to the named venues and years; or, with neither, the papers of the named
 * years (only when the question has no topic: "papers from 2023"; with a topic the year narrows
 * the content search instead).
 */
export function searchMetadata(library: Library, intent: QueryIntent, topic: boolean, limit: number): MetadataMatch | undefined {
  const named = intent.ids.map((id) => library.get(id)).filter((p): p is StoredPaper => p !== undefined);
  if (named.length > 0) return { papers: named, matchedBy: 'id' };
  if (intent.authors.length > 0 || intent.venues.length > 0) {
    const papers = intent.authors.length > 0 ? byAuthors(library, intent.authors) : intent.venues.flatMap((v) => library.byVenue(v, AUTHOR_LIMIT));
    const atVenues = intent.venues.length ? papers.filter((p) => p.venue !== null && intent.venues.includes(p.venue)) : papers;
    const matched = intent.years.length ? atVenues.filter((p) => inYears(p, intent.years)) : atVenues;
    return { papers: matched, matchedBy: intent.authors.length > 0 ? 'author' : 'venue' };
  }
  if (intent.years.length > 0 && !topic) {
    return { papers: intent.years.flatMap((y) => library.byYear(y, limit)), matchedBy: 'year' };
  }
  return undefined;
}
