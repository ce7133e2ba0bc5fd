import type { HighlightPost } from '../highlights/types.js';
import type { StateDb } from './openStateDb.js';

export type RunStatus = 'selected' | 'posted' | 'failed';

/** One guild's run for one local date, as the ledger records it. */
export interface RunRecord {
  guildId: string;
  date: string;
  status: RunStatus;
  post: HighlightPost;
  messageId: string | null;
  error: string | null;
}

/** Where a guild is in its rotation through the corpus. */
export interface RotationState {
  cycle: number;
  cursor: number;
  /** The newest `addedAt` when this cycle began (or the schedule was set): later papers count as new. */
  watermark: string | null;
}

interface RunRow {
  guild_id: string;
  run_date: string;
  status: RunStatus;
  post: string;
  message_id: string | null;
  error: string | null;
}

const toRecord = (r: RunRow): RunRecord => ({
  guildId: r.guild_id,
  date: r.run_date,
  status: r.status,
  post: JSON.parse(r.post) as HighlightPost,
  messageId: r.message_id,
  error: r.error,
});

/**
 * The run ledger: a run is written as `selected` (with the exact post) before anything is sent and
 * as `posted` after, so a restart never posts twice and a crash in between is finished on start.
 */
export class HighlightRunsRepo {
  constructor(private readonly db: StateDb) {}

  get(guildId: string, date: string): RunRecord | undefined {
    const row = this.db.prepare('SELECT * FROM highlight_runs WHERE guild_id = ? AND run_date = ?').get(guildId, date) as RunRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Runs selected but never confirmed posted (a crash or a transient failure). */
  unfinished(): RunRecord[] {
    return (this.db.prepare("SELECT * FROM highlight_runs WHERE status = 'selected' ORDER BY run_date").all() as RunRow[]).map(toRecord);
  }

  rotation(guildId: string): RotationState {
    const row = this.db.prepare('SELECT cycle, cursor, watermark FROM highlight_rotation WHERE guild_id = ?').get(guildId) as RotationState | undefined;
    return row ?? { cycle: 1, cursor: 0, watermark: null };
  }

  /** Sets the "new papers" watermark when a schedule is (re)configured, keeping the rotation. */
  setWatermark(guildId: string, watermark: string | null): void {
    this.db
      .prepare(`INSERT INTO highlight_rotation (guild_id, cycle, cursor, watermark) VALUES (?, 1, 0, ?)
                ON CONFLICT (guild_id) DO UPDATE SET watermark = excluded.watermark`)
      .run(guildId, watermark);
  }

  /** The ids shown in a cycle: the selection's "never twice in a cycle" check. */
  shownIn(guildId: string, cycle: number): Set<string> {
    return new Set(this.db.prepare('SELECT paper_id FROM highlight_shown WHERE guild_id = ? AND cycle = ?').pluck().all(guildId, cycle) as string[]);
  }

  /**
   * Records a selection atomically: the run as `selected`, its papers as shown, the new rotation
   * state. Returns false (and writes nothing) when the guild already has a run for that date.
   */
  recordSelected(post: HighlightPost, rotation: RotationState, at: string): boolean {
    return this.db.transaction(() => {
      const inserted = this.db
        .prepare(`INSERT INTO highlight_runs (guild_id, run_date, status, channel_id, post, selected_at) VALUES (?, ?, 'selected', ?, ?, ?)
                  ON CONFLICT DO NOTHING`)
        .run(post.guildId, post.date, post.channelId, JSON.stringify(post), at);
      if (inserted.changes === 0) return false;
      const shown = this.db.prepare(`INSERT INTO highlight_shown (guild_id, paper_id, cycle, run_date) VALUES (?, ?, ?, ?)
                                     ON CONFLICT (guild_id, paper_id) DO UPDATE SET cycle = excluded.cycle, run_date = excluded.run_date`);
      for (const e of post.entries) shown.run(post.guildId, e.id, rotation.cycle, post.date);
      this.db
        .prepare(`INSERT INTO highlight_rotation (guild_id, cycle, cursor, watermark) VALUES (@guildId, @cycle, @cursor, @watermark)
                  ON CONFLICT (guild_id) DO UPDATE SET cycle = excluded.cycle, cursor = excluded.cursor, watermark = excluded.watermark`)
        .run({ guildId: post.guildId, ...rotation });
      return true;
    })();
  }

  recordPosted(guildId: string, date: string, messageId: string, at: string): void {
    this.db
      .prepare("UPDATE highlight_runs SET status = 'posted', message_id = ?, posted_at = ?, error = NULL WHERE guild_id = ? AND run_date = ?")
      .run(messageId, at, guildId, date);
  }

  recordFailed(guildId: string, date: string, error: string): void {
    this.db.prepare("UPDATE highlight_runs SET status = 'failed', error = ? WHERE guild_id = ? AND run_date = ?").run(error, guildId, date);
  }

  /** Notes a transient failure on a run that stays `selected`, to be retried. */
  noteError(guildId: string, date: string, error: string): void {
    this.db.prepare('UPDATE highlight_runs SET error = ? WHERE guild_id = ? AND run_date = ?').run(error, guildId, date);
  }
}

/** The daily arXiv feed's ledger: at most one fetch per local date, whatever restarts happen. */
export class FeedRunsRepo {
  constructor(private readonly db: StateDb) {}

  /** Claims a date's fetch; false when it was already claimed. */
  claim(date: string, at: string): boolean {
    const r = this.db.prepare("INSERT INTO feed_runs (run_date, status, at) VALUES (?, 'started', ?) ON CONFLICT DO NOTHING").run(date, at);
    return r.changes > 0;
  }

  finish(date: string, outcome: { status: 'done' | 'failed'; fetched: number; added: number; error?: string }): void {
    this.db
      .prepare('UPDATE feed_runs SET status = ?, fetched = ?, added = ?, error = ? WHERE run_date = ?')
      .run(outcome.status, outcome.fetched, outcome.added, outcome.error ?? null, date);
  }

  last(): { date: string; status: string; fetched: number; added: number; error: string | null } | undefined {
    return this.db.prepare('SELECT run_date AS date, status, fetched, added, error FROM feed_runs ORDER BY run_date DESC LIMIT 1').get() as
      | { date: string; status: string; fetched: number; added: number; error: string | null }
      | undefined;
  }
}
