import type { Migration } from './migrations.js';

/** Highlights and subscriptions schema (ids 200–299). */
export const HIGHLIGHTS_MIGRATIONS: readonly Migration[] = [
  {
    id: 200,
    name: 'highlight_settings',
    sql: `CREATE TABLE highlight_settings (
      guild_id TEXT PRIMARY KEY,
      channel_id TEXT NOT NULL,
      time TEXT NOT NULL,
      timezone TEXT NOT NULL,
      count INTEGER NOT NULL,
      enabled INTEGER NOT NULL,
      enabled_at TEXT NOT NULL,
      disabled_reason TEXT,
      notice_pending INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    )`,
  },
  {
    id: 201,
    name: 'highlight_runs',
    sql: `CREATE TABLE highlight_runs (
      guild_id TEXT NOT NULL,
      run_date TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('selected', 'posted', 'failed')),
      channel_id TEXT NOT NULL,
      post TEXT NOT NULL,
      selected_at TEXT NOT NULL,
      posted_at TEXT,
      message_id TEXT,
      error TEXT,
      PRIMARY KEY (guild_id, run_date)
    );
    CREATE TABLE highlight_rotation (
      guild_id TEXT PRIMARY KEY,
      cycle INTEGER NOT NULL,
      cursor INTEGER NOT NULL,
      watermark TEXT
    );
    CREATE TABLE highlight_shown (
      guild_id TEXT NOT NULL,
      paper_id TEXT NOT NULL,
      cycle INTEGER NOT NULL,
      run_date TEXT NOT NULL,
      PRIMARY KEY (guild_id, paper_id)
    );
    CREATE INDEX highlight_shown_cycle ON highlight_shown (guild_id, cycle)`,
  },
  {
    id: 202,
    name: 'subscriptions',
    sql: `CREATE TABLE subscriptions (
      id INTEGER PRIMARY KEY,
      guild_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('user', 'channel')),
      target_id TEXT NOT NULL,
      topic TEXT NOT NULL,
      topic_key TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      matched_until TEXT NOT NULL,
      UNIQUE (guild_id, kind, target_id, topic_key)
    );
    CREATE TABLE subscription_deliveries (
      kind TEXT NOT NULL,
      target_id TEXT NOT NULL,
      paper_id TEXT NOT NULL,
      topic TEXT NOT NULL,
      sentence TEXT NOT NULL,
      score REAL NOT NULL,
      matched_at TEXT NOT NULL,
      delivered_on TEXT,
      PRIMARY KEY (kind, target_id, paper_id)
    );
    CREATE TABLE digest_runs (
      user_id TEXT NOT NULL,
      run_date TEXT NOT NULL,
      status TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (user_id, run_date)
    );
    CREATE TABLE feed_runs (
      run_date TEXT PRIMARY KEY,
      status TEXT NOT NULL,
      fetched INTEGER NOT NULL DEFAULT 0,
      added INTEGER NOT NULL DEFAULT 0,
      at TEXT NOT NULL,
      error TEXT
    )`,
  },
];
