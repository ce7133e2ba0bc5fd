import type { StoredPaper } from '../corpus/Paper.js';
import type { Library } from '../store/Library.js';

const PAGE = 256;

/**
 * The corpus once round, in the library's order, starting at `start` and wrapping: read a page
 * at a time, so a daily pick at 75k papers touches only the papers it needs.
 */
export function* rotationFrom(library: Pick<Library, 'count' | 'list'>, start: number): Generator<StoredPaper> {
  const total = library.count();
  if (total === 0) return;
  let read = 0;
  while (read < total) {
    const offset = (start + read) % total;
    const page = library.list(offset, Math.min(PAGE, total - offset, total - read));
    if (page.length === 0) return;
    yield* page;
    read += page.length;
  }
}

/** The newest `addedAt` in the library: the "new papers" watermark. */
export function newestAddedAt(library: Pick<Library, 'addedSince'>): string | null {
  return library.addedSince('0000-01-01T00:00:00.000Z', 1)[0]?.addedAt ?? null;
}
