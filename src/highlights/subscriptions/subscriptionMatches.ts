import type { SubscriberKind, SubscriptionsRepo } from '../../state/subscriptionsRepo.js';
import type { Library } from '../../store/Library.js';
import type { TopicMatches } from '../types.js';
import type { TopicMatcher } from './matchTopic.js';

/** New papers matched per subscription and run; beyond it the rest wait for the next run. */
const CANDIDATE_LIMIT = 2000;

export interface MatchDeps {
  library: Pick<Library, 'addedSince' | 'getMany'>;
  subscriptions: SubscriptionsRepo;
  matcher: TopicMatcher;
}

/**
 * Matches every subscription against the papers ingested since it last looked, recording matches
 * as pending deliveries. Safe to run any number of times: watermarks and the deliveries' primary
 * key keep a paper from reaching a subscriber twice.
 */
export async function refreshMatches(deps: MatchDeps, at: string): Promise<number> {
  let recorded = 0;
  for (const sub of deps.subscriptions.list()) {
    const candidates = deps.library.addedSince(sub.matchedUntil, CANDIDATE_LIMIT);
    if (candidates.length === 0) continue;
    const matches = await deps.matcher.match(sub.topic, candidates);
    // addedSince is newest first: when capped, resume after the oldest one looked at.
    const until = candidates.length === CANDIDATE_LIMIT ? (candidates.at(-1)?.addedAt ?? sub.matchedUntil) : (candidates[0]?.addedAt ?? sub.matchedUntil);
    deps.subscriptions.recordMatches(sub, matches.map((m) => ({ ...m, topic: sub.topic })), until, at);
    recorded += matches.length;
  }
  return recorded;
}

/** A subscriber's undelivered matches grouped by topic, with titles and links for display. */
export function pendingTopics(deps: { library: Pick<Library, 'getMany'>; subscriptions: SubscriptionsRepo }, kind: SubscriberKind, targetId: string): TopicMatches[] {
  const pending = deps.subscriptions.pending(kind, targetId);
  const papers = new Map(deps.library.getMany(pending.map((p) => p.paperId)).map((p) => [p.id, p]));
  const byTopic = new Map<string, TopicMatches>();
  for (const m of pending) {
    const paper = papers.get(m.paperId);
    if (!paper) continue;
    const group = byTopic.get(m.topic) ?? { topic: m.topic, papers: [] };
    group.papers.push({ id: paper.id, title: paper.title, url: paper.url, sentence: m.sentence, score: m.score });
    byTopic.set(m.topic, group);
  }
  return [...byTopic.values()];
}

export const topicPaperIds = (topics: readonly TopicMatches[]): string[] => topics.flatMap((t) => t.papers.map((p) => p.id));
