import { describe, expect, it } from 'vitest';
import { deriveTitle } from '../../../src/corpus/deriveTitle.js';
import { abstractKey, normaliseText } from '../../../src/corpus/normalise.js';
import { bareArxivId, yearFromArxivId } from '../../../src/corpus/parseArxivRecord.js';
import { parseFormat, sniffFormat } from '../../../src/corpus/sniffFormat.js';
import { FootnoteError } from '../../../src/errors/index.js';

describe('sniffing the format', () => {
  it('GIVEN the first lines of each shape WHEN sniffed THEN text, jsonl, arxiv and beir are told apart', () => {
    expect(sniffFormat(['Abstract: We study things.'])).toBe('text');
    expect(sniffFormat(['', '{"id": "arxiv:1", "title": "T", "abstract": "A"}'])).toBe('jsonl');
    expect(sniffFormat(['{"id": "2503.1", "summary": "S", "first_seen_file": "data/2025-03-18.jsonl"}'])).toBe('arxiv');
    expect(sniffFormat(['{"id": "0704.0001", "authors": "A and B", "abstract": "S"}'])).toBe('arxiv');
    expect(sniffFormat(['{"_id": "4983", "title": "T", "text": "A"}'])).toBe('beir');
  });

  it('GIVEN a JSON array file WHEN sniffed THEN ingest:bad_format says to use JSON Lines', () => {
    expect(() => sniffFormat(['[', '  {"id": "a"}'], 'papers.json')).toThrow(/papers\.json: looks like a JSON array/);
  });

  it('GIVEN a broken first JSON line WHEN sniffed THEN a later valid line decides', () => {
    expect(sniffFormat(['{broken', '{"_id": "1", "text": "x"}'])).toBe('beir');
  });

  it('GIVEN an unknown --format WHEN parsed THEN ingest:bad_format lists the choices', () => {
    expect(parseFormat('ARXIV')).toBe('arxiv');
    expect(() => parseFormat('csv')).toThrow(FootnoteError);
    expect(() => parseFormat('csv')).toThrow(/auto, text, jsonl, arxiv, beir/);
  });
});

describe('normalising text', () => {
  it('GIVEN hard line breaks and decomposed accents WHEN normalised THEN one NFC line, content intact', () => {
    expect(normaliseText('  Cafe\u0301 au\n  lait \\% of  it\n')).toBe('Café au lait \\% of it');
  });

  it('GIVEN two renderings of one abstract WHEN keyed THEN they collide, and a different abstract does not', () => {
    expect(abstractKey('We study LLMs -- a lot.')).toBe(abstractKey('we study  LLMs, a lot'));
    expect(abstractKey('We study LLMs.')).not.toBe(abstractKey('We study CNNs.'));
  });

  it('GIVEN a long first sentence WHEN a title is derived THEN it is its first clause, at most 80 characters', () => {
    const title = deriveTitle('Parameter efficient finetuning methods like low-rank adaptation (LoRA) aim to reduce the computational costs of finetuning pretrained Language Models. We propose more.');
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.startsWith('Parameter efficient finetuning methods')).toBe(true);
    expect(title.endsWith('…')).toBe(true);
    expect(deriveTitle('Modern language models (LMs) pose a new challenge in capability assessment. Static.')).toBe(
      'Modern language models (LMs) pose a new challenge in capability assessment',
    );
  });

  it('GIVEN arXiv ids WHEN parsed THEN versions are stripped and years come from YYMM', () => {
    expect(bareArxivId('arXiv:2409.04206v2')).toBe('2409.04206');
    expect(yearFromArxivId('2409.04206')).toBe(2024);
    expect(yearFromArxivId('0704.0001')).toBe(2007);
    expect(yearFromArxivId('hep-th/9901001')).toBe(1999);
    expect(yearFromArxivId('math.GT/0309136')).toBe(2003);
    expect(yearFromArxivId('not-an-id')).toBeNull();
  });
});
