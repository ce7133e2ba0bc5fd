import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markersIn } from '../../../src/answer/citations.js';
import { openSeedAssistant, type SeedAssistant } from '../../support/seedAssistant.js';

let app: SeedAssistant;
beforeAll(async () => {
  app = await openSeedAssistant();
});
afterAll(() => app.close());

const TRANSCENDENCE = 'arxiv:2406.11741';
const MEMORIZATION = 'arxiv:2406.17746';
const FAST_FORWARD = 'arxiv:2409.04206';

async function cited(question: string) {
  const answer = await app.assistant.ask(question);
  expect(markersIn(answer.text)).toEqual(answer.citations.map((c) => c.n));
  return { answer, ids: answer.citations.map((c) => c.id) };
}

describe('questions about where a paper appeared (the venue)', () => {
  it('GIVEN one seed paper at NeurIPS 2024 WHEN asked which paper was at NeurIPS 2024 THEN that paper alone is cited and the venue is named', async () => {
    const { answer, ids } = await cited('which paper was at NeurIPS 2024?');
    expect(answer.abstained).toBe(false);
    expect(ids).toEqual([TRANSCENDENCE]);
    expect(answer.text).toContain('NeurIPS 2024');
  });

  it('GIVEN a 2024 arXiv paper accepted at ICLR 2025 WHEN asked what was published in ICLR 2025 THEN the venue year counts, not the arXiv year', async () => {
    const { answer, ids } = await cited('what was published in ICLR 2025?');
    expect(answer.abstained).toBe(false);
    expect(ids).toEqual([MEMORIZATION]);
  });

  it('GIVEN a venue named without a year and in lower case WHEN asked THEN its paper is found', async () => {
    const { ids } = await cited('which papers appeared at emnlp?');
    expect(ids).toEqual([FAST_FORWARD]);
  });

  it('GIVEN a venue and a year no paper has together WHEN asked THEN nothing is cited rather than a paper from another year', async () => {
    const { answer, ids } = await cited('which papers were at NeurIPS 2021?');
    expect(ids).toEqual([]);
    expect(answer.abstained).toBe(true);
  });
});

describe('an author question narrowed to a venue', () => {
  it('GIVEN Saphra’s paper at COLM 2024 WHEN asked what Saphra published at COLM THEN that paper alone is cited', async () => {
    const { answer, ids } = await cited('what did Saphra publish at COLM?');
    expect(answer.abstained).toBe(false);
    expect(ids).toEqual(['arxiv:2407.16711']);
  });
});
