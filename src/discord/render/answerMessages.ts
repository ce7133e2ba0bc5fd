import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { Answer, Citation } from '../../answer/types.js';
import { escapeUserText } from './escapeUserText.js';
import { LIMITS, truncate } from './limits.js';
import { COLOURS, fieldsToEmbeds, linesToFields, packEmbeds, type OutgoingMessage } from './messages.js';
import { splitText } from './splitText.js';

/** Custom ids of the buttons under an answer; the handler parses them back. */
export const ANSWER_BUTTONS = { up: 'fb:up', down: 'fb:down', quotes: 'quotes' } as const;

export function paperLink(title: string, url: string | null): string {
  const label = escapeUserText(truncate(title, 200)).replace(/[[\]]/g, '');
  return url ? `[${label}](${url})` : label;
}

export function authorsLabel(authors: string[]): string {
  if (authors.length === 0) return 'Unknown authors';
  const names = authors.length > 3 ? `${authors.slice(0, 3).join(', ')} et al.` : authors.join(', ');
  return escapeUserText(truncate(names, 200));
}

/** `[n] Title — Authors (Year)`, the title linked; derived titles are labelled as such. */
export function sourceLine(c: Citation): string {
  const title = c.titleDerived ? `Untitled abstract: “${c.title}”` : c.title;
  return `[${c.n}] ${paperLink(title, c.url)} — ${authorsLabel(c.authors)} (${c.year ?? 'n.d.'})`;
}

function answerButtons(answerId: number): APIActionRowComponent<APIButtonComponent> {
  const button = (custom_id: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponent => ({ type: ComponentType.Button, custom_id, label, style });
  return {
    type: ComponentType.ActionRow,
    components: [
      button(`${ANSWER_BUTTONS.up}:${answerId}`, '👍', ButtonStyle.Secondary),
      button(`${ANSWER_BUTTONS.down}:${answerId}`, '👎', ButtonStyle.Secondary),
      button(`${ANSWER_BUTTONS.quotes}:${answerId}`, 'Show quotes', ButtonStyle.Primary),
    ],
  };
}

function abstentionEmbeds(answer: Answer): APIEmbed[] {
  const lines = answer.suggestions.map((s) => `• ${paperLink(s.titleDerived ? `Untitled abstract: “${s.title}”` : s.title, s.url)} (${s.year ?? 'n.d.'})`);
  const fields = lines.length > 0 ? linesToFields('Papers you could look at (not sources of an answer)', lines) : [];
  return [{ title: 'No grounded answer', description: splitText(answer.text, LIMITS.embedDescription)[0], color: COLOURS.abstain, fields: fields.slice(0, LIMITS.embedFields) }];
}

/**
 * An answer as Discord messages: the summary with its `[n]` markers, then a Sources list in the
 * same numbering, split over several embeds and messages when Discord's limits require it.
 * The first message replaces the deferred reply; the rest are follow-ups. Buttons go on the last.
 */
export function renderAnswer(answer: Answer, answerId: number | null): OutgoingMessage[] {
  const footer = { text: answer.answeredBy === 'extractive' ? 'extractive · offline' : `written by ${answer.answeredBy}` };
  const title = truncate(escapeUserText(answer.question), LIMITS.embedTitle);
  let embeds: APIEmbed[];
  if (answer.abstained) embeds = abstentionEmbeds(answer);
  else {
    const parts = splitText(escapeUserText(answer.text), LIMITS.embedDescription);
    embeds = parts.map((description, i) => ({ title: i === 0 ? title : undefined, description, color: COLOURS.answer }));
    embeds.push(...fieldsToEmbeds(linesToFields('Sources', answer.citations.map(sourceLine)), COLOURS.answer));
  }
  if (answer.abstained) embeds[0] = { ...embeds[0], title };
  embeds[embeds.length - 1] = { ...embeds[embeds.length - 1], footer };
  const messages = packEmbeds(embeds);
  const last = messages[messages.length - 1] as OutgoingMessage;
  if (answerId !== null) last.components = [answerButtons(answerId)];
  return messages;
}

/** The supporting sentence for each citation (the "Show quotes" button). */
export function renderQuotes(citations: Citation[]): OutgoingMessage[] {
  if (citations.length === 0) return packEmbeds([{ description: 'This answer cites no sources.', color: COLOURS.abstain }]);
  const lines = citations.map((c) => `**[${c.n}]** “${escapeUserText(c.quote)}” — ${paperLink(c.title, c.url)}`);
  const embeds = fieldsToEmbeds(linesToFields('Supporting quotes', lines), COLOURS.answer);
  return packEmbeds(embeds);
}
