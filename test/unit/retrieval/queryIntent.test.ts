import { describe, expect, it } from 'vitest';
import type { AuthorNames } from '../../../src/retrieval/authorIndex.js';
import { hasTopic, parseQueryIntent } from '../../../src/retrieval/queryIntent.js';
import { venueNames } from '../../../src/retrieval/venueIndex.js';

const names: AuthorNames = {
  isFullName: (n) => ['naomi saphra', 'sarah wiegreffe', 'adam lopez', 'kyunghyun cho', 'victoria li'].includes(n),
  isSurname: (n) => ['saphra', 'wiegreffe', 'lopez', 'cho', 'li', 'long'].includes(n),
};

describe('parseQueryIntent', () => {
  it('GIVEN a surname after "did … write", WHEN parsed, THEN it is an author question with no topic', () => {
    const intent = parseQueryIntent('what did Wiegreffe write?', names);
    expect(intent.authors).toEqual(['wiegreffe']);
    expect(hasTopic(intent)).toBe(false);
  });

  it('GIVEN a full name and a year, WHEN parsed, THEN both are read and no topic remains', () => {
    const intent = parseQueryIntent('which papers did Naomi Saphra write in 2023?', names);
    expect(intent).toMatchObject({ authors: ['naomi saphra'], years: [2023] });
    expect(hasTopic(intent)).toBe(false);
  });

  it('GIVEN two full names and a topic, WHEN parsed, THEN both authors are read and the topic is kept', () => {
    const intent = parseQueryIntent('what did Kyunghyun Cho and Adam Lopez say about machine translation?', names);
    expect(intent.authors).toEqual(['kyunghyun cho', 'adam lopez']);
    expect(hasTopic(intent)).toBe(true);
  });

  it('GIVEN a surname that is also a word and no author cue, WHEN parsed, THEN it is read as the word', () => {
    expect(parseQueryIntent('how long does training take?', names).authors).toEqual([]);
    expect(parseQueryIntent('what is cho?', names).authors).toEqual([]);
  });

  it('GIVEN arXiv ids in several spellings, WHEN parsed, THEN each becomes a catalog id and is not read as a year', () => {
    const intent = parseQueryIntent('compare arxiv:2406.17746 with 2311.05020v2', names);
    expect(intent.ids).toEqual(['arxiv:2406.17746', 'arxiv:2311.05020']);
    expect(intent.years).toEqual([]);
  });

  it('GIVEN a quoted title, WHEN parsed, THEN the quotation is kept for title matching', () => {
    expect(parseQueryIntent('summarize "Benchmarks as Microscopes"', names).quoted).toEqual(['Benchmarks as Microscopes']);
  });

  it('GIVEN an off-topic question, WHEN parsed, THEN no metadata is read and the topic remains', () => {
    const intent = parseQueryIntent('best pizza in Naples?', names);
    expect(intent).toMatchObject({ ids: [], years: [], authors: [] });
    expect(hasTopic(intent)).toBe(true);
  });

  it('GIVEN venues in the library WHEN a question names one by acronym THEN the stored venue strings are read and no topic remains', () => {
    const venues = venueNames(['NeurIPS 2024', 'EMNLP 2024 (main conference)', 'arXiv preprint', 'Proceedings of the 7th BlackboxNLP Workshop']);
    const intent = parseQueryIntent('which papers appeared at neurips or BlackboxNLP?', names, venues);
    expect(intent.venues).toEqual(['NeurIPS 2024', 'Proceedings of the 7th BlackboxNLP Workshop']);
    expect(hasTopic(intent)).toBe(false);
  });

  it('GIVEN an arXiv preprint venue WHEN a question mentions arXiv or main conference words THEN no venue is read', () => {
    const venues = venueNames(['arXiv preprint', 'EMNLP 2024 (main conference)']);
    expect(parseQueryIntent('what is the main idea of arXiv 2406.17746?', names, venues).venues).toEqual([]);
  });
});
