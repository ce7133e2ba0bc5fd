import { abstractKey, contentHash, embeddingHash } from '../corpus/normalise.js';
import type { Paper } from '../corpus/Paper.js';
import type { IngestReport } from './Library.js';
import type { CatalogEntry, PaperCatalog } from './PaperCatalog.js';

/**
 * Decides what each record of a batch is: new, an update of a stored id, unchanged (same content
 * hash, nothing written or embedded), or a duplicate of another paper's abstract (skipped). Counts
 * go into `report`; the entries to write come back.
 */
export function classifyBatch(catalog: PaperCatalog, batch: readonly Paper[], report: IngestReport): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const byId = new Map<string, number>();
  const idByKey = new Map<string, string>();
  for (const paper of batch) {
    const hash = contentHash(paper);
    const earlier = byId.get(paper.id);
    const prior = earlier !== undefined ? entries[earlier] : catalog.fingerprint(paper.id);
    // The common case of a re-ingest: decided by one hash and one indexed lookup.
    if (prior && prior.contentHash === hash) {
      report.unchanged += 1;
      continue;
    }
    const entry: CatalogEntry = { paper, contentHash: hash, embeddingHash: embeddingHash(paper), abstractKey: abstractKey(paper.abstract), reembed: true };
    const owner = idByKey.get(entry.abstractKey) ?? catalog.idWithAbstract(entry.abstractKey);
    if (owner !== undefined && owner !== paper.id) {
      report.duplicates += 1;
      continue;
    }
    entry.reembed = !prior || prior.embeddingHash !== entry.embeddingHash || (earlier !== undefined && entries[earlier]!.reembed);
    idByKey.set(entry.abstractKey, paper.id);
    if (prior) report.updated += 1;
    else report.added += 1;
    if (earlier !== undefined) entries[earlier] = entry;
    else byId.set(paper.id, entries.push(entry) - 1);
  }
  return entries;
}
