import { type ErrorCode, isFootnoteError } from './FootnoteError.js';

/**
 * What a user is told for each code. `null` means the error's own message is written for
 * users (it names a file or a setting) and may be shown as is.
 */
const USER_MESSAGES: Record<ErrorCode, string | null> = {
  'config:invalid': null,
  'input:empty': 'Ask me a question about the indexed papers, for example: "What is Fast Forward?"',
  'input:too_long': null,
  'ingest:file_missing': null,
  'ingest:binary': null,
  'ingest:no_valid_records': null,
  'ingest:bad_format': null,
  'index:embedder_mismatch': null,
  'index:corrupt': null,
  'index:empty': 'No papers are indexed yet. An admin can add some with `footnote ingest`.',
  'not_found:paper': null,
  'llm:unavailable': 'The language model is unavailable right now; try again in a moment.',
  'llm:timeout': 'The language model took too long to answer; try again in a moment.',
  'embeddings:unavailable': 'The embedding service is unavailable right now; try again in a moment.',
  'embeddings:dimension_mismatch': null,
  'rate_limit:user': null,
  'discord:login': null,
  'busy:capacity': 'I am answering a lot of questions right now; try again in a few seconds.',
  'permission:manage_guild': 'Only members with the Manage Server permission can do that.',
  'highlights:invalid_setting': null,
  'highlights:channel_unavailable': 'I cannot post in the highlights channel (deleted, or I lack permission). Pick another with `/highlights set`.',
  'feed:unavailable': 'The arXiv feed is unavailable right now; highlights use what is already indexed.',
  'eval:bad_questions': null,
  internal: 'Something went wrong on my side. The details are in the log.',
};

/** The message a user sees for any thrown value; unknown errors never leak their text. */
export function userMessage(error: unknown): string {
  if (!isFootnoteError(error)) return USER_MESSAGES.internal as string;
  return USER_MESSAGES[error.code] ?? error.message;
}
