import type { StateDb } from './openStateDb.js';

export type SubscriberKind = 'user' | 'channel';

/** A topic someone follows: a user (by DM) or a channel (in the daily post). */
export interface Subscription {
  id: number;
  guildId: string;
  kind: SubscriberKind;
  targetId: string;
  topic: string;
  /** Papers added after this `addedAt` have not been matched against the topic yet. */
  matchedUntil: string;
}

/** A paper matched for a subscriber, waiting for (or past) its delivery. */
export interface PendingMatch {
  paperId: string;
  topic: string;
  sentence: string;
  score: number;
}

interface SubRow {
  id: number;
  guild_id: string;
  kind: SubscriberKind;
  target_id: string;
  topic: string;
  matched_until: string;
}

const toSub = (r: SubRow): Subscription => ({
  id: r.id,
  guildId: r.guild_id,
  kind: r.kind,
  targetId: r.target_id,
  topic: r.topic,
  matchedUntil: r.matched_until,
});

/** Folds case and spacing so "Interpretability " and "interpretability" are one subscription. */
export const topicKey = (topic: string): string => topic.trim().toLowerCase().replace(/\s+/g, ' ');

/** Subscriptions and their deliveries; a subscriber is delivered a paper at most once, ever. */
export class SubscriptionsRepo {
  constructor(private readonly db: StateDb) {}

  /** Adds a subscription; false when the subscriber already follows that topic in the guild. */
  add(s: Omit<Subscription, 'id'> & { createdBy: string; at: string }): boolean {
    const r = this.db
      .prepare(`INSERT INTO subscriptions (guild_id, kind, target_id, topic, topic_key, created_by, created_at, matched_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
      .run(s.guildId, s.kind, s.targetId, s.topic.trim(), topicKey(s.topic), s.createdBy, s.at, s.matchedUntil);
    return r.changes > 0;
  }

  remove(guildId: string, kind: SubscriberKind, targetId: string, topic: string): boolean {
    const r = this.db
      .prepare('DELETE FROM subscriptions WHERE guild_id = ? AND kind = ? AND target_id = ? AND topic_key = ?')
      .run(guildId, kind, targetId, topicKey(topic));
    return r.changes > 0;
  }

  /** A guild's subscriptions, or every guild's when `guildId` is omitted. */
  list(guildId?: string): Subscription[] {
    const rows = guildId
      ? this.db.prepare('SELECT * FROM subscriptions WHERE guild_id = ? ORDER BY kind, target_id, topic').all(guildId)
      : this.db.prepare('SELECT * FROM subscriptions ORDER BY id').all();
    return (rows as SubRow[]).map(toSub);
  }

  /** Records matches and moves the subscription's watermark, in one transaction. */
  recordMatches(sub: Subscription, matches: PendingMatch[], matchedUntil: string, at: string): void {
    this.db.transaction(() => {
      const insert = this.db.prepare(`INSERT INTO subscription_deliveries (kind, target_id, paper_id, topic, sentence, score, matched_at)
                                      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
      for (const m of matches) insert.run(sub.kind, sub.targetId, m.paperId, m.topic, m.sentence, m.score, at);
      this.db.prepare('UPDATE subscriptions SET matched_until = ? WHERE id = ?').run(matchedUntil, sub.id);
    })();
  }

  /** Matches not yet delivered to a subscriber, best first. */
  pending(kind: SubscriberKind, targetId: string): PendingMatch[] {
    return this.db
      .prepare(`SELECT paper_id AS paperId, topic, sentence, score FROM subscription_deliveries
                WHERE kind = ? AND target_id = ? AND delivered_on IS NULL ORDER BY topic, score DESC, paper_id`)
      .all(kind, targetId) as PendingMatch[];
  }

  /** Subscribers with undelivered matches. */
  subscribersWithPending(kind: SubscriberKind): string[] {
    return this.db
      .prepare('SELECT DISTINCT target_id FROM subscription_deliveries WHERE kind = ? AND delivered_on IS NULL ORDER BY target_id')
      .pluck()
      .all(kind) as string[];
  }

  markDelivered(kind: SubscriberKind, targetId: string, paperIds: readonly string[], date: string): void {
    const mark = this.db.prepare('UPDATE subscription_deliveries SET delivered_on = ? WHERE kind = ? AND target_id = ? AND paper_id = ?');
    this.db.transaction(() => {
      for (const id of paperIds) mark.run(date, kind, targetId, id);
    })();
  }

  /** Claims the one DM a user gets on a date; false when it was already claimed. */
  claimDigest(userId: string, date: string, at: string): boolean {
    const r = this.db
      .prepare("INSERT INTO digest_runs (user_id, run_date, status, at) VALUES (?, ?, 'sent', ?) ON CONFLICT DO NOTHING")
      .run(userId, date, at);
    return r.changes > 0;
  }
}
