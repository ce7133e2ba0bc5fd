/** A paper as Footnote knows it: the unit that is indexed, retrieved and cited. */
export interface Paper {
  /** Stable id: `arxiv:2409.04206`, `text:<hash>` for plain abstracts, a BEIR `_id` unchanged. */
  id: string;
  /** The real title, or, when `titleDerived`, a label made from the abstract. */
  title: string;
  /** True when the title was derived from the text: answers must never present it as a real title. */
  titleDerived: boolean;
  authors: string[];
  year: number | null;
  venue: string | null;
  url: string | null;
  abstract: string;
  categories: string[];
  /** ISO date the paper was first announced or published, when the source says so. */
  published: string | null;
}

/** What a citation, a suggestion or a retrieved Document shows of a paper. */
export type PaperRef = Pick<Paper, 'id' | 'title' | 'titleDerived' | 'authors' | 'year' | 'url'>;

/** A paper as the catalog stores it: with the bookkeeping the highlights and ingest need. */
export interface StoredPaper extends Paper {
  /** ISO timestamp of the first ingest of this id. */
  addedAt: string;
  /** Hash of the normalised content: an unchanged paper is never re-embedded. */
  contentHash: string;
}

/** One line of input that was skipped, reported as `file:line: reason`. */
export interface RejectedLine {
  file: string;
  line: number;
  reason: string;
}
