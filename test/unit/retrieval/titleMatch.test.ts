import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../src/corpus/Paper.js';
import { namesTitle } from '../../../src/retrieval/titleMatch.js';

const paper = (title: string, titleDerived = false): Paper => ({
  id: 'x:1', title, titleDerived, authors: [], year: null, venue: null, url: null, abstract: 'An abstract.', categories: [], published: null,
});

describe('namesTitle', () => {
  it.each([
    ['summarize Benchmarks as Microscopes', 'Benchmarks as Microscopes: A Call for Model Metrology'],
    ['what is the paper First Tragedy, then Parse about?', 'First Tragedy, then Parse: History Repeats Itself in the New Era of Large Language Models'],
    ['what does the Transcendence paper show?', 'Transcendence: Generative Models Can Outperform The Experts That Train Them'],
    ['what did "fast forwarding low-rank" find?', 'Fast Forwarding Low-Rank Training'],
    ['is low-rank training fast forwarding', 'Fast Forwarding Low-Rank Training'],
  ])('GIVEN %j WHEN checked against %j THEN the title is named', (question, title) => {
    expect(namesTitle(question, [...question.matchAll(/"([^"]+)"/g)].map((m) => m[1]!), paper(title))).toBe(true);
  });

  it.each([
    ['BLM gene encodes RecQ-class DNA helicase.', 'RecQ helicases: caretakers of the genome'],
    ['what does Transcendence mean for chess engines?', 'Transcendence: Generative Models Can Outperform The Experts That Train Them'],
    ['how do benchmarks act like microscopes for models', 'Benchmarks as Microscopes: A Call for Model Metrology'],
  ])('GIVEN %j WHEN checked against %j THEN it is not read as naming the title', (question, title) => {
    expect(namesTitle(question, [], paper(title))).toBe(false);
  });

  it('GIVEN a derived label instead of a title WHEN its words are in the question THEN it is never a named title', () => {
    expect(namesTitle('DNA methylation plays an important role', [], paper('DNA methylation plays an important role', true))).toBe(false);
  });
});
