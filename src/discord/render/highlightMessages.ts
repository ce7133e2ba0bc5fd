import type { APIEmbed } from 'discord.js';
import type { Digest, HighlightEntry, HighlightPost, PickReason, TopicMatches } from '../../highlights/types.js';
import { authorsLabel, paperLink } from './answerMessages.js';
import { escapeUserText } from './escapeUserText.js';
import { LIMITS, truncate } from './limits.js';
import { COLOURS, fieldsToEmbeds, linesToFields, packEmbeds, type OutgoingMessage } from './messages.js';

const REASON: Record<PickReason, string> = {
  new: 'New since the last highlights',
  boosted: 'Picked for this server (👍 feedback or a followed topic)',
  rotation: 'From the library',
};

function entryEmbed(e: HighlightEntry, n: number): APIEmbed {
  const title = e.titleDerived ? `Untitled abstract: “${e.title}”` : e.title;
  const description = [
    `*${authorsLabel(e.authors)} (${e.year ?? 'n.d.'})*`,
    escapeUserText(e.summary),
    `**Key finding:** “${escapeUserText(e.quote)}”`,
  ].join('\n\n');
  return {
    title: truncate(`${n}. ${escapeUserText(title)}`, LIMITS.embedTitle),
    ...(e.url ? { url: e.url } : {}),
    description: truncate(description, LIMITS.embedDescription),
    color: COLOURS.paper,
    footer: { text: `${REASON[e.reason]} · ${e.id}` },
  };
}

/** `• Title — “the matching sentence”` per paper, grouped by topic. */
function topicFields(topics: readonly TopicMatches[]) {
  return topics.flatMap((t) =>
    linesToFields(
      truncate(`Topic: ${escapeUserText(t.topic)}`, LIMITS.fieldName),
      t.papers.map((p) => `• ${paperLink(p.title, p.url)} — “${escapeUserText(truncate(p.sentence, 300))}”`),
    ),
  );
}

/** A guild's daily post: a header, one embed per paper, then its channel's topic matches. */
export function renderHighlights(post: HighlightPost): OutgoingMessage[] {
  const header: APIEmbed = {
    title: `Paper highlights · ${post.date}`,
    description: `${post.entries.length} paper${post.entries.length === 1 ? '' : 's'} to look at today. Reply in the thread to ask about them, or open one with \`/paper\`.`,
    color: COLOURS.answer,
  };
  const topics = post.topics.length > 0 ? fieldsToEmbeds(topicFields(post.topics), COLOURS.answer) : [];
  if (topics[0]) topics[0].title = 'New papers on this channel’s topics';
  return packEmbeds([header, ...post.entries.map((e, i) => entryEmbed(e, i + 1)), ...topics]);
}

/** A subscriber's daily digest: new papers per followed topic, each with the sentence that matched. */
export function renderDigest(digest: Digest): OutgoingMessage[] {
  const embeds = fieldsToEmbeds(topicFields(digest.topics), COLOURS.paper);
  if (embeds[0]) {
    embeds[0].title = `New papers on your topics · ${digest.date}`;
    embeds[0].description = 'Manage them with `/subscriptions` and `/unsubscribe`.';
  }
  return packEmbeds(embeds);
}
