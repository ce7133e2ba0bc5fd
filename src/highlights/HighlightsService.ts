import type { Assistant } from '../answer/Assistant.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../logging/logger.js';
import { FeedbackRepo } from '../state/feedbackRepo.js';
import { FeedRunsRepo, HighlightRunsRepo } from '../state/highlightRunsRepo.js';
import { HighlightSettingsRepo } from '../state/highlightSettingsRepo.js';
import type { StateDb } from '../state/openStateDb.js';
import { SubscriptionsRepo } from '../state/subscriptionsRepo.js';
import type { Library } from '../store/Library.js';
import { runDigestJob, runFeedJob } from './dailyJobs.js';
import { createHighlightsOps, type HighlightsOps } from './highlightsOps.js';
import { publish, runGuildHighlight, type RunDeps } from './runGuildHighlight.js';
import { earlierBy, latestSlot, localDate, nextSlot, type DailyTime } from './schedule.js';
import { createTopicMatcher, type TopicMatcher } from './subscriptions/matchTopic.js';
import { refreshMatches } from './subscriptions/subscriptionMatches.js';
import { systemClock } from './systemClock.js';
import type { Clock, FeedbackSource, Publisher, Timer } from './types.js';

/** What the highlights need; `startBot` passes its publisher, tests a fake clock. */
export interface HighlightsDeps {
  library: Library;
  assistant: Pick<Assistant, 'summarize' | 'summarizeAsync'>;
  state: StateDb;
  publisher: Publisher;
  clock?: Clock;
  logger: Logger;
  config: Pick<Config, 'highlights' | 'discord'>;
  /** Default: net 👍 per cited paper from the bot's feedback table. */
  feedback?: FeedbackSource;
  matcher?: TopicMatcher;
  fetchImpl?: typeof fetch;
}

/** The daily highlights: schedules, the feed, digests, and the operations behind `/highlights` and `/subscribe`. */
export interface HighlightsService extends HighlightsOps {
  /** Recovers unfinished runs, catches up the latest missed day once, then follows the schedules. */
  start(): Promise<void>;
  stop(): void;
  /** Does whatever is due now; the timer calls it, tests may too. */
  tick(): Promise<void>;
}

const RETRY_MS = 10 * 60_000;

function feedbackFrom(state: StateDb): FeedbackSource {
  const repo = new FeedbackRepo(state);
  return { likesByPaper: () => repo.scoreByPaper() };
}

export function createHighlightsService(deps: HighlightsDeps): HighlightsService {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger.child({ component: 'highlights' });
  const repos = { runs: new HighlightRunsRepo(deps.state), settings: new HighlightSettingsRepo(deps.state), subscriptions: new SubscriptionsRepo(deps.state) };
  const feedRuns = new FeedRunsRepo(deps.state);
  const matcher = deps.matcher ?? createTopicMatcher(deps.library);
  const defaults: DailyTime = { time: deps.config.highlights.time, timezone: deps.config.highlights.timezone };
  const runDeps: RunDeps = {
    ...repos, library: deps.library, summarize: (p) => deps.assistant.summarize(p),
    summarizeAsync: deps.assistant.summarizeAsync?.bind(deps.assistant),
    publisher: deps.publisher, feedback: deps.feedback ?? feedbackFrom(deps.state), logger, now: () => clock.now(),
  };
  const ops = createHighlightsOps({ ...runDeps, defaults, config: deps.config });
  let timer: Timer | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = true;
  let retryAt: Date | undefined;

  async function due(): Promise<void> {
    const now = clock.now();
    const { arxivQuery, arxivApiBase } = deps.config.highlights;
    const feedSlot = arxivQuery ? latestSlot(earlierBy(defaults, 60), now) : null;
    if (arxivQuery && feedSlot) {
      await runFeedJob({ library: deps.library, feedRuns, clock, logger, apiBase: arxivApiBase, query: arxivQuery, fetchImpl: deps.fetchImpl }, localDate(feedSlot, defaults.timezone));
    }
    if (repos.subscriptions.list().length > 0) await refreshMatches({ ...repos, library: deps.library, matcher }, now.toISOString());
    retryAt = undefined;
    for (const run of repos.runs.unfinished()) {
      if ((await publish(runDeps, run.post)) === 'retry') retryAt = new Date(now.getTime() + RETRY_MS);
    }
    for (const s of repos.settings.listEnabled()) {
      const slot = latestSlot(s, now);
      if (!slot || slot.getTime() < Date.parse(s.enabledAt)) continue;
      const outcome = await runGuildHighlight(runDeps, s, localDate(slot, s.timezone));
      if (outcome === 'retry') retryAt = new Date(now.getTime() + RETRY_MS);
    }
    const digestSlot = latestSlot(defaults, now);
    if (digestSlot) {
      const postedChannels = new Set(repos.settings.listEnabled().map((s) => s.channelId));
      await runDigestJob({ ...repos, library: deps.library, publisher: deps.publisher, logger, now: () => clock.now(), postedChannels }, localDate(digestSlot, defaults.timezone));
    }
  }

  function arm(): void {
    timer?.cancel();
    if (stopped) return;
    const now = clock.now();
    const daily = [defaults, ...(deps.config.highlights.arxivQuery ? [earlierBy(defaults, 60)] : []), ...repos.settings.listEnabled()];
    const times = daily.map((d) => nextSlot(d, now).getTime());
    if (retryAt) times.push(retryAt.getTime());
    timer = clock.setTimer(new Date(Math.min(...times)), () => service.tick());
  }

  const service: HighlightsService = {
    ...ops,
    configure(input) {
      const result = ops.configure(input);
      arm(); // the new schedule may come before the timer already set
      return result;
    },
    async start() {
      stopped = false;
      ops.adoptConfigDefaults();
      await service.tick();
    },
    stop() {
      stopped = true;
      timer?.cancel();
    },
    tick() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          try {
            await due();
          } catch (error) {
            logger.error({ err: error }, 'highlights tick failed');
          }
        } while (again);
      })().finally(() => {
        running = undefined;
        arm();
      });
      return running;
    },
  };
  return service;
}
