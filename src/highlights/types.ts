import type { Citation } from '../answer/types.js';
import type { StoredPaper } from '../corpus/Paper.js';

/** A guild's highlight schedule: where, when (local wall time in an IANA zone) and how many. */
export interface HighlightSettings {
  guildId: string;
  channelId: string;
  /** `HH:MM`, 24-hour, in `timezone`. */
  time: string;
  timezone: string;
  count: number;
  enabled: boolean;
  /** Only slots after this instant are due: setting a schedule at 10:00 for 09:00 never posts at once. */
  enabledAt: string;
  /** Why the schedule was switched off by the bot itself (deleted channel, missing permission). */
  disabledReason: string | null;
}

/** One paper in a daily post: a citation's fields (the quote is the key finding) plus a summary. */
export interface HighlightEntry extends Pick<Citation, 'id' | 'title' | 'titleDerived' | 'authors' | 'year' | 'url' | 'quote'> {
  /** Two or three sentences from the abstract. */
  summary: string;
  reason: PickReason;
}

/** A subscribed topic and the papers that matched it, each with the sentence that matched. */
export interface TopicMatches {
  topic: string;
  papers: Array<{ id: string; title: string; url: string | null; sentence: string; score: number }>;
}

/** Everything a publisher needs to post one guild's highlights for one local date. */
export interface HighlightPost {
  guildId: string;
  channelId: string;
  /** Local date `YYYY-MM-DD` in the guild's zone. */
  date: string;
  entries: HighlightEntry[];
  /** Channel subscriptions of this channel, batched into the daily post. */
  topics: TopicMatches[];
  /** Stable per guild and date, so a publisher can ask Discord to drop a duplicate send (`enforce_nonce`). */
  nonce: string;
}

/** A subscriber's daily digest: a DM for a user, a message for a channel outside any daily post. */
export interface Digest {
  target: { kind: 'user' | 'channel'; id: string };
  date: string;
  topics: TopicMatches[];
}

/**
 * The port `src/discord/` implements: highlights never import discord.js. Implementations throw
 * `FootnoteError('highlights:channel_unavailable')` when the channel is gone or the bot may not
 * post there (the schedule is then switched off); any other error counts as transient.
 */
export interface Publisher {
  postHighlights(post: HighlightPost): Promise<{ messageId: string }>;
  sendDigest(digest: Digest): Promise<void>;
}

/** Reads 👍 feedback per paper (helper D stores it): more likes, higher priority. */
export interface FeedbackSource {
  likesByPaper(guildId: string): Map<string, number>;
}

export type PickReason = 'new' | 'boosted' | 'rotation';

export interface HighlightPick {
  paper: StoredPaper;
  reason: PickReason;
}

/** A cancellable timer handle from a {@link Clock}. */
export interface Timer {
  cancel(): void;
}

/** Time as the highlights see it: injected, so tests move it forward without waiting. */
export interface Clock {
  now(): Date;
  /** Calls `fn` once at `at` (or at once if `at` has passed). */
  setTimer(at: Date, fn: () => Promise<void> | void): Timer;
  /** Waits `ms` (the arXiv client's politeness delay). */
  sleep(ms: number): Promise<void>;
}
