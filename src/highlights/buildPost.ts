import { createHash } from 'node:crypto';
import type { PaperSummary } from '../answer/Assistant.js';
import type { Paper, StoredPaper } from '../corpus/Paper.js';
import type { HighlightRunsRepo, RotationState } from '../state/highlightRunsRepo.js';
import type { Library } from '../store/Library.js';
import { newestAddedAt, rotationFrom } from './rotation.js';
import { selectHighlights, type Selection } from './selectHighlights.js';
import type { HighlightEntry, HighlightPick, HighlightPost, TopicMatches } from './types.js';

/**
 * New papers considered per day, newest first: papers added since the current cycle began that
 * are still unshown, so a burst larger than one post waits at the front instead of in the rotation.
 */
const FRESH_LIMIT = 500;

export interface BuildPostDeps {
  library: Pick<Library, 'count' | 'list' | 'addedSince' | 'getMany'>;
  summarize(paper: Paper): PaperSummary;
  runs: Pick<HighlightRunsRepo, 'rotation' | 'shownIn'>;
}

export interface PostRequest {
  guildId: string;
  channelId: string;
  date: string;
  count: number;
  /** Priority per paper id (👍 feedback, subscribed topics). */
  boosts: ReadonlyMap<string, number>;
  topics: TopicMatches[];
}

/** A post and the rotation state it leaves behind; nothing is written. */
export interface BuiltPost {
  post: HighlightPost;
  rotation: RotationState;
}

/** Runs the selection for one guild and date over the library, and summarises the picks. */
export function buildPost(deps: BuildPostDeps, req: PostRequest): BuiltPost {
  const state = deps.runs.rotation(req.guildId);
  const shown = deps.runs.shownIn(req.guildId, state.cycle);
  const fresh: StoredPaper[] = state.watermark ? deps.library.addedSince(state.watermark, FRESH_LIMIT) : [];
  const boosted = deps.library.getMany([...req.boosts.keys()]);
  const total = deps.library.count();
  const first = selectHighlights({
    count: req.count, fresh, boosts: req.boosts, boosted,
    rotation: rotationFrom(deps.library, state.cursor),
    isShown: (id) => shown.has(id),
  });
  let picks = first.picks;
  let rotation: RotationState = { cycle: state.cycle, cursor: advance(state.cursor, first, total), watermark: state.watermark };
  if (first.cycleExhausted && total > 0) {
    // Every paper has been shown: a new cycle starts, filling the rest of today's post.
    const taken = new Set(picks.map((p) => p.paper.id));
    const next = selectHighlights({
      count: req.count - picks.length, fresh: [], boosts: req.boosts, boosted,
      rotation: rotationFrom(deps.library, 0),
      isShown: (id) => taken.has(id),
    });
    picks = [...picks, ...next.picks];
    rotation = { cycle: state.cycle + 1, cursor: advance(0, next, total), watermark: newestAddedAt(deps.library) ?? state.watermark };
  }
  const post: HighlightPost = {
    guildId: req.guildId, channelId: req.channelId, date: req.date,
    entries: picks.map((p) => toEntry(p, deps.summarize)),
    topics: req.topics,
    nonce: postNonce(req.guildId, req.date),
  };
  return { post, rotation };
}

/** Discord nonces are at most 25 characters: a hash of guild and date fits and never collides in practice. */
function postNonce(guildId: string, date: string): string {
  return `hl${createHash('sha256').update(`${guildId}:${date}`).digest('hex').slice(0, 23)}`;
}

function advance(start: number, selection: Selection, total: number): number {
  return total === 0 ? 0 : (start + selection.rotationRead) % total;
}

function toEntry({ paper, reason }: HighlightPick, summarize: BuildPostDeps['summarize']): HighlightEntry {
  const summary = summarize(paper);
  return {
    id: paper.id, title: paper.title, titleDerived: paper.titleDerived, authors: paper.authors,
    year: paper.year, url: paper.url, summary: summary.text, quote: summary.keyFinding, reason,
  };
}
