import type { StoredPaper } from '../corpus/Paper.js';
import type { HighlightPick } from './types.js';

/** What one guild's daily selection is made from; every input is explicit, so it is deterministic. */
export interface SelectionInput {
  count: number;
  /** Papers ingested since the cycle began and not yet shown (at least those since the last highlight), newest first. */
  fresh: readonly StoredPaper[];
  /** Priority per paper id (👍 feedback, subscribed topics); higher first. */
  boosts: ReadonlyMap<string, number>;
  /** Papers with a boost, so they can jump the rotation (need not be sorted). */
  boosted: readonly StoredPaper[];
  /** The corpus in rotation order, starting where the last rotation stopped, read lazily. */
  rotation: Iterable<StoredPaper>;
  /** True when the paper was already shown in the current cycle. */
  isShown(id: string): boolean;
}

export interface Selection {
  picks: HighlightPick[];
  /** How many rotation papers were read (the caller advances its cursor by this much). */
  rotationRead: number;
  /** True when the rotation ran out of unshown papers: the caller starts a new cycle. */
  cycleExhausted: boolean;
}

const byBoostThenOrder = (boosts: ReadonlyMap<string, number>) => (a: { p: StoredPaper; i: number }, b: { p: StoredPaper; i: number }) =>
  (boosts.get(b.p.id) ?? 0) - (boosts.get(a.p.id) ?? 0) || a.i - b.i;

/**
 * Picks today's papers: new papers first (a boost reorders them, otherwise newest first), then
 * boosted papers not yet shown in this cycle, then the rotation. No paper is picked twice in a cycle.
 */
export function selectHighlights(input: SelectionInput): Selection {
  const picks: HighlightPick[] = [];
  const taken = new Set<string>();
  const take = (paper: StoredPaper, reason: HighlightPick['reason']): void => {
    if (picks.length >= input.count || taken.has(paper.id) || input.isShown(paper.id)) return;
    taken.add(paper.id);
    picks.push({ paper, reason });
  };
  const ordered = (papers: readonly StoredPaper[]) => papers.map((p, i) => ({ p, i })).sort(byBoostThenOrder(input.boosts)).map((x) => x.p);
  for (const paper of ordered(input.fresh)) take(paper, 'new');
  const positive = input.boosted.filter((p) => (input.boosts.get(p.id) ?? 0) > 0);
  for (const paper of ordered([...positive].sort((a, b) => a.id.localeCompare(b.id)))) take(paper, 'boosted');
  let rotationRead = 0;
  let cycleExhausted = true;
  for (const paper of input.rotation) {
    if (picks.length >= input.count) {
      cycleExhausted = false;
      break;
    }
    rotationRead += 1;
    take(paper, 'rotation');
  }
  return { picks, rotationRead, cycleExhausted: cycleExhausted && picks.length < input.count };
}
