/** What the bot did with one interaction, as the simulator saw it. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  userId: string;
  channelId: string;
  createdAt: number;
  /** The initial callback (type 4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete). */
  callback?: { type: number; data: any; at: number };
  /** The current body of the original response, after every edit. */
  original?: any;
  edits: any[];
  followups: any[];
  /** When the user first saw a final answer (first edit, or an immediate reply). */
  answeredAt?: number;
  /** The bot deleted its original response (e.g. to show an error to the user alone). */
  deleted?: boolean;
}

/** A message as stored in a channel. */
export interface StoredMessage {
  id: string;
  channel_id: string;
  author: { id: string; bot?: boolean; username: string };
  content: string;
  embeds: any[];
  components: any[];
  message_reference?: { message_id: string };
  flags: number;
  /** The request body the bot sent, for allowed_mentions checks. */
  body?: any;
  thread?: { id: string; name: string };
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  body: unknown;
  at: number;
}
