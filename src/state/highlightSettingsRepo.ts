import type { HighlightSettings } from '../highlights/types.js';
import type { StateDb } from './openStateDb.js';

interface Row {
  guild_id: string;
  channel_id: string;
  time: string;
  timezone: string;
  count: number;
  enabled: number;
  enabled_at: string;
  disabled_reason: string | null;
}

const toSettings = (r: Row): HighlightSettings => ({
  guildId: r.guild_id,
  channelId: r.channel_id,
  time: r.time,
  timezone: r.timezone,
  count: r.count,
  enabled: r.enabled === 1,
  enabledAt: r.enabled_at,
  disabledReason: r.disabled_reason,
});

/** Per-guild highlight schedules, and the note owed to an admin when the bot switched one off. */
export class HighlightSettingsRepo {
  constructor(private readonly db: StateDb) {}

  get(guildId: string): HighlightSettings | undefined {
    const row = this.db.prepare('SELECT * FROM highlight_settings WHERE guild_id = ?').get(guildId) as Row | undefined;
    return row ? toSettings(row) : undefined;
  }

  listEnabled(): HighlightSettings[] {
    return (this.db.prepare('SELECT * FROM highlight_settings WHERE enabled = 1 ORDER BY guild_id').all() as Row[]).map(toSettings);
  }

  /** Creates or replaces a guild's schedule and switches it on from `at`. */
  save(s: Omit<HighlightSettings, 'enabled' | 'enabledAt' | 'disabledReason'>, at: string): HighlightSettings {
    this.db
      .prepare(
        `INSERT INTO highlight_settings (guild_id, channel_id, time, timezone, count, enabled, enabled_at, disabled_reason, notice_pending, updated_at)
         VALUES (@guildId, @channelId, @time, @timezone, @count, 1, @at, NULL, 0, @at)
         ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time, timezone = excluded.timezone,
           count = excluded.count, enabled = 1, enabled_at = excluded.enabled_at, disabled_reason = NULL, notice_pending = 0, updated_at = excluded.updated_at`,
      )
      .run({ ...s, at });
    return this.get(s.guildId) as HighlightSettings;
  }

  /** Switches a schedule off; with a `reason` the bot did it and owes the admins a note. */
  disable(guildId: string, at: string, reason?: string): void {
    this.db
      .prepare('UPDATE highlight_settings SET enabled = 0, disabled_reason = ?, notice_pending = ?, updated_at = ? WHERE guild_id = ?')
      .run(reason ?? null, reason ? 1 : 0, at, guildId);
  }

  /** The pending note for a guild's admins, returned once. */
  takeNotice(guildId: string): string | undefined {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT disabled_reason FROM highlight_settings WHERE guild_id = ? AND notice_pending = 1').get(guildId) as
        | { disabled_reason: string | null }
        | undefined;
      if (!row) return undefined;
      this.db.prepare('UPDATE highlight_settings SET notice_pending = 0 WHERE guild_id = ?').run(guildId);
      return row.disabled_reason ?? undefined;
    })();
  }
}
