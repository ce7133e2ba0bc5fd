import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type RepliableInteraction } from 'discord.js';
import { FootnoteError, isFootnoteError, userMessage } from '../../errors/index.js';
import type { ButtonHandler } from '../buttons/index.js';
import type { SlashCommand } from '../commands/index.js';
import type { HandlerContext } from '../context.js';
import { note } from '../render/messages.js';

const AUTOCOMPLETE_BUDGET_MS = 2000;

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) fn();
    done = true;
  };
}

async function runCommand(interaction: ChatInputCommandInteraction, commands: readonly SlashCommand[], ctx: HandlerContext, acked: () => void): Promise<void> {
  const command = commands.find((c) => c.definition.name === interaction.commandName);
  if (!command) throw new FootnoteError('internal', 'unknown command', { command: interaction.commandName });
  if (command.rateLimited) {
    ctx.limiter.enforce(interaction.user.id);
  }
  const ephemeral = typeof command.ephemeral === 'function' ? command.ephemeral(interaction) : command.ephemeral === true;
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  acked();
  await command.execute(interaction, ctx);
}

async function runButton(interaction: ButtonInteraction, buttons: readonly ButtonHandler[], ctx: HandlerContext, acked: () => void): Promise<void> {
  const [prefix, ...args] = interaction.customId.split(':');
  const button = buttons.find((b) => b.prefix === prefix);
  if (!button) throw new FootnoteError('internal', 'unknown button', { customId: interaction.customId });
  if (button.ack === 'update') await interaction.deferUpdate();
  else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  acked();
  await button.execute(interaction, args, ctx);
}

/** Autocomplete must answer within 3 s too: an index still loading yields no choices, not silence. */
async function runAutocomplete(interaction: AutocompleteInteraction, commands: readonly SlashCommand[], ctx: HandlerContext): Promise<void> {
  const command = commands.find((c) => c.definition.name === interaction.commandName);
  const timeout = new Promise<[]>((resolve) => setTimeout(() => resolve([]), AUTOCOMPLETE_BUDGET_MS).unref());
  const choices = command?.autocomplete ? await Promise.race([command.autocomplete(interaction, ctx), timeout]) : [];
  await interaction.respond(choices);
}

/** Shows the user a short message only they see, whatever state the interaction is in. */
async function tellUser(interaction: RepliableInteraction, text: string): Promise<void> {
  const message = note(text);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    return;
  }
  if (interaction.deferred && interaction.ephemeral) {
    await interaction.editReply({ ...message, embeds: [], components: [] });
    return;
  }
  // A public "thinking…" stays visible unless removed; the error goes to the user alone.
  if (interaction.deferred && !interaction.isMessageComponent()) await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
}

/**
 * The interaction edge's single catch point: every slash command, button and autocomplete goes
 * through here, so none is left unanswered and every failure is one log line plus a short
 * ephemeral message.
 */
export function createInteractionHandler(ctx: HandlerContext, commands: readonly SlashCommand[], buttons: readonly ButtonHandler[]) {
  return async (interaction: Interaction): Promise<void> => {
    const started = Date.now();
    const log = ctx.logger.child({ interactionId: interaction.id, guildId: interaction.guildId, userId: interaction.user.id });
    const acked = once(() => ctx.acks.end());
    ctx.acks.begin();
    try {
      if (interaction.isChatInputCommand()) await runCommand(interaction, commands, ctx, acked);
      else if (interaction.isButton()) await runButton(interaction, buttons, ctx, acked);
      else if (interaction.isAutocomplete()) await runAutocomplete(interaction, commands, ctx);
      else return;
      log.debug({ ms: Date.now() - started, kind: interaction.type }, 'interaction handled');
    } catch (error) {
      const expected = isFootnoteError(error) && error.code !== 'internal';
      log[expected ? 'info' : 'error']({ err: error, code: isFootnoteError(error) ? error.code : undefined, detail: isFootnoteError(error) ? error.detail : undefined, ms: Date.now() - started }, 'interaction failed');
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
        return;
      }
      if (interaction.isRepliable()) await tellUser(interaction, userMessage(error)).catch((e: unknown) => log.warn({ err: e }, 'could not tell the user about an error'));
    } finally {
      acked();
    }
  };
}
