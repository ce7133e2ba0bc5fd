import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { botMessageObject, createFixtures, guildCreate, memberObject, memberPermissions, readyPayload, snowflake, userObject, type Fixtures, type SimUser } from './fixtures.js';
import { GatewayServer } from './GatewayServer.js';
import type { InteractionRecord, RequestRecord, StoredMessage } from './records.js';
import { httpHandler } from './httpHandler.js';
import { messageObject, restRoutes, type RestState } from './RestRoutes.js';
import { waitForChange } from './waitForChange.js';

const MESSAGE_CONTENT = 1 << 15;

export interface SlashOption { name: string; type: number; value?: string | number | boolean; focused?: boolean; options?: SlashOption[] }

/**
 * A Discord API (REST v10 + Gateway v10) on 127.0.0.1 that the unmodified discord.js client logs
 * into through `DISCORD_API_BASE`. It plays the users (slash commands, buttons, autocomplete,
 * messages), records everything the bot sends, and lists rule breaches in `violations`:
 * late acknowledgements, unanswered interactions, payloads over Discord's limits, pings.
 */
export class DiscordSimulator {
  readonly fixtures: Fixtures = createFixtures();
  readonly token = `sim.${Math.random().toString(36).slice(2)}.token`;
  readonly violations: string[] = [];
  readonly requests: RequestRecord[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  readonly messages: StoredMessage[] = [];
  readonly commands = { global: [] as any[], guild: new Map<string, any[]>() };
  private readonly threads: RestState['threads'] = [];
  private readonly events = new EventEmitter().setMaxListeners(0);
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: http.Server;
  private readonly gateway: GatewayServer;

  private constructor(readonly ackDeadlineMs: number) {
    const state: RestState = {
      fixtures: this.fixtures, token: this.token, gatewayUrl: () => `ws://127.0.0.1:${this.port}`, commands: this.commands,
      interactions: this.interactions, messages: this.messages, threads: this.threads, ackDeadlineMs,
      violation: (text) => this.violation(text), dispatch: (t, d) => this.gateway.dispatch(t, d), changed: () => this.events.emit('change'),
    };
    this.server = http.createServer(httpHandler({ routes: restRoutes(state), token: this.token, requests: this.requests, changed: state.changed }));
    this.gateway = new GatewayServer(this.server, this.token, (sessionId) => readyPayload(this.fixtures, sessionId, `ws://127.0.0.1:${this.port}`), {
      identify: () => [guildCreate(this.fixtures, this.threads)],
      onFrame: () => this.events.emit('change'),
    });
  }

  static async start(options: { ackDeadlineMs?: number } = {}): Promise<DiscordSimulator> {
    const sim = new DiscordSimulator(options.ackDeadlineMs ?? 3000);
    // Node closes idle keep-alive sockets after 5 s; a client whose event loop lags (200 answers
    // at once) can reuse one just as it closes ("other side closed"). Discord's edge keeps them longer.
    sim.server.keepAliveTimeout = 65_000;
    sim.server.headersTimeout = 66_000;
    await new Promise<void>((resolve) => sim.server.listen(0, '127.0.0.1', resolve));
    return sim;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The value for `DISCORD_API_BASE` (no `/v10`: discord.js adds the version). */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get intents(): number | undefined {
    return this.gateway.intents;
  }

  get stats(): { identifies: number; resumes: number; connected: boolean; shard?: [number, number] } {
    return { identifies: this.gateway.identifies, resumes: this.gateway.resumes, connected: this.gateway.connected, shard: this.gateway.shard };
  }

  private violation(text: string): void {
    this.violations.push(text);
    this.events.emit('change');
  }

  /** Resolves when `check` returns a value other than undefined/false; re-checked on every change. */
  waitFor<T>(check: () => T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    return waitForChange(this.events, check, timeoutMs, () => `${what}; violations: ${JSON.stringify(this.violations)}`);
  }

  waitForReady(): Promise<true> {
    return this.waitFor(() => this.gateway.identifies > 0 && this.gateway.connected, 15_000, 'the bot to identify');
  }

  private interaction(type: number, user: SimUser, channelId: string, data: unknown, extra: Record<string, unknown> = {}): InteractionRecord {
    const id = snowflake();
    const rec: InteractionRecord = { id, token: `itok_${id}_${Math.random().toString(36).slice(2)}`, type, userId: user.id, channelId, createdAt: Date.now(), edits: [], followups: [] };
    this.interactions.set(id, rec);
    const channel = [...Object.values(this.fixtures.channels), ...this.threads].find((c) => c.id === channelId);
    this.gateway.dispatch('INTERACTION_CREATE', {
      id, application_id: this.fixtures.applicationId, type, data, guild_id: this.fixtures.guildId, channel_id: channelId, channel,
      member: { ...memberObject(user), permissions: memberPermissions(this.fixtures, user) }, token: rec.token, version: 1,
      app_permissions: memberPermissions(this.fixtures, this.fixtures.users.bot), locale: 'en-US', guild_locale: 'en-US',
      entitlements: [], authorizing_integration_owners: { 0: this.fixtures.guildId }, context: 0, attachment_size_limit: 8_388_608, ...extra,
    });
    if (type !== 1) this.watchAcknowledgement(rec);
    return rec;
  }

  /** Discord shows "The application did not respond" after 3 s without a callback: recorded here. */
  private watchAcknowledgement(rec: InteractionRecord): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!rec.callback) this.violation(`interaction ${rec.id} (type ${rec.type}) not acknowledged within ${this.ackDeadlineMs} ms`);
    }, this.ackDeadlineMs + 50);
    this.timers.add(timer);
  }

  private commandId(name: string): string {
    const all = [...this.commands.global, ...[...this.commands.guild.values()].flat()];
    return all.find((c) => c.name === name)?.id ?? snowflake();
  }

  /** A user runs a slash command. */
  slash(user: SimUser, name: string, options: SlashOption[] = [], channelId = this.fixtures.channels.general.id): InteractionRecord {
    return this.interaction(2, user, channelId, { id: this.commandId(name), name, type: 1, options });
  }

  /** A user types into an option with autocomplete. */
  autocomplete(user: SimUser, name: string, options: SlashOption[], channelId = this.fixtures.channels.general.id): InteractionRecord {
    return this.interaction(4, user, channelId, { id: this.commandId(name), name, type: 1, options });
  }

  /** A user clicks a button on one of the bot's messages (an interaction's original response). */
  click(user: SimUser, on: InteractionRecord, customId: string): InteractionRecord {
    const message = { ...botMessageObject(this.fixtures, on.channelId), ...on.original };
    return this.interaction(3, user, on.channelId, { custom_id: customId, component_type: 2 }, { message });
  }

  /** A user posts a message; `mentionBot` prefixes `<@bot>` and lists the bot in `mentions`. */
  say(user: SimUser, channelId: string, text: string, { mentionBot = false } = {}): StoredMessage {
    const bot = this.fixtures.users.bot;
    const content = mentionBot ? `<@${bot.id}> ${text}` : text;
    const stored: StoredMessage = { id: snowflake(), channel_id: channelId, author: { id: user.id, username: user.username }, content, embeds: [], components: [], flags: 0 };
    this.messages.push(stored);
    const canRead = ((this.gateway.intents ?? 0) & MESSAGE_CONTENT) !== 0 || mentionBot;
    this.gateway.dispatch('MESSAGE_CREATE', {
      ...messageObject(this, stored), content: canRead ? content : '', member: memberObject(user),
      mentions: mentionBot ? [{ ...userObject(bot), member: memberObject(bot) }] : [], mention_everyone: false,
    });
    return stored;
  }

  /** The bot's messages replying to `message` (directly, or posted in the thread it opened from it). */
  repliesTo(message: StoredMessage): StoredMessage[] {
    return this.messages.filter((m) => m.author.bot && (m.message_reference?.message_id === message.id || (message.thread && m.channel_id === message.thread.id)));
  }

  /** Bot messages posted in a channel or thread. */
  botMessagesIn(channelId: string): StoredMessage[] {
    return this.messages.filter((m) => m.author.bot && m.channel_id === channelId);
  }

  /** Waits until the interaction has its final answer: an edit (after a defer) or an immediate reply. */
  answered(rec: InteractionRecord, timeoutMs = 15_000): Promise<InteractionRecord> {
    return this.waitFor(() => ((rec.callback && rec.callback.type !== 5 && rec.callback.type !== 6) || rec.edits.length > 0 ? rec : undefined), timeoutMs, `an answer to interaction ${rec.id}`);
  }

  /**
   * Interactions a user would still see as "thinking…" or "did not respond": no callback, or a
   * deferred reply never edited and with no follow-up. Autocomplete and updates are done when acknowledged.
   */
  unanswered(): InteractionRecord[] {
    return [...this.interactions.values()].filter((r) => !r.callback || (r.callback.type === 5 && r.edits.length === 0 && r.followups.length === 0));
  }

  disconnect(code = 4000): void {
    this.gateway.disconnect(code);
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
