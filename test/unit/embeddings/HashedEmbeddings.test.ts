import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEmbeddings } from '../../../src/embeddings/createEmbeddings.js';
import { HashedEmbeddings } from '../../../src/embeddings/local/HashedEmbeddings.js';
import { textFeatures, words } from '../../../src/embeddings/local/textFeatures.js';
import { isFootnoteError } from '../../../src/errors/index.js';

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);
const seeds = fs
  .readFileSync(new URL('../../../seeds/papers.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; title: string; abstract: string });

describe('HashedEmbeddings', () => {
  const embedder = new HashedEmbeddings();

  it('GIVEN the same text twice, WHEN embedded by two instances, THEN the vectors are identical', async () => {
    const text = seeds[1]!.abstract;
    expect(await new HashedEmbeddings().embedQuery(text)).toEqual(await embedder.embedQuery(text));
    expect(await embedder.embedDocuments([text, text])).toEqual([await embedder.embedQuery(text), await embedder.embedQuery(text)]);
  });

  it('GIVEN any text, WHEN embedded, THEN the vector has the declared dimension and unit length', async () => {
    for (const text of [seeds[0]!.abstract, 'LoRA', '', '!!! ???']) {
      const v = await embedder.embedQuery(text);
      expect(v).toHaveLength(embedder.info.dimension);
      expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    }
  });

  it('GIVEN the default config, WHEN the factory builds the embedder, THEN it is the local one with a stable identity', () => {
    const made = createEmbeddings({ provider: 'local' });
    expect(made.info).toEqual({ name: 'local-hashed', version: '2', dimension: 512 });
  });

  it('GIVEN an unsupported provider, WHEN the factory is asked for it, THEN it throws a FootnoteError', () => {
    let thrown: unknown;
    try {
      createEmbeddings({ provider: 'nonsense' as 'local' });
    } catch (error) {
      thrown = error;
    }
    expect(isFootnoteError(thrown) && thrown.code).toBe('config:invalid');
  });

  it('GIVEN a paraphrase of one abstract, WHEN compared, THEN it is closer to that abstract than to every other', async () => {
    const docs = await embedder.embedDocuments(seeds.map((p) => `${p.title}\n${p.abstract}`));
    const cases: Array<[string, string]> = [
      ['can a model trained on human chess games beat the players it learned from?', 'arxiv:2406.11741'],
      ['do chatbots refuse some users more than others because of their politics?', 'arxiv:2407.06866'],
      ['speeding up LoRA finetuning to cut compute', 'arxiv:2409.04206'],
    ];
    for (const [question, expected] of cases) {
      const q = await embedder.embedQuery(question);
      const best = seeds[docs.map((d) => cosine(q, d)).reduce((bi, s, i, all) => (s > all[bi]! ? i : bi), 0)]!;
      expect(best.id).toBe(expected);
    }
  });

  it('GIVEN the seed abstracts and some odd texts, WHEN embedded, THEN the float32 vectors are exactly those of local-hashed v2 (saved indexes stay valid)', () => {
    // The digest was taken from the embedder as released; a change here needs a version bump.
    const odd = ['LoRA', '', 'Überraschend naïve co-operation in LLMs’ self-play: GPT-4 vs. CNNs', 'the the the of'];
    const texts = [...seeds.map((p) => `${p.title}\n${p.abstract}`), ...odd];
    const vectors = Float32Array.from(texts.flatMap((t) => new HashedEmbeddings({ worker: false }).embed(t)));
    expect(createHash('sha256').update(Buffer.from(vectors.buffer)).digest('hex')).toBe('ae498454d837e971a7b112d8e413c82564b428cfa7f2c39d817654a28f82cc8a');
  });

  it('GIVEN texts embedded one after another by one instance, WHEN compared with fresh instances, THEN no count leaks from one text into the next', async () => {
    const texts = [seeds[0]!.abstract, seeds[0]!.abstract, 'model model model', seeds[3]!.abstract];
    const fresh = texts.map((t) => new HashedEmbeddings({ worker: false }).embed(t));
    expect(texts.map((t) => embedder.embed(t))).toEqual(fresh);
  });

  it('GIVEN two unrelated texts, WHEN compared, THEN they are less similar than two texts on the same topic', async () => {
    const [a, b, c] = await embedder.embedDocuments([
      'large language models memorize training data verbatim',
      'LLMs memorise sequences from their training corpus',
      'best pizza in Naples near the harbour',
    ]);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!) + 0.2);
  });
});

describe('textFeatures', () => {
  it('GIVEN acronym plurals and hyphenated words, WHEN split, THEN plurals are folded and hyphenated words also appear joined', () => {
    expect(words('LLMs and fine-tuning')).toEqual(['llm', 'and', 'fine', 'tuning', 'finetuning']);
  });

  it('GIVEN everyday paraphrases, WHEN featurised, THEN they share the concept of the technical term', () => {
    expect(textFeatures('a model that can beat its teachers').concepts).toContain('outperform');
    expect(textFeatures('models outperform the experts').concepts).toContain('outperform');
    expect(textFeatures('Large Language Models').concepts).toEqual(['llm']);
    expect(textFeatures('the bot turned down my request').concepts).toContain('refuse');
  });

  it('GIVEN stop words, WHEN featurised, THEN they are not terms', () => {
    expect(textFeatures('what is the of and').terms).toEqual([]);
  });
});

describe('idfOf', () => {
  it('GIVEN a word common in research abstracts and a rare one, WHEN weighed, THEN the common one weighs less', async () => {
    const { idfOf } = await import('../../../src/embeddings/local/idf.js');
    const { stem } = await import('../../../src/embeddings/local/stem.js');
    expect(idfOf(stem('results'))).toBeLessThan(0.3);
    expect(idfOf(stem('transcendence'))).toBeGreaterThan(0.8);
    expect(idfOf('zzzunseen')).toBe(1);
  });
});
