import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { createEmbeddings } from '../../../src/embeddings/createEmbeddings.js';
import { createRemoteEmbeddings } from '../../../src/embeddings/remote/createRemoteEmbeddings.js';
import { startOpenAiSim, type OpenAiSim } from '../../support/openai-sim/OpenAiSim.js';
import { vectorFor } from '../../support/openai-sim/steps.js';

const EMBED = '/v1/embeddings';
const fast = { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } };

let sim: OpenAiSim;
beforeEach(async () => {
  sim = await startOpenAiSim({ embedFallback: { kind: 'vectors', dimension: 8 } });
});
afterEach(async () => {
  await sim.close();
});

function config(model = 'sim-embed') {
  return loadConfig({ EMBEDDINGS: 'openai', EMBEDDINGS_MODEL: model, EMBEDDINGS_BASE_URL: sim.baseUrl }).embeddings;
}

describe('remote embeddings against the OpenAI-compatible simulator', () => {
  it('GIVEN EMBEDDINGS=openai WHEN created through createEmbeddings and made ready THEN it names the model and learns the dimension', async () => {
    const embeddings = createEmbeddings(config());
    expect(embeddings.info.name).toBe('openai:sim-embed');
    expect(await embeddings.ready?.()).toEqual({ name: 'openai:sim-embed', version: '1', dimension: 8 });
  });

  it('GIVEN ten texts and batches of four WHEN embedded THEN three requests carry them and vectors come back in order', async () => {
    const embeddings = createRemoteEmbeddings(config(), { ...fast, batchSize: 4 });
    const texts = Array.from({ length: 10 }, (_, i) => `abstract number ${i}`);
    const vectors = await embeddings.embedDocuments(texts);
    expect(sim.requestsTo(EMBED).map((r) => (r.body as { input: string[] }).input.length)).toEqual([4, 4, 2]);
    expect(vectors[7]?.map((x) => Number(x.toFixed(3)))).toEqual(vectorFor('abstract number 7', 8));
  });

  it('GIVEN a server whose vectors change dimension WHEN embedding THEN a clear dimension-mismatch error is thrown', async () => {
    const embeddings = createRemoteEmbeddings(config(), fast);
    await embeddings.ready();
    sim.embeddings.push({ kind: 'vectors', dimension: 4 });
    await expect(embeddings.embedQuery('hello')).rejects.toMatchObject({ code: 'embeddings:dimension_mismatch', message: expect.stringMatching(/4-dimensional vectors, expected 8/) });
  });

  it('GIVEN a known model whose server returns another dimension WHEN embedding THEN it is refused', async () => {
    const embeddings = createRemoteEmbeddings(config('text-embedding-3-small'), fast);
    expect(embeddings.info.dimension).toBe(1536);
    await expect(embeddings.embedDocuments(['x'])).rejects.toMatchObject({ code: 'embeddings:dimension_mismatch' });
  });

  it('GIVEN a batch that fails with 500 and then a 429 WHEN embedding THEN it is retried and succeeds', async () => {
    sim.embeddings.push({ kind: 'status', status: 500 }, { kind: 'status', status: 429 });
    const embeddings = createRemoteEmbeddings(config(), fast);
    expect(await embeddings.embedDocuments(['a', 'b'])).toHaveLength(2);
    expect(sim.requestsTo(EMBED)).toHaveLength(3);
  });

  it('GIVEN a server failing every time WHEN embedding THEN it gives up after the bounded attempts with embeddings:unavailable', async () => {
    sim.embeddings.repeat({ kind: 'status', status: 503 }, 5);
    const embeddings = createRemoteEmbeddings(config(), fast);
    await expect(embeddings.embedQuery('x')).rejects.toMatchObject({ code: 'embeddings:unavailable' });
    expect(sim.requestsTo(EMBED)).toHaveLength(3);
  });

  it('GIVEN a 401 WHEN embedding THEN it is not retried', async () => {
    sim.embeddings.push({ kind: 'status', status: 401 });
    const embeddings = createRemoteEmbeddings(config(), fast);
    await expect(embeddings.embedQuery('x')).rejects.toMatchObject({ code: 'embeddings:unavailable' });
    expect(sim.requestsTo(EMBED)).toHaveLength(1);
  });

  it('GIVEN OPENAI_API_BASE pointing elsewhere WHEN embedding THEN the configured base URL is still used', async () => {
    const saved = process.env.OPENAI_API_BASE;
    process.env.OPENAI_API_BASE = 'http://127.0.0.1:9/v1';
    try {
      await createRemoteEmbeddings(config(), fast).embedQuery('x');
      expect(sim.requestsTo(EMBED)).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.OPENAI_API_BASE;
      else process.env.OPENAI_API_BASE = saved;
    }
  });
});
