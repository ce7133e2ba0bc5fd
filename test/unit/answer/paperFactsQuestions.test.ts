import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markersIn } from '../../../src/answer/citations.js';
import type { Answer } from '../../../src/answer/types.js';
import { openSeedAssistant, type SeedAssistant } from '../../support/seedAssistant.js';

let app: SeedAssistant;
beforeAll(async () => {
  app = await openSeedAssistant();
});
afterAll(() => app.close());

const TRANSCENDENCE = 'arxiv:2406.11741';

function expectCited(answer: Answer, ids: string[]): void {
  expect(answer.abstained).toBe(false);
  expect(answer.citations.map((c) => c.id)).toEqual(ids);
  expect(markersIn(answer.text)).toEqual(answer.citations.map((c) => c.n));
  expect(answer.text.length).toBeLessThanOrEqual(900);
}

describe('who wrote, when and where: facts about a paper found by its topic', () => {
  it('GIVEN the chess paper WHEN asked who wrote it THEN the answer names its authors, cited', async () => {
    const answer = await app.assistant.ask('who wrote the chess paper?');
    expectCited(answer, [TRANSCENDENCE]);
    expect(answer.text.split(' [1]')[0]).toContain('Edwin Zhang');
  });

  it('GIVEN the chess paper WHEN asked what year it was published THEN the answer gives 2024 instead of abstaining', async () => {
    const answer = await app.assistant.ask('what year was the chess paper published?');
    expectCited(answer, [TRANSCENDENCE]);
    expect(answer.text.split(' [1]')[0]).toContain('2024');
  });

  it('GIVEN a question about the chess paper WHEN the follow-up asks which venue it was published at THEN the answer names NeurIPS 2024', async () => {
    const first = await app.assistant.ask('what did the chess paper find?');
    const answer = await app.assistant.ask('which venue was it published at?', { history: [{ question: first.question, answer: first.text }] });
    expectCited(answer, [TRANSCENDENCE]);
    expect(answer.text).toContain('NeurIPS 2024');
  });

  it('GIVEN a question that says "when" about the content WHEN asked THEN no paper facts are put before the answer', async () => {
    const answer = await app.assistant.ask('when does Fast Forward stop repeating the optimizer step?');
    expect(answer.abstained).toBe(false);
    expect(answer.text).not.toMatch(/^\*Fast Forwarding/);
    expect(answer.text).not.toContain('Adir Rahamim');
  });

  it('GIVEN a question and a "who wrote it?" follow-up WHEN the next follow-up asks when it was published THEN it is still about that paper', async () => {
    const first = await app.assistant.ask('what is Fast Forward?');
    const second = await app.assistant.ask('who wrote it?', { history: [{ question: first.question, answer: first.text }] });
    const history = [{ question: first.question, answer: first.text }, { question: second.question, answer: second.text }];
    const answer = await app.assistant.ask('when was it published?', { history });
    expectCited(answer, ['arxiv:2409.04206']);
    expect(answer.text.split(' [1]')[0]).toContain('2024');
  });
});
