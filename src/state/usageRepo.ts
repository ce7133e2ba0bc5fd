import type { Citation } from '../answer/types.js';
import type { StateDb } from './openStateDb.js';

/** What is kept of an answer: enough for "Show quotes", feedback and the usage counters. */
export interface StoredAnswer {
  id: number;
  guildId: string | null;
  userId: string;
  question: string;
  abstained: boolean;
  citations: Citation[];
  answeredBy: string;
  createdAt: string;
}

export interface UsageStats {
  questionsAnswered: number;
  abstained: number;
  helpful: number;
  unhelpful: number;
  /** When the counters were last reset, if ever. */
  since: string | null;
}

const RESET_KEY = 'stats_reset_at';
const EPOCH = '1970-01-01T00:00:00.000Z';

/** Answers given and the per-guild usage counters derived from them (`/footnote stats`). */
export class UsageRepo {
  constructor(private readonly db: StateDb, private readonly now: () => Date = () => new Date()) {}

  recordAnswer(a: Omit<StoredAnswer, 'id' | 'createdAt'> & { channelId: string | null }): number {
    const result = this.db
      .prepare('INSERT INTO answers (guild_id, channel_id, user_id, question, abstained, citations_json, answered_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(a.guildId, a.channelId, a.userId, a.question, a.abstained ? 1 : 0, JSON.stringify(a.citations), a.answeredBy, this.now().toISOString());
    return Number(result.lastInsertRowid);
  }

  getAnswer(id: number): StoredAnswer | undefined {
    const row = this.db.prepare('SELECT * FROM answers WHERE id = ?').get(id) as Record<string, any> | undefined;
    if (!row) return undefined;
    return {
      id: row.id, guildId: row.guild_id, userId: row.user_id, question: row.question, abstained: row.abstained === 1,
      citations: JSON.parse(row.citations_json) as Citation[], answeredBy: row.answered_by, createdAt: row.created_at,
    };
  }

  stats(guildId: string | null): UsageStats {
    const since = guildId ? ((this.db.prepare('SELECT value FROM guild_settings WHERE guild_id = ? AND key = ?').pluck().get(guildId, RESET_KEY) as string | undefined) ?? null) : null;
    const from = since ?? EPOCH;
    const answers = this.db
      .prepare('SELECT COUNT(*) AS n, COALESCE(SUM(abstained), 0) AS abstained FROM answers WHERE guild_id IS ? AND created_at >= ?')
      .get(guildId, from) as { n: number; abstained: number };
    const votes = this.db
      .prepare(`SELECT COALESCE(SUM(f.vote = 1), 0) AS up, COALESCE(SUM(f.vote = -1), 0) AS down
        FROM feedback f JOIN answers a ON a.id = f.answer_id WHERE a.guild_id IS ? AND f.created_at >= ?`)
      .get(guildId, from) as { up: number; down: number };
    return { questionsAnswered: answers.n, abstained: answers.abstained, helpful: votes.up, unhelpful: votes.down, since };
  }

  /** Starts the guild's counters from zero; the answers themselves stay (buttons keep working). */
  resetStats(guildId: string): void {
    this.db
      .prepare('INSERT INTO guild_settings (guild_id, key, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (guild_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(guildId, RESET_KEY, this.now().toISOString(), this.now().toISOString());
  }
}
