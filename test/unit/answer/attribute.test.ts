import { describe, expect, it } from 'vitest';
import { attributeSentence, dropConnectives, plainText } from '../../../src/answer/attribute.js';
import { splitSentences } from '../../../src/answer/text/sentences.js';

describe('attributing abstract sentences', () => {
  it('GIVEN first-person findings WHEN attributed THEN the authors are named and nothing else changes', () => {
    expect(attributeSentence('We find that STII increases within idiomatic expressions.')).toBe('The authors find that STII increases within idiomatic expressions.');
    expect(attributeSentence('In this work, we study the phenomenon of transcendence.')).toBe('The authors study the phenomenon of transcendence.');
    expect(attributeSentence('Our speech model findings reflect the phonetic principal.')).toBe("The authors' speech model findings reflect the phonetic principal.");
    expect(attributeSentence('To test, we introduce a novel dataset of our own.')).toBe('To test, the authors introduce a novel dataset of their own.');
    expect(attributeSentence('This paper studies how contextual information influences refusals.')).toBe('The paper studies how contextual information influences refusals.');
  });

  it('GIVEN sentences opening with dangling connectives WHEN attributed THEN the connective goes and the capital comes back', () => {
    expect(dropConnectives('However, this jargon has also led to confusion.')).toBe('This jargon has also led to confusion.');
    expect(attributeSentence('Finally, we discuss other sources of transcendence.')).toBe('The authors discuss other sources of transcendence.');
    expect(attributeSentence('In all, our experiments suggest more diversity helps.')).toBe("The authors' experiments suggest more diversity helps.");
    expect(attributeSentence('Additionally, we analyze when to apply Fast Forward.')).toBe('The authors analyze when to apply Fast Forward.');
    expect(attributeSentence('So, what does it mean to be "mechanistic"?')).toBe('What does it mean to be "mechanistic"?');
  });

  it('GIVEN an opening phrase that points back at the previous sentence WHEN attributed THEN the phrase goes, the claim stays', () => {
    expect(attributeSentence('Enabled by these low-rank settings, we propose an even more efficient optimization strategy: Fast Forward.')).toBe(
      'The authors propose an even more efficient optimization strategy: Fast Forward.',
    );
    expect(attributeSentence('Building on this idea, we train a model.')).toBe('The authors train a model.');
    // A phrase that names its own subject is kept.
    expect(attributeSentence('Using game transcripts, we train a chess model.')).toBe('Using game transcripts, the authors train a chess model.');
  });

  it('GIVEN LaTeX escapes and double dashes WHEN shown THEN they read as plain text', () => {
    expect(plainText('up to an 87\\% reduction with large $n$-gram models -- particularly LMs')).toBe('up to an 87% reduction with large n-gram models – particularly LMs');
  });
});

describe('splitting abstracts into sentences', () => {
  it('GIVEN "et al.", "e.g.," and "GPT-3.5." WHEN split THEN no sentence is cut inside them', () => {
    const text =
      'Zhang et al. show a result. We find that innocuous information, e.g., sports fandom, can elicit changes on GPT-3.5. It provides an 87\\% reduction in FLOPs -- a lot. The end.';
    expect(splitSentences(text)).toEqual([
      'Zhang et al. show a result.',
      'We find that innocuous information, e.g., sports fandom, can elicit changes on GPT-3.5.',
      'It provides an 87\\% reduction in FLOPs -- a lot.',
      'The end.',
    ]);
  });
});
