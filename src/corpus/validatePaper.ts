import type { Paper, RejectedLine } from './Paper.js';

export const MIN_ABSTRACT_CHARS = 40;
export const MAX_ABSTRACT_CHARS = 20_000;

const count = (n: number) => n.toLocaleString('en-US');

/** Why a parsed record cannot be indexed, or null when it can. */
export function rejectionReason(paper: Paper): string | null {
  if (!paper.id) return 'missing id';
  if (!paper.abstract) return 'missing abstract';
  if (paper.abstract.length < MIN_ABSTRACT_CHARS) {
    return `abstract too short (${count(paper.abstract.length)} characters; at least ${MIN_ABSTRACT_CHARS})`;
  }
  if (paper.abstract.length > MAX_ABSTRACT_CHARS) {
    return `abstract too long (${count(paper.abstract.length)} characters; at most ${count(MAX_ABSTRACT_CHARS)})`;
  }
  return null;
}

export function isRejectedLine(item: Paper | RejectedLine): item is RejectedLine {
  return 'reason' in item && 'line' in item && !('abstract' in item);
}

/** `seeds/x.jsonl:12: invalid JSON (…)`, the form every edge prints. */
export function formatRejectedLine(rejected: RejectedLine): string {
  return `${rejected.file}:${rejected.line}: ${rejected.reason}`;
}
