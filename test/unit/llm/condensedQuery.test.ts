import { describe, expect, it } from 'vitest';
import { checkCondensedQuery, cleanCondensedQuery } from '../../../src/answer/llm/condensedQuery.js';

const CONVERSATION = ['and how much compute did it save?', 'How does Fast Forward speed up LoRA finetuning?', 'It repeats the most recent optimizer step [1].'];

describe('cleanCondensedQuery and checkCondensedQuery', () => {
  it('GIVEN a labelled, quoted reply with a marker and a mention WHEN cleaned THEN one plain query line is left', () => {
    expect(cleanCondensedQuery('**Standalone question:** "How much compute does Fast Forward save? [2]" <@123>\nExplanation: …'))
      .toBe('How much compute does Fast Forward save?');
  });

  it('GIVEN a lead-in line before the query WHEN cleaned THEN the query line is taken', () => {
    expect(cleanCondensedQuery('Here is the standalone question:\n\nHow much compute does Fast Forward save?')).toBe('How much compute does Fast Forward save?');
  });

  it('GIVEN a paraphrase naming the method from history WHEN checked THEN it may be used', () => {
    expect(checkCondensedQuery('How much compute does Fast Forward save in LoRA finetuning?', CONVERSATION)).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['How much compute does Fast Forward save with BERT?', 'novel_name'],
    ['Fast Forward compute savings in arxiv 2311.05020', 'novel_number'],
    ['Which chess engines beat grandmasters at blitz tournaments?', 'novel_words'],
    [`How much compute does Fast Forward save ${'again '.repeat(60)}`, 'too_long'],
  ])('GIVEN %j WHEN checked THEN it is rejected as %s', (query, problem) => {
    expect(checkCondensedQuery(query, CONVERSATION)).toBe(problem);
  });
});
