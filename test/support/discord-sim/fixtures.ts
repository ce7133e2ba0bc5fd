/** Discord's epoch: snowflakes carry their creation time, which discord.js reads. */
const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** Permission bits used by the fixtures (discord-api-types PermissionFlagsBits). */
export const PERMS = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  ManageGuild: 1n << 5n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
  UseApplicationCommands: 1n << 31n,
} as const;

const MEMBER_PERMS = PERMS.ViewChannel | PERMS.SendMessages | PERMS.ReadMessageHistory | PERMS.UseApplicationCommands | PERMS.SendMessagesInThreads;
const BOT_PERMS = MEMBER_PERMS | PERMS.EmbedLinks | PERMS.CreatePublicThreads;

export interface SimUser {
  id: string;
  username: string;
  global_name: string;
  discriminator: '0';
  avatar: null;
  bot?: boolean;
  /** Role ids held in the fixture guild. */
  roles: string[];
}

export interface SimChannel {
  id: string;
  type: number;
  name: string;
  guild_id: string;
  parent_id?: string;
  permission_overwrites: Array<{ id: string; type: 0 | 1; allow: string; deny: string }>;
  position: number;
  thread_metadata?: { archived: boolean; auto_archive_duration: number; locked: boolean; archive_timestamp: string };
  owner_id?: string;
}

/** One guild with an admin, two members, the bot, and channels with and without thread rights. */
export function createFixtures() {
  const guildId = snowflake();
  const role = (name: string, permissions: bigint, position: number) => ({
    id: position === 0 ? guildId : snowflake(), name, permissions: permissions.toString(), position,
    color: 0, hoist: false, managed: false, mentionable: false, icon: null, unicode_emoji: null, flags: 0,
  });
  const everyone = role('@everyone', MEMBER_PERMS, 0);
  const adminRole = role('Admins', MEMBER_PERMS | PERMS.ManageGuild, 1);
  const botRole = role('Footnote', BOT_PERMS, 2);
  const user = (username: string, roles: string[], bot = false): SimUser => ({ id: snowflake(), username, global_name: username, discriminator: '0', avatar: null, roles, ...(bot ? { bot } : {}) });
  const users = { bot: user('Footnote', [botRole.id], true), admin: user('ada', [adminRole.id]), alice: user('alice', []), bob: user('bob', []), carol: user('carol', []), dave: user('dave', []) };
  const channel = (name: string, position: number, denyThreads = false): SimChannel => ({
    id: snowflake(), type: 0, name, guild_id: guildId, position,
    permission_overwrites: denyThreads ? [{ id: botRole.id, type: 0, allow: '0', deny: PERMS.CreatePublicThreads.toString() }] : [],
  });
  const channels = { general: channel('general', 0), ask: channel('ask-footnote', 1), noThreads: channel('announcements', 2, true) };
  return { guildId, roles: [everyone, adminRole, botRole], users, channels, applicationId: users.bot.id };
}

export type Fixtures = ReturnType<typeof createFixtures>;

export function userObject(u: SimUser) {
  const { roles: _roles, ...rest } = u;
  return rest;
}

/** A member's computed permissions, as Discord puts them in interaction payloads. */
export function memberPermissions(f: Fixtures, u: SimUser): string {
  const bits = f.roles.filter((r) => r.id === f.guildId || u.roles.includes(r.id)).reduce((acc, r) => acc | BigInt(r.permissions), 0n);
  return bits.toString();
}

export function memberObject(u: SimUser) {
  return { user: userObject(u), roles: u.roles, joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false };
}

export function guildCreate(f: Fixtures, threads: SimChannel[]) {
  return {
    id: f.guildId, name: 'Reading Group', icon: null, owner_id: f.users.admin.id, afk_timeout: 300, verification_level: 0,
    default_message_notifications: 0, explicit_content_filter: 0, roles: f.roles, emojis: [], stickers: [], features: [],
    mfa_level: 0, system_channel_id: null, premium_tier: 0, preferred_locale: 'en-US', nsfw_level: 0, large: false,
    unavailable: false, member_count: 6, joined_at: '2024-01-01T00:00:00.000Z', voice_states: [], presences: [],
    members: Object.values(f.users).map(memberObject), channels: Object.values(f.channels), threads,
    stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
  };
}

/** A bot message as an interaction payload carries it (buttons are clicked on one). */
export function botMessageObject(f: Fixtures, channelId: string) {
  return {
    id: snowflake(), channel_id: channelId, author: userObject(f.users.bot), content: '', embeds: [], components: [], attachments: [], mentions: [],
    mention_roles: [], timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, pinned: false, type: 20, flags: 0,
  };
}

/** READY for the one guild, announced unavailable until its GUILD_CREATE follows (as Discord does). */
export function readyPayload(f: Fixtures, sessionId: string, resumeUrl: string) {
  return {
    v: 10, user: { ...userObject(f.users.bot), verified: true, mfa_enabled: false, flags: 0 }, session_id: sessionId,
    resume_gateway_url: resumeUrl, guilds: [{ id: f.guildId, unavailable: true }],
    shard: [0, 1], application: { id: f.applicationId, flags: 0 }, private_channels: [],
  };
}
