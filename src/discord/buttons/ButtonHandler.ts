import type { ButtonInteraction } from 'discord.js';
import type { HandlerContext } from '../context.js';

/**
 * A button family, matched by the first `:`-separated part of its custom id. The interaction
 * handler acknowledges first: `update` defers an update of the message, `ephemeral` defers a
 * reply only the clicker sees.
 */
export interface ButtonHandler {
  prefix: string;
  ack: 'update' | 'ephemeral';
  execute(interaction: ButtonInteraction, args: string[], ctx: HandlerContext): Promise<void>;
}
