import type { APIApplicationCommandOptionChoice, AutocompleteInteraction } from 'discord.js';
import type { HandlerContext } from '../context.js';
import { truncate } from '../render/limits.js';

/** Autocomplete over titles, authors and ids: the value is the paper id. */
export async function paperChoices(interaction: AutocompleteInteraction, ctx: HandlerContext): Promise<APIApplicationCommandOptionChoice[]> {
  const typed = String(interaction.options.getFocused());
  const assistant = await ctx.assistant();
  return assistant.suggestPapers(typed, 25).map((p) => ({
    name: truncate(`${p.titleDerived ? '“' : ''}${p.title}${p.titleDerived ? '”' : ''} (${p.year ?? 'n.d.'})`, 100),
    value: p.id.slice(0, 100),
  }));
}
