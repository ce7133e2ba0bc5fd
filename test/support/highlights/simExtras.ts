import { snowflake, userObject, type SimChannel, type SimUser } from '../discord-sim/fixtures.js';
import type { DiscordSimulator, SlashOption } from '../discord-sim/DiscordSimulator.js';
import type { InteractionRecord } from '../discord-sim/records.js';
import type { Route } from '../discord-sim/RestRoutes.js';

// The shared simulator (helper D's) has no DM channels and no resolved channel options yet; these
// reach into it from outside so its files stay untouched.
type SimInternals = {
  routes: Route[];
  interaction(type: number, user: SimUser, channelId: string, data: unknown): InteractionRecord;
  commandId(name: string): string;
};
const internals = (sim: DiscordSimulator) => sim as unknown as SimInternals;

/** Adds `POST /users/@me/channels`; returns the DM channel id per user id as they are opened. */
export function enableDirectMessages(sim: DiscordSimulator): Map<string, string> {
  const dms = new Map<string, string>();
  const channels = sim.fixtures.channels as unknown as Record<string, SimChannel>;
  internals(sim).routes.push({
    method: 'POST',
    pattern: /^\/users\/@me\/channels$/,
    handle(_m, body) {
      const user = Object.values(sim.fixtures.users).find((u) => u.id === body.recipient_id);
      if (!user) return { status: 404, body: { code: 10013, message: 'Unknown User' } };
      const id = dms.get(user.id) ?? snowflake();
      dms.set(user.id, id);
      channels[`dm-${user.id}`] = { id, type: 1, name: `dm-${user.username}`, guild_id: '', position: 0, permission_overwrites: [] };
      return { status: 200, body: { id, type: 1, last_message_id: null, recipients: [userObject(user)] } };
    },
  });
  return dms;
}

/** A slash command whose options include a channel, with the `resolved` block Discord sends for it. */
export function slashWithChannel(sim: DiscordSimulator, user: SimUser, name: string, options: SlashOption[], channel: { id: string; name: string }): InteractionRecord {
  const resolved = { channels: { [channel.id]: { id: channel.id, name: channel.name, type: 0, permissions: '0' } } };
  const data = { id: internals(sim).commandId(name), name, type: 1, options, resolved };
  return internals(sim).interaction(2, user, sim.fixtures.channels.general.id, data);
}
