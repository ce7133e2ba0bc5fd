import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { fsyncPath, writeFileDurably } from './atomicDir.js';
import { type HnswManifest, INDEX_FILE, MANIFEST_FILE, MANIFEST_FORMAT, corruptIndex, fileDigest } from './hnswManifest.js';

/** The part of hnswlib's index a snapshot needs. */
export interface WritableIndex {
  writeIndexSync(path: string): void;
}

/**
 * Writes `hnsw.index` and then `manifest.json` (with the index's size and hash, so that a damaged
 * file is refused before hnswlib reads it) into `directory`, both flushed to disk.
 */
export function writeSnapshot(directory: string, index: WritableIndex, manifest: Omit<HnswManifest, 'format' | 'index'>): void {
  const indexPath = join(directory, INDEX_FILE);
  index.writeIndexSync(indexPath);
  fsyncPath(indexPath);
  const full: HnswManifest = { format: MANIFEST_FORMAT, ...manifest, index: fileDigest(indexPath) };
  writeFileDurably(join(directory, MANIFEST_FILE), JSON.stringify(full));
}

/** Reads `hnsw.index` of a verified manifest and checks it holds the vectors the manifest lists. */
export async function readSnapshotIndex(directory: string, manifest: HnswManifest): Promise<InstanceType<typeof hnswlib.HierarchicalNSW>> {
  const index = new hnswlib.HierarchicalNSW('cosine', manifest.embedder.dimension);
  try {
    // Off the main thread: reading a large index takes a second that start-up can use elsewhere.
    await index.readIndex(join(directory, INDEX_FILE), false);
  } catch (error) {
    throw corruptIndex(directory, `hnswlib cannot read ${INDEX_FILE}`, error);
  }
  if (index.getCurrentCount() !== manifest.entries.length + manifest.freeLabels.length) {
    throw corruptIndex(directory, 'the vector count disagrees with the manifest');
  }
  return index;
}
