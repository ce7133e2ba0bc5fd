import { describe, expect, it } from 'vitest';
import { embedSize } from '../../../src/discord/render/messages.js';
import { renderDigest, renderHighlights } from '../../../src/discord/render/highlightMessages.js';
import type { HighlightEntry, HighlightPost } from '../../../src/highlights/types.js';

const entry = (n: number, over: Partial<HighlightEntry> = {}): HighlightEntry => ({
  id: `arxiv:2605.0000${n}`, title: `Paper ${n}`, titleDerived: false, authors: ['Ada Lovelace', 'Alan Turing'], year: 2026,
  url: `https://arxiv.org/abs/2605.0000${n}`, summary: 'Two sentences. From the abstract.', quote: 'The key finding.', reason: 'new', ...over,
});
const post = (entries: HighlightEntry[], topics: HighlightPost['topics'] = []): HighlightPost => ({ guildId: 'g', channelId: 'c', date: '2026-05-02', entries, topics, nonce: 'n' });

describe('highlight embeds', () => {
  it('GIVEN three papers WHEN rendered THEN one message: a header with the hint, then per paper a linked title, authors, summary and quoted key finding', () => {
    const [message, ...rest] = renderHighlights(post([entry(1), entry(2), entry(3)]));
    expect(rest).toEqual([]);
    expect(message?.allowedMentions).toEqual({ parse: [] });
    expect(message?.embeds?.[0]?.description).toContain('/paper');
    expect(message?.embeds?.[1]).toMatchObject({ title: '1. Paper 1', url: 'https://arxiv.org/abs/2605.00001' });
    expect(message?.embeds?.[1]?.description).toContain('*Ada Lovelace, Alan Turing (2026)*');
    expect(message?.embeds?.[1]?.description).toContain('**Key finding:** “The key finding.”');
  });

  it('GIVEN hostile and huge text WHEN rendered THEN mentions are broken, markdown escaped and every Discord limit kept', () => {
    const huge = entry(1, { title: `@everyone ${'T'.repeat(400)}`, summary: `**bold** <@123> ${'word '.repeat(1500)}`, titleDerived: true });
    const topics = [{ topic: '@here spam', papers: Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, title: `Match ${i}`, url: null, sentence: 's'.repeat(400), score: 0.5 })) }];
    const messages = renderHighlights(post(Array.from({ length: 10 }, () => huge), topics));
    const embeds = messages.flatMap((m) => m.embeds ?? []);
    const text = JSON.stringify(embeds);
    expect(text).not.toMatch(/@everyone|@here|<@123>/);
    expect(text).toContain('\\\\*\\\\*bold');
    for (const m of messages) {
      expect(m.embeds!.length).toBeLessThanOrEqual(10);
      expect(m.embeds!.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(6000);
    }
    for (const e of embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
      for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    expect(text.match(/Match \d+/g)).toHaveLength(60);
  });

  it('GIVEN a digest WHEN rendered THEN each topic lists its papers with the matching sentence', () => {
    const [m] = renderDigest({ target: { kind: 'user', id: 'u' }, date: '2026-05-02', topics: [{ topic: 'lora', papers: [{ id: 'p', title: 'Cheap LoRA', url: 'https://arxiv.org/abs/1', sentence: 'LoRA is cheap.', score: 0.5 }] }] });
    expect(m?.embeds?.[0]?.title).toBe('New papers on your topics · 2026-05-02');
    expect(m?.embeds?.[0]?.fields?.[0]).toEqual({ name: 'Topic: lora', value: '• [Cheap LoRA](https://arxiv.org/abs/1) — “LoRA is cheap.”' });
  });
});
