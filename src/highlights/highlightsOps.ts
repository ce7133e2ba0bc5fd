import type { Config } from '../config/index.js';
import { FootnoteError } from '../errors/index.js';
import type { RunRecord } from '../state/highlightRunsRepo.js';
import type { Subscription, SubscriberKind } from '../state/subscriptionsRepo.js';
import { buildPost } from './buildPost.js';
import { newestAddedAt } from './rotation.js';
import { postRequest, runGuildHighlight, type RunDeps, type RunOutcome } from './runGuildHighlight.js';
import { localDate, nextSlot, validateDailyTime, type DailyTime } from './schedule.js';
import type { HighlightPost, HighlightSettings } from './types.js';

export interface OpsDeps extends RunDeps {
  defaults: DailyTime;
  config: Pick<Config, 'highlights' | 'discord'>;
}

export interface SettingsInput {
  guildId: string;
  channelId: string;
  time: string;
  timezone: string;
  count?: number;
}

/** What `/highlights show` displays. */
export interface HighlightsStatus {
  settings: HighlightSettings | undefined;
  nextRun: Date | null;
  lastRun: RunRecord | undefined;
}

/** The operations behind the slash commands and the CLI; none of them knows Discord. */
export interface HighlightsOps {
  configure(input: SettingsInput): { settings: HighlightSettings; nextRun: Date };
  disable(guildId: string): boolean;
  status(guildId: string): HighlightsStatus;
  /** What the post for `date` (default: the guild's next run) would be; nothing is recorded. */
  preview(guildId: string, date?: string): HighlightPost;
  /** Posts today's highlights now; they count as today's. */
  postNow(guildId: string): Promise<RunOutcome>;
  /** The note owed to admins after the bot switched a schedule off, returned once. */
  takeNotice(guildId: string): string | undefined;
  subscribe(s: { guildId: string; kind: SubscriberKind; targetId: string; topic: string; createdBy: string }): boolean;
  unsubscribe(guildId: string, kind: SubscriberKind, targetId: string, topic: string): boolean;
  subscriptions(guildId: string): Subscription[];
  /** The guild the `.env` defaults (HIGHLIGHTS_CHANNEL_ID) stand for. */
  readonly defaultGuildId: string;
  /** Seeds the `.env` schedule into the settings table once, so it follows the same rules. */
  adoptConfigDefaults(): void;
}

const MAX_TOPIC = 100;
// Before any paper: with an empty library, everything ingested later counts as new.
const EPOCH = '1970-01-01T00:00:00.000Z';

export function createHighlightsOps(deps: OpsDeps): HighlightsOps {
  const iso = () => deps.now().toISOString();
  const defaultGuildId = deps.config.discord.guildId ?? 'default';
  const settingsOrDefault = (guildId: string): HighlightSettings => {
    const s = deps.settings.get(guildId);
    if (s) return s;
    const { channelId, count } = deps.config.highlights;
    return { guildId, channelId: channelId ?? '', ...deps.defaults, count, enabled: false, enabledAt: iso(), disabledReason: null };
  };
  const ops: HighlightsOps = {
    defaultGuildId,
    configure(input) {
      validateDailyTime(input);
      const count = input.count ?? deps.config.highlights.count;
      if (!Number.isInteger(count) || count < 1 || count > 10) throw new FootnoteError('highlights:invalid_setting', 'The number of papers must be between 1 and 10.');
      const settings = deps.settings.save({ ...input, count }, iso());
      if (!deps.runs.rotation(input.guildId).watermark) deps.runs.setWatermark(input.guildId, newestAddedAt(deps.library) ?? EPOCH);
      return { settings, nextRun: nextSlot(settings, deps.now()) };
    },
    disable(guildId) {
      const had = deps.settings.get(guildId)?.enabled ?? false;
      deps.settings.disable(guildId, iso());
      return had;
    },
    status(guildId) {
      const settings = deps.settings.get(guildId);
      const nextRun = settings?.enabled ? nextSlot(settings, deps.now()) : null;
      const today = settings ? deps.runs.get(guildId, localDate(deps.now(), settings.timezone)) : undefined;
      return { settings, nextRun, lastRun: today };
    },
    preview(guildId, date) {
      const s = settingsOrDefault(guildId);
      const day = date ?? localDate(nextSlot(s, deps.now()), s.timezone);
      return buildPost(deps, postRequest(deps, s, day)).post;
    },
    async postNow(guildId) {
      const s = deps.settings.get(guildId);
      if (!s?.channelId) throw new FootnoteError('highlights:invalid_setting', 'Set a highlights channel first with `/highlights set`.');
      return runGuildHighlight(deps, s, localDate(deps.now(), s.timezone));
    },
    takeNotice: (guildId) => deps.settings.takeNotice(guildId),
    subscribe(s) {
      const topic = s.topic.trim();
      if (!topic || topic.length > MAX_TOPIC) throw new FootnoteError('highlights:invalid_setting', `A topic is 1 to ${MAX_TOPIC} characters.`);
      return deps.subscriptions.add({ ...s, topic, at: iso(), matchedUntil: newestAddedAt(deps.library) ?? EPOCH });
    },
    unsubscribe: (guildId, kind, targetId, topic) => deps.subscriptions.remove(guildId, kind, targetId, topic),
    subscriptions: (guildId) => deps.subscriptions.list(guildId),
    adoptConfigDefaults() {
      const { channelId } = deps.config.highlights;
      if (channelId && !deps.settings.get(defaultGuildId)) ops.configure({ guildId: defaultGuildId, channelId, ...deps.defaults });
    },
  };
  return ops;
}
