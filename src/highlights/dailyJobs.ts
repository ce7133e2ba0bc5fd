import type { Logger } from '../logging/logger.js';
import type { FeedRunsRepo } from '../state/highlightRunsRepo.js';
import type { SubscriptionsRepo } from '../state/subscriptionsRepo.js';
import type { Library } from '../store/Library.js';
import { fetchArxivFeed } from './arxiv/fetchArxivFeed.js';
import { pendingTopics, topicPaperIds } from './subscriptions/subscriptionMatches.js';
import type { Clock, Publisher } from './types.js';

export interface FeedJobDeps {
  library: Pick<Library, 'get' | 'ingest'>;
  feedRuns: FeedRunsRepo;
  clock: Clock;
  logger: Logger;
  apiBase: string;
  query: string;
  fetchImpl?: typeof fetch;
}

/** Fetches and ingests the day's arXiv papers once per date; a failure is logged, never thrown. */
export async function runFeedJob(deps: FeedJobDeps, date: string): Promise<void> {
  if (!deps.feedRuns.claim(date, deps.clock.now().toISOString())) return;
  const log = deps.logger.child({ job: 'arxiv-feed', date });
  try {
    const feed = await fetchArxivFeed({
      apiBase: deps.apiBase, query: deps.query, clock: deps.clock, fetchImpl: deps.fetchImpl,
      isKnown: (id) => deps.library.get(id) !== undefined,
    });
    const report = feed.papers.length > 0 ? await deps.library.ingest(feed.papers) : { added: 0, updated: 0 };
    deps.feedRuns.finish(date, { status: 'done', fetched: feed.papers.length, added: report.added });
    log.info({ requests: feed.requests, fetched: feed.papers.length, added: report.added, updated: report.updated, rejected: feed.rejected }, 'arxiv feed ingested');
  } catch (error) {
    deps.feedRuns.finish(date, { status: 'failed', fetched: 0, added: 0, error: String(error) });
    log.error({ err: error }, 'arxiv feed failed; highlights use what is indexed');
  }
}

export interface DigestJobDeps {
  library: Pick<Library, 'getMany'>;
  subscriptions: SubscriptionsRepo;
  publisher: Publisher;
  logger: Logger;
  now(): Date;
  /** Channels whose topics go out inside a guild's daily post instead of a digest. */
  postedChannels: ReadonlySet<string>;
}

/**
 * Sends each user one DM a day with their new matches, and channel subscriptions outside any
 * daily post their own message. The claim is written first: a restart never sends a day twice.
 */
export async function runDigestJob(deps: DigestJobDeps, date: string): Promise<void> {
  const targets = [
    ...deps.subscriptions.subscribersWithPending('user').map((id) => ({ kind: 'user' as const, id })),
    ...deps.subscriptions.subscribersWithPending('channel').filter((id) => !deps.postedChannels.has(id)).map((id) => ({ kind: 'channel' as const, id })),
  ];
  for (const target of targets) {
    const topics = pendingTopics(deps, target.kind, target.id);
    if (topics.length === 0 || !deps.subscriptions.claimDigest(`${target.kind}:${target.id}`, date, deps.now().toISOString())) continue;
    deps.subscriptions.markDelivered(target.kind, target.id, topicPaperIds(topics), date);
    try {
      await deps.publisher.sendDigest({ target, date, topics });
      deps.logger.info({ job: 'digest', target, papers: topicPaperIds(topics).length }, 'digest sent');
    } catch (error) {
      deps.logger.warn({ job: 'digest', target, err: error }, 'digest not delivered');
    }
  }
}
