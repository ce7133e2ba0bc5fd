import { createHash } from 'node:crypto';
import type { Paper } from './Paper.js';

/** NFC, every run of whitespace (hard line breaks included) folded to one space, trimmed. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Lowercase, accents and punctuation folded away: two renderings of one abstract meet here. */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Key for deduplicating by abstract: the same text with other spacing, case or punctuation collides. */
export function abstractKey(abstract: string): string {
  return sha256Hex(foldForMatching(abstract)).slice(0, 24);
}

/** What the vectors are made of; a change here means the paper must be re-embedded. */
export function embeddingText(paper: Pick<Paper, 'title' | 'abstract'>): string {
  return `${paper.title}\n${paper.abstract}`;
}

/** Hash of every stored field: an unchanged record is recognised without touching its row. */
export function contentHash(paper: Paper): string {
  const fields = [
    paper.id, paper.title, String(paper.titleDerived), paper.authors.join('\u001f'), String(paper.year ?? ''),
    paper.venue ?? '', paper.url ?? '', paper.abstract, paper.categories.join('\u001f'), paper.published ?? '',
  ];
  return sha256Hex(fields.join('\u001e')).slice(0, 32);
}

/** Hash of the embedded text alone: metadata edits update the row without re-embedding. */
export function embeddingHash(paper: Pick<Paper, 'title' | 'abstract'>): string {
  return sha256Hex(embeddingText(paper)).slice(0, 32);
}
