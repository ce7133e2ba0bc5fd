import type { Migration } from './migrations.js';

/** The Discord bot's tables (ids 100–199): answers given, feedback on them, thread conversations. */
export const DISCORD_MIGRATIONS: readonly Migration[] = [
  {
    id: 100,
    name: 'answers',
    sql: `CREATE TABLE answers (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      guild_id TEXT,
      channel_id TEXT,
      user_id TEXT NOT NULL,
      question TEXT NOT NULL,
      abstained INTEGER NOT NULL,
      citations_json TEXT NOT NULL,
      answered_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX answers_guild_time ON answers (guild_id, created_at)`,
  },
  {
    id: 101,
    name: 'feedback',
    sql: `CREATE TABLE feedback (
      answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
      user_id TEXT NOT NULL,
      vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
      created_at TEXT NOT NULL,
      PRIMARY KEY (answer_id, user_id)
    )`,
  },
  {
    id: 102,
    name: 'conversation_turns',
    sql: `CREATE TABLE conversation_turns (
      thread_id TEXT NOT NULL,
      turn INTEGER NOT NULL,
      question TEXT NOT NULL,
      answer TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (thread_id, turn)
    )`,
  },
];
