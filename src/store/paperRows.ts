import type { StoredPaper } from '../corpus/Paper.js';

/** The columns every read selects, in the shape `rowToPaper` expects. */
export const PAPER_COLUMNS =
  'p.id, p.title, p.title_derived, p.authors, p.year, p.venue, p.url, p.abstract, p.categories, p.published, p.added_at, p.content_hash';

export interface PaperRow {
  id: string;
  title: string;
  title_derived: number;
  authors: string;
  year: number | null;
  venue: string | null;
  url: string | null;
  abstract: string;
  categories: string;
  published: string | null;
  added_at: string;
  content_hash: string;
}

export function rowToPaper(row: PaperRow): StoredPaper {
  return {
    id: row.id,
    title: row.title,
    titleDerived: row.title_derived === 1,
    authors: JSON.parse(row.authors) as string[],
    year: row.year,
    venue: row.venue,
    url: row.url,
    abstract: row.abstract,
    categories: JSON.parse(row.categories) as string[],
    published: row.published,
    addedAt: row.added_at,
    contentHash: row.content_hash,
  };
}
