import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes user text safe to echo: markdown is escaped, and `@everyone`, `@here` and `<@…>` mentions
 * are broken with a zero-width space so they neither ping (allowed_mentions already forbids it)
 * nor render as a mention.
 */
export function escapeUserText(text: string): string {
  return escapeMarkdown(text)
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(@[!&]?|#)(\d+)>/g, `<$1${ZERO_WIDTH_SPACE}$2>`);
}
