import type { Paper, RejectedLine, StoredPaper } from '../corpus/Paper.js';
import type { EmbedderInfo } from '../embeddings/types.js';

export interface IngestReport {
  added: number;
  updated: number;
  unchanged: number;
  /** Records dropped as duplicates of another paper's abstract within the corpus. */
  duplicates: number;
  rejected: RejectedLine[];
  /** True when `signal` stopped the run early; what was committed stays and a re-run finishes the job. */
  interrupted?: boolean;
}

export interface IngestOptions {
  /** Called as records are processed, for progress bars. */
  onProgress?: (processed: number) => void;
  /** Called for each rejected line as it is met, so an edge can print it before a later error. */
  onRejected?: (rejected: RejectedLine) => void;
  signal?: AbortSignal;
}

/**
 * The indexed corpus: the paper catalog (SQLite, with FTS5 for BM25 and indexes on authors and
 * years) and the HNSW vectors, kept consistent. The catalog is the source of truth; the vector
 * index is derived from it and repaired from it.
 */
export interface Library {
  readonly embedder: EmbedderInfo;
  count(): number;
  get(id: string): StoredPaper | undefined;
  getMany(ids: readonly string[]): StoredPaper[];
  /** Newest first by `published`, then id. */
  list(offset: number, limit: number): StoredPaper[];
  /** BM25 over title and abstract (stemmed, stop words removed); higher is better. */
  lexicalSearch(query: string, k: number): Array<{ id: string; score: number }>;
  /** Embeds the query and searches the HNSW index; cosine similarities, best first. */
  denseSearch(query: string, k: number): Promise<Array<{ id: string; similarity: number }>>;
  /** The stored (unit-length) vectors of these papers, by id; ids without a vector are absent. */
  vectorsOf?(ids: readonly string[]): Map<string, number[]>;
  /** Nearest papers to an indexed paper, itself excluded. */
  similarTo(id: string, k: number): Promise<Array<{ id: string; similarity: number }>>;
  /** Papers with an author whose name matches (case- and accent-insensitive, surname or full name). */
  byAuthor(name: string, limit: number): StoredPaper[];
  byYear(year: number, limit: number): StoredPaper[];
  /** Papers whose venue is exactly this string, one of `venues()`. */
  byVenue(venue: string, limit: number): StoredPaper[];
  /** Every distinct venue as written ("NeurIPS 2024"), for recognising venue questions. */
  venues(): string[];
  /** Prefix and word matches over titles, authors and ids (autocomplete). */
  suggest(query: string, limit: number): StoredPaper[];
  /** Papers first ingested after `isoTime`, newest first. */
  addedSince(isoTime: string, limit: number): StoredPaper[];
  /** Every distinct author name as written. */
  authorNames(): string[];
  /**
   * True when an author goes by this name (lowercase, accents and punctuation folded): `full`
   * matches a whole name or first and last name ("victoria li" for Victoria R. Li), `surname` a
   * last name. An index lookup, so questions are checked without loading every name.
   */
  knowsAuthor(name: string, as: 'full' | 'surname'): boolean;
  /** A value derived from the catalog and stored beside it, by key (see `writeState`). */
  readState?(key: string): string | undefined;
  /** Stores a derived value (statistics slow to compute at every start); never the papers themselves. */
  writeState?(key: string, value: string): void;
  /** Resolves when background work that speeds up search (the in-memory BM25 index) is done. */
  warm?(): Promise<void>;
  ingest(papers: AsyncIterable<Paper | RejectedLine> | Iterable<Paper | RejectedLine>, options?: IngestOptions): Promise<IngestReport>;
  /** Re-embeds every paper with the current embedder and replaces the vector index atomically. */
  rebuild(options?: IngestOptions): Promise<void>;
  close(): void;
}
