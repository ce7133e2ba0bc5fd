import type { Logger } from '../logging/logger.js';
import { isFootnoteError } from '../errors/index.js';
import type { HighlightRunsRepo } from '../state/highlightRunsRepo.js';
import type { HighlightSettingsRepo } from '../state/highlightSettingsRepo.js';
import type { SubscriptionsRepo } from '../state/subscriptionsRepo.js';
import { buildPost, type BuildPostDeps } from './buildPost.js';
import { withModelSummaries, type ModelSummaryDeps } from './modelSummaries.js';
import { pendingTopics, topicPaperIds } from './subscriptions/subscriptionMatches.js';
import type { FeedbackSource, HighlightPost, HighlightSettings, Publisher } from './types.js';

export interface RunDeps extends BuildPostDeps, Pick<ModelSummaryDeps, 'summarizeAsync'> {
  runs: HighlightRunsRepo;
  settings: HighlightSettingsRepo;
  subscriptions: SubscriptionsRepo;
  publisher: Publisher;
  feedback?: FeedbackSource;
  logger: Logger;
  now(): Date;
}

export type RunOutcome = 'posted' | 'already' | 'empty' | 'disabled' | 'retry';

/** Channel topics and 👍 feedback turned into priorities: topic matches count double. */
export function postRequest(deps: RunDeps, s: HighlightSettings, date: string) {
  const topics = pendingTopics(deps, 'channel', s.channelId);
  const boosts = new Map(deps.feedback?.likesByPaper(s.guildId) ?? []);
  for (const id of topicPaperIds(topics)) boosts.set(id, (boosts.get(id) ?? 0) + 2);
  return { guildId: s.guildId, channelId: s.channelId, date, count: s.count, boosts, topics };
}

/**
 * Posts one guild's highlights for one local date, exactly once: the selection is written to the
 * ledger before sending and the message id after, and a run found `selected` is re-sent as recorded.
 */
export async function runGuildHighlight(deps: RunDeps, s: HighlightSettings, date: string): Promise<RunOutcome> {
  const existing = deps.runs.get(s.guildId, date);
  if (existing && existing.status !== 'selected') return 'already';
  let post = existing?.post;
  if (!post) {
    const built = buildPost(deps, postRequest(deps, s, date));
    if (built.post.entries.length === 0 && built.post.topics.length === 0) return 'empty';
    // Summaries are written before the ledger records the post, so a re-send repeats them exactly.
    const summarized = await withModelSummaries(built.post, deps);
    if (!deps.runs.recordSelected(summarized, built.rotation, deps.now().toISOString())) return 'already';
    deps.subscriptions.markDelivered('channel', s.channelId, topicPaperIds(summarized.topics), date);
    post = summarized;
  }
  return publish(deps, post);
}

/** Sends a recorded post; a lost channel switches the guild's schedule off instead of failing forever. */
export async function publish(deps: RunDeps, post: HighlightPost): Promise<RunOutcome> {
  const log = deps.logger.child({ guildId: post.guildId, date: post.date, channelId: post.channelId });
  try {
    const { messageId } = await deps.publisher.postHighlights(post);
    deps.runs.recordPosted(post.guildId, post.date, messageId, deps.now().toISOString());
    log.info({ messageId, paperIds: post.entries.map((e) => e.id) }, 'highlights posted');
    return 'posted';
  } catch (error) {
    if (isFootnoteError(error) && error.code === 'highlights:channel_unavailable') {
      deps.runs.recordFailed(post.guildId, post.date, error.message);
      deps.settings.disable(post.guildId, deps.now().toISOString(), `Highlights were switched off: ${error.message}`);
      log.warn({ code: error.code, detail: error.detail }, 'highlights channel unavailable; schedule disabled');
      return 'disabled';
    }
    deps.runs.noteError(post.guildId, post.date, String(error));
    log.error({ err: error }, 'highlights post failed; will retry');
    return 'retry';
  }
}
