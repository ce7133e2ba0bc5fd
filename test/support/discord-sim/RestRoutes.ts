import { guildCreate, memberObject, snowflake, userObject, type Fixtures, type SimChannel } from './fixtures.js';
import type { InteractionRecord, StoredMessage } from './records.js';
import { deleteOriginal, editOriginal, followup, interactionCallback } from './interactionRoutes.js';
import { validateMessageBody } from './validatePayload.js';

export type Reply = { status: number; body?: unknown };
export type Route = { method: string; pattern: RegExp; handle(m: string[], body: any, query: URLSearchParams): Reply };

/** The state the REST routes read and change; DiscordSimulator owns it. */
export interface RestState {
  fixtures: Fixtures;
  token: string;
  gatewayUrl(): string;
  commands: { global: any[]; guild: Map<string, any[]> };
  interactions: Map<string, InteractionRecord>;
  messages: StoredMessage[];
  threads: SimChannel[];
  ackDeadlineMs: number;
  violation(text: string): void;
  dispatch(t: string, d: unknown): void;
  changed(): void;
}

export const bad = (problems: string[]): Reply => ({ status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: problems } });
export const unknown = (code: number, message: string): Reply => ({ status: 404, body: { code, message } });

export function messageObject(s: Pick<RestState, 'fixtures'>, m: StoredMessage) {
  const author = Object.values(s.fixtures.users).find((u) => u.id === m.author.id);
  return {
    id: m.id, channel_id: m.channel_id, guild_id: s.fixtures.guildId, author: author ? userObject(author) : m.author,
    content: m.content, embeds: m.embeds, components: m.components, flags: m.flags, type: m.message_reference ? 19 : 0,
    timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [],
    attachments: [], pinned: false, ...(m.message_reference ? { message_reference: { ...m.message_reference, channel_id: m.channel_id, guild_id: s.fixtures.guildId } } : {}),
  };
}

export function storeBotMessage(s: RestState, channelId: string, body: any, check: string): Reply {
  const problems = validateMessageBody(body);
  if (problems.length > 0) {
    problems.forEach((p) => s.violation(`${check}: ${p}`));
    return bad(problems);
  }
  const bot = s.fixtures.users.bot;
  const m: StoredMessage = { id: snowflake(), channel_id: channelId, author: { id: bot.id, bot: true, username: bot.username }, content: body.content ?? '', embeds: body.embeds ?? [], components: body.components ?? [], flags: body.flags ?? 0, body, message_reference: body.message_reference };
  s.messages.push(m);
  s.changed();
  return { status: 200, body: messageObject(s, m) };
}

function findChannel(s: RestState, id: string): SimChannel | undefined {
  return [...Object.values(s.fixtures.channels), ...s.threads].find((c) => c.id === id);
}

function startThread(s: RestState, [, channelId, messageId]: string[], body: any): Reply {
  const parent = findChannel(s, channelId as string);
  const message = s.messages.find((m) => m.id === messageId);
  if (!parent || !message) return unknown(10003, 'Unknown Channel');
  const thread: SimChannel = {
    id: message.id, type: 11, name: String(body.name ?? 'thread').slice(0, 100), guild_id: s.fixtures.guildId, parent_id: parent.id, position: 0, permission_overwrites: [],
    owner_id: s.fixtures.users.bot.id, thread_metadata: { archived: false, auto_archive_duration: body.auto_archive_duration ?? 1440, locked: false, archive_timestamp: new Date().toISOString() },
  };
  s.threads.push(thread);
  message.thread = { id: thread.id, name: thread.name };
  s.dispatch('THREAD_CREATE', { ...thread, newly_created: true, member_count: 1, message_count: 0 });
  s.changed();
  return { status: 201, body: thread };
}

/** REST v10 routes, matched against the path after `/api/v10`. */
export function restRoutes(s: RestState): Route[] {
  const f = s.fixtures;
  const route = (method: string, pattern: RegExp, handle: Route['handle']): Route => ({ method, pattern, handle });
  return [
    route('GET', /^\/gateway\/bot$/, () => ({ status: 200, body: { url: s.gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } } })),
    route('GET', /^\/users\/@me$/, () => ({ status: 200, body: userObject(f.users.bot) })),
    route('GET', /^\/applications\/@me$/, () => ({ status: 200, body: { id: f.applicationId, name: 'Footnote', flags: 0, bot_public: true, bot_require_code_grant: false, description: '', icon: null, owner: userObject(f.users.admin) } })),
    route('PUT', /^\/applications\/(\d+)\/commands$/, (_m, body) => {
      s.commands.global = (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: f.applicationId, version: snowflake() }));
      s.changed();
      return { status: 200, body: s.commands.global };
    }),
    route('PUT', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, (m, body) => {
      const list = (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: f.applicationId, guild_id: m[2], version: snowflake() }));
      s.commands.guild.set(m[2] as string, list);
      s.changed();
      return { status: 200, body: list };
    }),
    route('POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (m, body, q) => interactionCallback(s, m, body, q)),
    route('PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (m, body) => editOriginal(s, m, body)),
    route('DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (m) => deleteOriginal(s, m)),
    route('POST', /^\/webhooks\/(\d+)\/([^/]+)$/, (m, body) => followup(s, m, body)),
    route('POST', /^\/channels\/(\d+)\/messages$/, (m, body) => (findChannel(s, m[1] as string) ? storeBotMessage(s, m[1] as string, body, 'channel message') : unknown(10003, 'Unknown Channel'))),
    route('PATCH', /^\/channels\/(\d+)\/messages\/(\d+)$/, (m, body) => {
      const msg = s.messages.find((x) => x.id === m[2]);
      if (!msg) return unknown(10008, 'Unknown Message');
      const problems = validateMessageBody(body, { isEdit: true });
      problems.forEach((p) => s.violation(`message edit: ${p}`));
      if (problems.length) return bad(problems);
      Object.assign(msg, { content: body.content ?? msg.content, embeds: body.embeds ?? msg.embeds, components: body.components ?? msg.components, body });
      s.changed();
      return { status: 200, body: messageObject(s, msg) };
    }),
    route('POST', /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/, (m, body) => startThread(s, m, body)),
    route('POST', /^\/channels\/(\d+)\/typing$/, () => ({ status: 204 })),
    route('GET', /^\/channels\/(\d+)$/, (m) => {
      const c = findChannel(s, m[1] as string);
      return c ? { status: 200, body: c } : unknown(10003, 'Unknown Channel');
    }),
    route('GET', /^\/guilds\/(\d+)$/, () => ({ status: 200, body: guildCreate(f, s.threads) })),
    route('GET', /^\/guilds\/(\d+)\/members\/(\d+)$/, (m) => {
      const u = Object.values(f.users).find((x) => x.id === m[2]);
      return u ? { status: 200, body: memberObject(u) } : unknown(10007, 'Unknown Member');
    }),
  ];
}
