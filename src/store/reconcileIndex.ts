import type { FootnoteEmbeddings } from '../embeddings/types.js';
import { addPaperVectors } from './addPaperVectors.js';
import type { HnswStore } from './HnswStore.js';
import type { PaperCatalog } from './PaperCatalog.js';

export interface ReconcileResult {
  /** Papers (re-)embedded: no vector in the saved index, or committed after its last save. */
  embedded: number;
  /** Vectors dropped because their paper is not in the catalog. */
  removed: number;
}

/**
 * Brings the vector index in line with the catalog, the source of truth. After a crash between a
 * catalog commit and an index save, the committed papers are embedded again, so nothing is lost.
 */
export async function reconcileIndex(
  catalog: PaperCatalog,
  store: HnswStore,
  embeddings: FootnoteEmbeddings,
  batchSize: number,
  /** Told how many papers will be embedded before the work starts: at scale it takes a while. */
  onMissing: (count: number) => void = () => {},
): Promise<ReconcileResult> {
  const catalogIds = catalog.allIds();
  const known = new Set(catalogIds);
  const orphans = store.ids().filter((id) => !known.has(id));
  await store.delete({ ids: orphans });
  const pending = new Set(catalog.pendingIds());
  const missing = catalogIds.filter((id) => pending.has(id) || !store.has(id));
  if (missing.length > 0) onMissing(missing.length);
  for (let i = 0; i < missing.length; i += batchSize) {
    await addPaperVectors(store, embeddings, catalog.getMany(missing.slice(i, i + batchSize)));
  }
  return { embedded: missing.length, removed: orphans.length };
}
