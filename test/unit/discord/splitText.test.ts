import { describe, expect, it } from 'vitest';
import { splitText } from '../../../src/discord/render/splitText.js';

const sentence = (i: number) => `Sentence number ${i} reports a finding about sparse attention [${(i % 9) + 1}].`;

describe('splitText', () => {
  it('GIVEN text under the limit WHEN split THEN it comes back whole', () => {
    expect(splitText('Short answer [1].', 100)).toEqual(['Short answer [1].']);
  });

  it('GIVEN many cited sentences WHEN split at 200 THEN every chunk fits, ends a sentence and no marker is cut', () => {
    const text = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const chunks = splitText(text, 200);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(200);
      expect(chunk).toMatch(/\[\d\]\.$/);
      expect(chunk).toMatch(/^Sentence number \d+/);
    }
    expect(chunks.join(' ')).toBe(text);
  });

  it('GIVEN a marker after the full stop WHEN split THEN the marker stays with its sentence', () => {
    const text = `${'a'.repeat(50)} ends here. [12] ${'b'.repeat(50)} next one. [3]`;
    const chunks = splitText(text, 70);
    expect(chunks[0]).toBe(`${'a'.repeat(50)} ends here. [12]`);
  });

  it('GIVEN a long sentence with a link at the cut WHEN split THEN the link is kept whole', () => {
    const link = '[A paper title](https://arxiv.org/abs/2409.04206)';
    const text = `${'word '.repeat(18)}${link} and more words after it`;
    const chunks = splitText(text, 100);
    expect(chunks.some((c) => c.includes(link))).toBe(true);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(100);
  });

  it('GIVEN one unbroken word longer than the limit WHEN split THEN it is cut hard at the limit', () => {
    const chunks = splitText('x'.repeat(250), 100);
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 50]);
  });
});
