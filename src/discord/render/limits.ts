/** Discord's message limits (https://discord.com/developers/docs/resources/message#create-message). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  embedTotal: 6000,
  embedsPerMessage: 10,
  choiceName: 100,
  choices: 25,
} as const;

/** Nothing Footnote sends may ping anyone, whatever the text says. */
export const NO_PINGS = Object.freeze({ parse: [] as [] });

/** Cuts to `max` characters with an ellipsis; for titles and labels, never for cited text. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
