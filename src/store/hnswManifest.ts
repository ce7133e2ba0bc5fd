import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { EmbedderInfo } from '../embeddings/types.js';
import { FootnoteError } from '../errors/index.js';

export const MANIFEST_FILE = 'manifest.json';
export const INDEX_FILE = 'hnsw.index';
export const MANIFEST_FORMAT = 1;

const embedderSchema = z.object({
  name: z.string(),
  version: z.string(),
  dimension: z.number().int().positive(),
});

/** One indexed paper. `pageContent` ('') and `metadata` ({ id }) are left out when they hold only the defaults. */
export interface ManifestEntry {
  label: number;
  id: string;
  pageContent?: string;
  metadata?: Record<string, unknown>;
}

// Checked by hand: zod costs seconds on the 75k entries of a large index, this a few milliseconds.
function isEntry(value: unknown): value is ManifestEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { label, id, pageContent, metadata } = value as Record<string, unknown>;
  return (
    Number.isInteger(label) &&
    (label as number) >= 0 &&
    typeof id === 'string' &&
    (pageContent === undefined || typeof pageContent === 'string') &&
    (metadata === undefined || (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)))
  );
}

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  embedder: embedderSchema,
  options: z.object({
    m: z.number().int().positive(),
    efConstruction: z.number().int().positive(),
    efSearch: z.number().int().positive(),
  }),
  /** Labels of deleted vectors, still present in the graph and reused by later adds. */
  freeLabels: z.array(z.number().int().nonnegative()),
  nextLabel: z.number().int().nonnegative(),
  index: z.object({ bytes: z.number().int().nonnegative(), sha256: z.string() }),
  // Checked by `isEntry` after parsing (see there).
  entries: z.custom<ManifestEntry[]>(Array.isArray),
});

/** What `manifest.json` holds beside `hnsw.index`: enough to rebuild the store's maps and to refuse a wrong or damaged index. */
export type HnswManifest = z.infer<typeof manifestSchema>;

export function corruptIndex(directory: string, reason: string, cause?: unknown): FootnoteError {
  return new FootnoteError(
    'index:corrupt',
    `The vector index in ${directory} cannot be used (${reason}). Run \`footnote index rebuild\` to rebuild it from the paper catalog.`,
    { directory, reason },
    { cause },
  );
}

export function embedderMismatch(directory: string, built: EmbedderInfo, configured: EmbedderInfo): FootnoteError {
  const describe = (e: EmbedderInfo) => `${e.name} ${e.version} (${e.dimension} dimensions)`;
  return new FootnoteError(
    'index:embedder_mismatch',
    `The index in ${directory} was built with ${describe(built)}, but the configured embedder is ${describe(configured)}. Run \`footnote index rebuild\` to re-embed the papers.`,
    { directory, built, configured },
  );
}

/** Hashes in chunks so that checking a large index never holds a second copy of it in memory. */
export function fileDigest(path: string): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  let bytes = 0;
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Reads and validates a saved manifest; any damage is reported as `index:corrupt`. */
export function readManifest(directory: string): HnswManifest {
  let raw: string;
  try {
    raw = readFileSync(join(directory, MANIFEST_FILE), 'utf8');
  } catch (error) {
    throw corruptIndex(directory, `cannot read ${MANIFEST_FILE}`, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw corruptIndex(directory, `${MANIFEST_FILE} is not valid JSON`, error);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'root';
    throw corruptIndex(directory, `${MANIFEST_FILE} is malformed at ${where}`);
  }
  const bad = parsed.data.entries.findIndex((entry) => !isEntry(entry));
  if (bad >= 0) throw corruptIndex(directory, `${MANIFEST_FILE} is malformed at entries.${bad}`);
  return parsed.data;
}

/** Checks the manifest against itself and the index file before hnswlib, which trusts its input, reads it. */
export function verifyManifest(directory: string, manifest: HnswManifest): void {
  // Every label below nextLabel is used exactly once, by a live entry or the free list.
  const used = new Uint8Array(manifest.nextLabel);
  const claim = (label: number): boolean => label < used.length && used[label] === 0 && (used[label] = 1) === 1;
  if (!manifest.freeLabels.every(claim) || manifest.freeLabels.length + manifest.entries.length !== used.length) {
    throw corruptIndex(directory, 'inconsistent labels');
  }
  const ids = new Set<string>();
  for (const { label, id } of manifest.entries) {
    if (!claim(label) || ids.has(id)) throw corruptIndex(directory, `duplicate or unknown label or id ${id}`);
    ids.add(id);
  }
  let digest: { bytes: number; sha256: string };
  try {
    digest = fileDigest(join(directory, INDEX_FILE));
  } catch (error) {
    throw corruptIndex(directory, `cannot read ${INDEX_FILE}`, error);
  }
  if (digest.bytes !== manifest.index.bytes || digest.sha256 !== manifest.index.sha256) {
    throw corruptIndex(directory, `${INDEX_FILE} does not match its manifest`);
  }
}
