/**
 * Discord mention syntax and mass pings. Output never carries them, whatever the question or an
 * ingested abstract asked for; the renderer's `allowedMentions` is the second line of defence.
 */
const MENTIONS = /<@[!&]?\d+>|<#\d+>|<\/[\w -]+:\d+>/g;
const MASS_PINGS = /@(everyone|here)\b/gi;

export function stripMentions(text: string): string {
  return text.replace(MENTIONS, '').replace(MASS_PINGS, '').replace(/[ \t]{2,}/g, ' ');
}

/**
 * Source text as the model sees it: bracketed numbers become parentheses, so the only `[n]` in
 * the prompt are the ones Footnote assigned and an abstract cannot smuggle in a citation.
 */
export function neutraliseSourceText(text: string): string {
  return stripMentions(text).replace(/\[(\s*\d+(?:\s*[,;–-]\s*\d+)*\s*)\]/g, '($1)');
}
