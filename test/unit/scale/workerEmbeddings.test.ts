import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticPapers } from '../../support/syntheticPapers.js';

// The worker runs only from compiled code (`npm test` builds dist/ first, as the e2e tests need).
const DIST = path.resolve('dist/embeddings/local/HashedEmbeddings.js');
const { HashedEmbeddings } = (await import(DIST)) as typeof import('../../../src/embeddings/local/HashedEmbeddings.js');

describe('offline embedder on a worker thread', () => {
  it('GIVEN a batch of 200 abstracts WHEN embedded on the worker and in-process THEN the vectors are equal at float32 precision, in order', async () => {
    const texts = syntheticPapers(200, 3).map((p) => `${p.title}\n${p.abstract}`);
    const onWorker = await new HashedEmbeddings().embedDocuments(texts);
    const inProcess = await new HashedEmbeddings({ worker: false }).embedDocuments(texts);
    expect(onWorker).toHaveLength(texts.length);
    expect(onWorker).toEqual(inProcess.map((v) => v.map(Math.fround)));
  });

  it('GIVEN a process that embedded a batch on the worker WHEN its work is done THEN it exits by itself (the idle worker holds nothing open)', async () => {
    const script = `const { HashedEmbeddings } = await import(${JSON.stringify(DIST)});
      const vectors = await new HashedEmbeddings().embedDocuments(Array.from({ length: 40 }, (_, i) => 'abstract number ' + i + ' about sparse retrieval'));
      console.log(vectors.length);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out.trim()).toBe('40');
  });
});
