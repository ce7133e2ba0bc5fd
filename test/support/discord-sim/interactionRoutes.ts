import { userObject } from './fixtures.js';
import type { InteractionRecord } from './records.js';
import { bad, storeBotMessage, unknown, type Reply, type RestState } from './RestRoutes.js';
import { validateChoices, validateMessageBody } from './validatePayload.js';

/** Interaction callbacks and the interaction webhook (original response, follow-ups), with Discord's 3 s rule. */
export function interactionCallback(s: RestState, [, id, token]: string[], body: any, query: URLSearchParams): Reply {
  const rec = s.interactions.get(id as string);
  if (!rec || rec.token !== token) return unknown(10062, 'Unknown interaction');
  if (rec.callback) return { status: 400, body: { code: 40060, message: 'Interaction has already been acknowledged.' } };
  const elapsed = Date.now() - rec.createdAt;
  if (elapsed > s.ackDeadlineMs) {
    s.violation(`interaction ${id} acknowledged after ${elapsed} ms (limit ${s.ackDeadlineMs} ms)`);
    return unknown(10062, 'Unknown interaction');
  }
  const problems = body.type === 8 ? validateChoices(body.data?.choices) : [4, 7].includes(body.type) ? validateMessageBody(body.data ?? {}, { isEdit: body.type === 7 }) : [];
  if (problems.length > 0) {
    problems.forEach((p) => s.violation(`callback ${body.type}: ${p}`));
    return bad(problems);
  }
  rec.callback = { type: body.type, data: body.data, at: Date.now() };
  if (body.type === 4 || body.type === 7) {
    rec.original = body.data;
    rec.answeredAt = Date.now();
  }
  s.changed();
  const withResponse = query.get('with_response') === 'true';
  return withResponse ? { status: 200, body: { interaction: { id, type: rec.type }, resource: { type: body.type } } } : { status: 204 };
}

function byToken(s: RestState, token: string): InteractionRecord | undefined {
  return [...s.interactions.values()].find((r) => r.token === token);
}

export function editOriginal(s: RestState, [, , token]: string[], body: any): Reply {
  const rec = byToken(s, token as string);
  if (!rec) return unknown(10015, 'Unknown Webhook');
  if (!rec.callback) {
    s.violation(`interaction ${rec.id}: original edited before any acknowledgement`);
    return unknown(10008, 'Unknown Message');
  }
  const problems = validateMessageBody(body, { isEdit: true });
  if (problems.length > 0) {
    problems.forEach((p) => s.violation(`edit original: ${p}`));
    return bad(problems);
  }
  rec.edits.push(body);
  rec.answeredAt ??= Date.now();
  rec.original = { ...(rec.original ?? {}), ...body };
  s.changed();
  return { status: 200, body: { id: rec.id, channel_id: rec.channelId, content: '', embeds: [], components: [], ...rec.original, author: userObject(s.fixtures.users.bot), attachments: [], mentions: [], mention_roles: [], timestamp: new Date().toISOString(), flags: rec.original?.flags ?? 0, type: 20 } };
}

export function followup(s: RestState, [, , token]: string[], body: any): Reply {
  const rec = byToken(s, token as string);
  if (!rec) return unknown(10015, 'Unknown Webhook');
  if (!rec.callback) s.violation(`interaction ${rec.id}: follow-up before any acknowledgement`);
  const reply = storeBotMessage(s, rec.channelId, body, 'follow-up');
  if (reply.status === 200) rec.followups.push(body);
  return reply;
}

export function deleteOriginal(s: RestState, [, , token]: string[]): Reply {
  const rec = byToken(s, token as string);
  if (!rec?.callback) return unknown(10008, 'Unknown Message');
  rec.original = undefined;
  rec.deleted = true;
  s.changed();
  return { status: 204 };
}
