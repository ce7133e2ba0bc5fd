import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../../src/answer/types.js';
import { renderAnswer, renderQuotes } from '../../../src/discord/render/answerMessages.js';
import { escapeUserText } from '../../../src/discord/render/escapeUserText.js';
import { embedSize } from '../../../src/discord/render/messages.js';
import { renderPaperCard, renderPapersPage, renderSimilarPapers } from '../../../src/discord/render/paperMessages.js';

const citation = (n: number): Citation => ({
  n, id: `arxiv:2409.0420${n}`, title: `Paper ${n}`, titleDerived: false, authors: ['Ada Lovelace', 'Alan Turing'],
  year: 2024, url: `https://arxiv.org/abs/2409.0420${n}`, quote: `Quote ${n}.`,
});

function answer(text: string, citations: Citation[], extra: Partial<Answer> = {}): Answer {
  return { question: 'What is @everyone doing?', text, citations, abstained: false, suggestions: [], passages: [], timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 }, answeredBy: 'extractive', ...extra };
}

function checkLimits(messages: ReturnType<typeof renderAnswer>): void {
  for (const m of messages) {
    expect(m.allowedMentions).toEqual({ parse: [] });
    expect((m.embeds ?? []).length).toBeLessThanOrEqual(10);
    expect((m.embeds ?? []).reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(6000);
    for (const e of m.embeds ?? []) {
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
      for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(1024);
    }
  }
}

describe('renderAnswer', () => {
  it('GIVEN a short cited answer WHEN rendered THEN one message has the markers, numbered linked sources, a footer and buttons', () => {
    const [message, ...rest] = renderAnswer(answer('Fast Forward saves compute [1]. It works [2].', [citation(1), citation(2)]), 42);
    expect(rest).toEqual([]);
    const [summary, sources] = message!.embeds!;
    expect(summary!.description).toContain('[1]');
    expect(summary!.title).toBe('What is @\u200beveryone doing?');
    expect(sources!.fields![0]!.value).toBe(
      '[1] [Paper 1](https://arxiv.org/abs/2409.04201) — Ada Lovelace, Alan Turing (2024)\n[2] [Paper 2](https://arxiv.org/abs/2409.04202) — Ada Lovelace, Alan Turing (2024)',
    );
    expect(sources!.footer!.text).toContain('extractive');
    expect(message!.components![0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toEqual(['fb:up:42', 'fb:down:42', 'quotes:42']);
  });

  it('GIVEN an answer far over every limit WHEN rendered THEN it spreads over messages that all keep Discord limits', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Finding ${i} is about long context retrieval quality [${(i % 30) + 1}].`).join(' ');
    const messages = renderAnswer(answer(text, Array.from({ length: 30 }, (_, i) => citation(i + 1))), 7);
    expect(messages.length).toBeGreaterThan(1);
    checkLimits(messages);
    const joined = messages.flatMap((m) => m.embeds!.map((e) => e.description ?? '')).filter(Boolean).join(' ');
    expect(joined).toBe(text);
    expect(messages.at(-1)!.components).toHaveLength(1);
    expect(messages.slice(0, -1).every((m) => m.components === undefined)).toBe(true);
  });

  it('GIVEN an abstention with suggestions WHEN rendered THEN no Sources are listed and suggestions are labelled as such', () => {
    const [message] = renderAnswer(answer('I could not find this in the indexed abstracts.', [], {
      abstained: true, suggestions: [{ id: 'x', title: 'Maybe this', titleDerived: false, year: 2023, url: null }],
    }), 3);
    const text = JSON.stringify(message);
    expect(text).not.toContain('Sources');
    expect(message!.embeds![0]!.fields![0]!.name).toMatch(/not sources/);
  });

  it('GIVEN a model-written answer WHEN rendered THEN the footer names the model', () => {
    const [message] = renderAnswer(answer('A [1].', [citation(1)], { answeredBy: 'gpt-4o-mini' }), null);
    expect(message!.embeds!.at(-1)!.footer!.text).toContain('gpt-4o-mini');
    expect(message!.components).toBeUndefined();
  });
});

describe('render helpers', () => {
  it('GIVEN user text with mentions and markdown WHEN escaped THEN nothing renders as a ping or formatting', () => {
    expect(escapeUserText('hi @here <@123456789012345678> **bold** <@&98765432109876543>')).toBe(
      'hi @\u200bhere <@\u200b123456789012345678> \\*\\*bold\\*\\* <@&\u200b98765432109876543>',
    );
  });

  it('GIVEN citations WHEN quotes rendered THEN each quote carries its marker', () => {
    const [message] = renderQuotes([citation(1), citation(2)]);
    expect(message!.embeds![0]!.fields![0]!.value).toContain('**[2]** “Quote 2.”');
  });

  it('GIVEN the first page of 25 papers WHEN rendered THEN previous is disabled and next points at offset 10', () => {
    const papers = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, title: `T${i}`, titleDerived: false, authors: [], year: 2020, venue: null, url: null, abstract: '', categories: [], published: null }));
    const message = renderPapersPage({ total: 25, papers }, 0, 10);
    const [prev, next] = message.components![0]!.components as Array<{ disabled: boolean; custom_id: string }>;
    expect(prev!.disabled).toBe(true);
    expect(next!.custom_id).toBe('papers:10:Next');
    expect(message.embeds![0]!.title).toBe('Indexed papers 1–10 of 25');
  });
});

describe('renderSimilarPapers', () => {
  it('GIVEN a plain-text abstract with a derived label WHEN its similar papers are shown THEN the heading says it is untitled', () => {
    const [message] = renderSimilarPapers({ title: 'DNA methylation plays an important role…', titleDerived: true }, []);
    expect(message?.embeds?.[0]?.title).toBe('Papers similar to Untitled abstract: “DNA methylation plays an important role…”');
  });

  it('GIVEN a real title WHEN its similar papers are shown THEN the heading carries the title as written', () => {
    const [message] = renderSimilarPapers({ title: 'Mechanistic?', titleDerived: false }, []);
    expect(message?.embeds?.[0]?.title).toBe('Papers similar to Mechanistic?');
  });
});

describe('renderPaperCard', () => {
  const paper = { id: 'arxiv:2409.04206', title: 'Fast Forwarding Low-Rank Training', titleDerived: false, authors: ['Adir Rahamim'], year: 2024, venue: null, url: 'https://arxiv.org/abs/2409.04206', abstract: 'An abstract.', categories: [], published: null };
  const summary = { text: 'Fast Forward repeats the last update.', sentences: [], keyFinding: 'Fast Forward repeats the last update.' };

  it('GIVEN a summary a model wrote WHEN the card is drawn THEN its footer names the model and the check; an extractive one names none', () => {
    const byModel = renderPaperCard(paper, { ...summary, summarizedBy: 'gpt-4o-mini' })[0]?.embeds?.[0];
    expect(byModel?.footer?.text).toBe('Summary by gpt-4o-mini, checked against the abstract. Ask about it with /ask, or mention me.');
    expect(byModel?.fields?.find((f) => f.name === 'In short')?.value).toBe('Fast Forward repeats the last update.');
    for (const summarizedBy of [undefined, 'extractive']) {
      expect(renderPaperCard(paper, { ...summary, summarizedBy })[0]?.embeds?.[0]?.footer?.text).toBe('Ask about it with /ask, or mention me.');
    }
  });
});
