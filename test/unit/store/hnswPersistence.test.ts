import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FootnoteError } from '../../../src/errors/index.js';
import { HnswStore } from '../../../src/store/HnswStore.js';
import { randomVector, seededEmbeddings, seededRandom } from '../../support/syntheticVectors.js';

const info = { name: 'test-seeded', version: '1', dimension: 8 };
const embeddings = seededEmbeddings(info);
const crashingSave = fileURLToPath(new URL('../../support/hnswCrashingSave.ts', import.meta.url));

let root: string;
let dir: string;

async function savedStore(count = 40): Promise<HnswStore> {
  const random = seededRandom(5);
  const store = HnswStore.create(embeddings);
  const vectors = Array.from({ length: count }, () => randomVector(random, info.dimension));
  await store.addVectors(vectors, vectors.map((_, i) => ({ pageContent: `text ${i}`, metadata: { id: `p${i}` } })));
  await store.save(dir);
  return store;
}

async function loadError(embedder = embeddings): Promise<FootnoteError> {
  const error = await HnswStore.load(dir, embedder).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FootnoteError);
  return error as FootnoteError;
}

function crashDuringSave(stage: 'afterTempWritten' | 'afterOldMovedAway'): void {
  const child = spawnSync(process.execPath, ['--import', 'tsx', crashingSave, dir, stage, JSON.stringify(info)], {
    encoding: 'utf8',
  });
  expect(child.signal, child.stderr).toBe('SIGKILL');
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'footnote-hnsw-persist-'));
  dir = join(root, 'index');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('HnswStore crash safety', () => {
  it('GIVEN a process killed after writing the new copy WHEN the index is loaded THEN the previous index loads and the leftover is cleaned', async () => {
    await savedStore();
    crashDuringSave('afterTempWritten');
    expect(readdirSync(root).some((name) => name.includes('.tmp-'))).toBe(true);
    const loaded = await HnswStore.load(dir, embeddings);
    expect(loaded.size).toBe(40);
    expect(loaded.has('crash-added')).toBe(false);
    expect(readdirSync(root)).toEqual(['index']);
  });

  it('GIVEN a process killed between moving the old index away and moving the new one in WHEN loaded THEN the previous index is recovered', async () => {
    await savedStore();
    crashDuringSave('afterOldMovedAway');
    expect(existsSync(dir)).toBe(false);
    expect(HnswStore.exists(dir)).toBe(true);
    const loaded = await HnswStore.load(dir, embeddings);
    expect(loaded.size).toBe(40);
    const [best] = await loaded.similaritySearchVectorWithScore(loaded.vectorOf('p3') as number[], 1);
    expect(best?.[0].pageContent).toBe('text 3');
    expect(readdirSync(root)).toEqual(['index']);
  });

  it('GIVEN a save that completed the swap but not the cleanup WHEN loaded THEN the new index wins and the old copy is removed', async () => {
    const store = await savedStore();
    mkdirSync(`${dir}.old-99999999-dead`);
    writeFileSync(join(`${dir}.old-99999999-dead`, 'manifest.json'), '{}');
    await store.delete({ ids: ['p0'] });
    await store.save(dir);
    const loaded = await HnswStore.load(dir, embeddings);
    expect(loaded.size).toBe(39);
    expect(readdirSync(root)).toEqual(['index']);
  });
});

describe('HnswStore beside another process saving', () => {
  it('GIVEN a temporary copy owned by a live process WHEN this process saves and loads THEN that copy is left alone', async () => {
    const store = await savedStore();
    const theirs = `${dir}.tmp-${process.ppid}-cafe`;
    mkdirSync(theirs);
    await store.save(dir);
    await HnswStore.load(dir, embeddings);
    expect(existsSync(theirs)).toBe(true);
  });
});

describe('HnswStore refuses damaged or foreign indexes', () => {
  it('GIVEN a garbled manifest WHEN loaded THEN index:corrupt names the directory and the rebuild command', async () => {
    await savedStore();
    writeFileSync(join(dir, 'manifest.json'), '{"format": 1, "entr');
    const error = await loadError();
    expect(error.code).toBe('index:corrupt');
    expect(error.message).toContain(dir);
    expect(error.message).toContain('footnote index rebuild');
  });

  it('GIVEN a missing manifest WHEN loaded THEN index:corrupt', async () => {
    await savedStore();
    rmSync(join(dir, 'manifest.json'));
    expect(HnswStore.exists(dir)).toBe(false);
    expect((await loadError()).code).toBe('index:corrupt');
  });

  it('GIVEN a truncated index file WHEN loaded THEN index:corrupt before hnswlib reads it', async () => {
    await savedStore();
    truncateSync(join(dir, 'hnsw.index'), 100);
    const error = await loadError();
    expect(error.code).toBe('index:corrupt');
    expect(error.message).toMatch(/does not match/);
  });

  it('GIVEN a self-consistent manifest listing fewer vectors than the index holds WHEN loaded THEN index:corrupt about the count', async () => {
    await savedStore();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    manifest.entries.pop();
    manifest.nextLabel -= 1;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const error = await loadError();
    expect(error.code).toBe('index:corrupt');
    expect(error.message).toMatch(/vector count disagrees/);
  });

  it('GIVEN a manifest whose labels do not add up or repeat an id WHEN loaded THEN index:corrupt', async () => {
    await savedStore();
    const original = readFileSync(join(dir, 'manifest.json'), 'utf8');
    const write = (edit: (m: { entries: Array<{ id: string }> }) => void) => {
      const manifest = JSON.parse(original);
      edit(manifest);
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    };
    write((m) => m.entries.pop());
    expect((await loadError()).message).toMatch(/inconsistent labels/);
    write((m) => {
      (m.entries[1] as { id: string }).id = 'p0';
    });
    expect((await loadError()).message).toMatch(/duplicate or unknown label or id p0/);
  });

  it('GIVEN no index at all WHEN loaded THEN index:corrupt', async () => {
    expect(HnswStore.exists(dir)).toBe(false);
    expect((await loadError()).code).toBe('index:corrupt');
  });

  it.each([
    ['name', { ...info, name: 'other' }],
    ['version', { ...info, version: '2' }],
    ['dimension', { ...info, dimension: 12 }],
  ])('GIVEN an index built by another embedder (%s) WHEN loaded THEN index:embedder_mismatch explains the fix', async (_, other) => {
    await savedStore();
    const error = await loadError(seededEmbeddings(other));
    expect(error.code).toBe('index:embedder_mismatch');
    expect(error.message).toBe(
      `The index in ${dir} was built with test-seeded 1 (8 dimensions), but the configured embedder is ${other.name} ${other.version} (${other.dimension} dimensions). Run \`footnote index rebuild\` to re-embed the papers.`,
    );
  });
});
