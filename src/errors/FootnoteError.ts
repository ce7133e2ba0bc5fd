/**
 * Stable error codes. Domain code throws a FootnoteError with one of these; each edge
 * (CLI, Discord handlers, scheduled jobs) turns it into `userMessage(code)` and one log line.
 */
export type ErrorCode =
  | 'config:invalid'
  | 'input:empty'
  | 'input:too_long'
  | 'ingest:file_missing'
  | 'ingest:binary'
  | 'ingest:no_valid_records'
  | 'ingest:bad_format'
  | 'index:embedder_mismatch'
  | 'index:corrupt'
  | 'index:empty'
  | 'not_found:paper'
  | 'llm:unavailable'
  | 'llm:timeout'
  | 'embeddings:unavailable'
  | 'embeddings:dimension_mismatch'
  | 'rate_limit:user'
  | 'busy:capacity'
  | 'discord:login'
  | 'permission:manage_guild'
  | 'highlights:invalid_setting'
  | 'highlights:channel_unavailable'
  | 'feed:unavailable'
  | 'eval:bad_questions'
  | 'internal';

export class FootnoteError extends Error {
  override readonly name = 'FootnoteError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra detail for the operator's log; never shown to users. */
    readonly detail?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isFootnoteError(error: unknown): error is FootnoteError {
  return error instanceof FootnoteError;
}
