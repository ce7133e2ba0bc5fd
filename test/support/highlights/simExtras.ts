import type http from 'node:http';
import { snowflake, userObject, type SimChannel, type SimUser } from '../discord-sim/fixtures.js';
import type { DiscordSimulator, SlashOption } from '../discord-sim/DiscordSimulator.js';
import type { InteractionRecord } from '../discord-sim/records.js';

// The shared simulator (helper D's) has no DM channels and no resolved channel options yet; these
// reach into it from outside so its files stay untouched.
type SimInternals = {
  server: http.Server;
  interaction(type: number, user: SimUser, channelId: string, data: unknown): InteractionRecord;
  commandId(name: string): string;
};
const internals = (sim: DiscordSimulator) => sim as unknown as SimInternals;
type RequestListener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Answers `POST /users/@me/channels` (open a DM); returns the DM channel id per user id as they are opened. */
export function enableDirectMessages(sim: DiscordSimulator): Map<string, string> {
  const dms = new Map<string, string>();
  const channels = sim.fixtures.channels as unknown as Record<string, SimChannel>;
  const { server } = internals(sim);
  const [original] = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/users/@me/channels')) return original?.(req, res);
    let raw = '';
    req.on('data', (c) => (raw += String(c)));
    req.on('end', () => {
      const user = Object.values(sim.fixtures.users).find((u) => u.id === (JSON.parse(raw || '{}') as { recipient_id?: string }).recipient_id);
      if (!user) return void res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 10013, message: 'Unknown User' }));
      const id = dms.get(user.id) ?? snowflake();
      dms.set(user.id, id);
      channels[`dm-${user.id}`] = { id, type: 1, name: `dm-${user.username}`, guild_id: '', position: 0, permission_overwrites: [] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, type: 1, last_message_id: null, recipients: [userObject(user)] }));
    });
  });
  return dms;
}

/** A slash command whose options include a channel, with the `resolved` block Discord sends for it. */
export function slashWithChannel(sim: DiscordSimulator, user: SimUser, name: string, options: SlashOption[], channel: { id: string; name: string }): InteractionRecord {
  const resolved = { channels: { [channel.id]: { id: channel.id, name: channel.name, type: 0, permissions: '0' } } };
  const data = { id: internals(sim).commandId(name), name, type: 1, options, resolved };
  return internals(sim).interaction(2, user, sim.fixtures.channels.general.id, data);
}
