import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetriever } from '../../../src/retrieval/createRetriever.js';
import { FootnoteRetriever } from '../../../src/retrieval/FootnoteRetriever.js';
import type { Retriever } from '../../../src/retrieval/types.js';
import type { Library } from '../../../src/store/Library.js';
import { openSeededLibrary, QUESTIONS_FILE } from '../../support/seededLibrary.js';

let library: Library;
let cleanup: () => void;
let retriever: Retriever;

beforeAll(async () => {
  ({ library, cleanup } = await openSeededLibrary());
  retriever = createRetriever(library);
});
afterAll(() => cleanup());

const ids = async (query: string, k = 5) => (await retriever.retrieve(query, { k })).map((r) => r.paper.id);

describe('createRetriever over the seed library', () => {
  it('GIVEN a surname question, WHEN retrieved, THEN exactly that author\'s papers come back, marked as author matches', async () => {
    const results = await retriever.retrieve('what did Wiegreffe write?');
    expect(results.map((r) => r.paper.id)).toEqual(['arxiv:2410.09087']);
    expect(results[0]!.matchedBy).toBe('author');
  });

  it('GIVEN a year question, WHEN retrieved, THEN the papers of that year come back, marked as year matches', async () => {
    const results = await retriever.retrieve('papers from 2023', { k: 10 });
    expect(results.map((r) => r.paper.id).sort()).toEqual(['arxiv:2311.05020', 'arxiv:2311.08695', 'arxiv:2311.18007']);
    expect(results.every((r) => r.matchedBy === 'year')).toBe(true);
  });

  it('GIVEN an author and a year, WHEN retrieved, THEN only that author\'s papers of that year come back', async () => {
    expect((await ids('which papers did Naomi Saphra write in 2023?', 10)).sort()).toEqual(['arxiv:2311.05020', 'arxiv:2311.08695', 'arxiv:2311.18007']);
  });

  it('GIVEN an author and a topic, WHEN retrieved, THEN the author\'s paper on that topic comes first', async () => {
    expect((await ids('what did Saphra write about memorization?'))[0]).toBe('arxiv:2406.17746');
  });

  it('GIVEN a year with no papers and no topic, WHEN retrieved, THEN nothing comes back', async () => {
    expect(await ids('papers from 2019')).toEqual([]);
  });

  it('GIVEN an arXiv id, WHEN retrieved, THEN that paper comes back, marked as an id match', async () => {
    const [first] = await retriever.retrieve('tell me about arxiv:2406.17746');
    expect(first).toMatchObject({ paper: { id: 'arxiv:2406.17746' }, matchedBy: 'id' });
  });

  it('GIVEN a title named in the question, WHEN retrieved, THEN that paper comes first, marked as a title match', async () => {
    const [first] = await retriever.retrieve('what is the paper First Tragedy, then Parse about?');
    expect(first).toMatchObject({ paper: { id: 'arxiv:2311.05020' }, matchedBy: 'title' });
  });

  it('GIVEN a content question, WHEN retrieved in each mode, THEN the scores each mode reports are filled', async () => {
    const q = 'how much did Fast Forward cut FLOPs?';
    const [hybrid] = await retriever.retrieve(q, { mode: 'hybrid' });
    const [lexical] = await retriever.retrieve(q, { mode: 'lexical' });
    const [dense] = await retriever.retrieve(q, { mode: 'dense' });
    expect(hybrid).toMatchObject({ paper: { id: 'arxiv:2409.04206' }, matchedBy: 'content' });
    expect(hybrid!.lexicalScore).toBeGreaterThan(0);
    expect(hybrid!.similarity).toBeGreaterThan(0);
    expect(lexical!.similarity).toBeUndefined();
    expect(dense!.lexicalScore).toBeUndefined();
  });

  it('GIVEN an off-topic question, WHEN retrieved, THEN its best score is far below an on-topic question\'s', async () => {
    const [offTopic] = await retriever.retrieve('how do I reset my router?');
    const [onTopic] = await retriever.retrieve('can a model trained on human chess games beat the players?');
    expect(onTopic!.score).toBeGreaterThan(2 * (offTopic?.score ?? 0));
  });

  it('GIVEN the LangChain wrapper, WHEN invoked, THEN it returns the abstracts as Documents with citation metadata', async () => {
    const docs = await new FootnoteRetriever(retriever, { k: 2 }).invoke('what is CLEVR-HOPE?');
    expect(docs).toHaveLength(2);
    expect(docs[0]!.metadata).toMatchObject({ id: 'arxiv:2311.08695', year: 2023, url: 'https://arxiv.org/abs/2311.08695' });
    expect(docs[0]!.pageContent).toContain('CLEVR-HOPE');
  });
});

describe('retrieval quality guard (the fixture question set)', () => {
  const questions = fs
    .readFileSync(QUESTIONS_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { question: string; expected: string[] })
    .filter((q) => q.expected.length > 0);

  async function hitAt1(mode: 'hybrid' | 'lexical' | 'dense'): Promise<number> {
    let hits = 0;
    for (const q of questions) {
      const [top] = await retriever.retrieve(q.question, { k: 3, mode });
      if (top && q.expected.includes(top.paper.id)) hits += 1;
    }
    return hits / questions.length;
  }

  // The figures reached when this guard was written (hybrid 0.985, lexical 0.970, dense 0.909 over
  // 66 questions): a change that loses more than one question fails here.
  it('GIVEN the answerable fixture questions, WHEN retrieved in each mode, THEN hit@1 holds at what was reached', async () => {
    expect(await hitAt1('hybrid')).toBeGreaterThanOrEqual(0.97);
    expect(await hitAt1('lexical')).toBeGreaterThanOrEqual(0.955);
    expect(await hitAt1('dense')).toBeGreaterThanOrEqual(0.89);
  });
});

describe('author names written without a middle initial', () => {
  it('GIVEN "Victoria Li" for the author "Victoria R. Li", WHEN retrieved, THEN her paper comes back as an author match', async () => {
    const [first] = await retriever.retrieve('what did Victoria Li find?');
    expect(first).toMatchObject({ paper: { id: 'arxiv:2407.06866' }, matchedBy: 'author' });
  });
});
