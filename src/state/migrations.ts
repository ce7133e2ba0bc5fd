import { DISCORD_MIGRATIONS } from './discordMigrations.js';
import { HIGHLIGHTS_MIGRATIONS } from './highlightsMigrations.js';

/** A schema step. Ids are never reused or edited once released: add a new one instead. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/**
 * The state database's schema, in order. Ranges by owner keep parallel work apart:
 * 1–99 shared, 100–199 Discord (feedback, usage, settings), 200–299 highlights and subscriptions.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'guild_settings',
    sql: `CREATE TABLE guild_settings (
      guild_id TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (guild_id, key)
    )`,
  },
  ...DISCORD_MIGRATIONS,
  ...HIGHLIGHTS_MIGRATIONS,
];
