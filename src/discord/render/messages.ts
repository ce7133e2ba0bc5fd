import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import { LIMITS, NO_PINGS, truncate } from './limits.js';
import { splitText } from './splitText.js';

/** A message as the bot sends it: every payload carries `allowedMentions: { parse: [] }`. */
export interface OutgoingMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: typeof NO_PINGS;
}

/** Brand colours: one per kind of message, so users can tell them apart at a glance. */
export const COLOURS = { answer: 0x3b82f6, abstain: 0x9ca3af, paper: 0x10b981, error: 0xef4444 } as const;

/** A plain text message (notes, errors), split at sentence boundaries when long. */
export function textMessages(text: string): OutgoingMessage[] {
  return splitText(text, LIMITS.content).map((content) => ({ content, allowedMentions: NO_PINGS }));
}

/** A single short text message, cut to the content limit: for notes that must fit one reply. */
export function note(text: string): OutgoingMessage {
  return { content: truncate(text, LIMITS.content), allowedMentions: NO_PINGS };
}

/** Characters Discord counts towards the 6,000 per message. */
export function embedSize(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0) + fields;
}

/** Lines grouped into field values of at most 1,024 characters, never splitting a line. */
export function linesToFields(name: string, lines: string[]): Array<{ name: string; value: string }> {
  const values: string[] = [];
  for (const line of lines.flatMap((l) => splitText(l, LIMITS.fieldValue))) {
    const last = values.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= LIMITS.fieldValue) values[values.length - 1] = `${last}\n${line}`;
    else values.push(line);
  }
  return values.map((value, i) => ({ name: i === 0 ? name : `${name} (continued)`, value }));
}

/** Fields spread over embeds that each stay within 25 fields and leave room under the 6,000 total. */
export function fieldsToEmbeds(fields: Array<{ name: string; value: string }>, color: number): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  for (const field of fields) {
    const last = embeds.at(-1);
    if (last?.fields && last.fields.length < LIMITS.embedFields && embedSize(last) + field.name.length + field.value.length <= LIMITS.embedTotal - 1000) last.fields.push(field);
    else embeds.push({ color, fields: [field] });
  }
  return embeds;
}

/** Puts embeds into as few messages as Discord allows (≤ 10 embeds and ≤ 6,000 characters each). */
export function packEmbeds(embeds: APIEmbed[]): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const n = embedSize(embed);
    if (current.length > 0 && (size + n > LIMITS.embedTotal || current.length === LIMITS.embedsPerMessage)) {
      messages.push({ embeds: current, allowedMentions: NO_PINGS });
      current = [];
      size = 0;
    }
    current.push(embed);
    size += n;
  }
  if (current.length > 0) messages.push({ embeds: current, allowedMentions: NO_PINGS });
  return messages;
}
