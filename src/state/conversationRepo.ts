import type { Turn } from '../answer/types.js';
import type { StateDb } from './openStateDb.js';

/** The turns of each thread the bot opened: follow-ups fold them into retrieval as `history`. */
export class ConversationRepo {
  constructor(private readonly db: StateDb, private readonly now: () => Date = () => new Date()) {}

  /** True when the bot opened this thread (only those take follow-ups without a mention). */
  has(threadId: string): boolean {
    return this.db.prepare('SELECT 1 FROM conversation_turns WHERE thread_id = ? LIMIT 1').get(threadId) !== undefined;
  }

  /** The last `limit` turns, oldest first. */
  history(threadId: string, limit = 6): Turn[] {
    const rows = this.db
      .prepare('SELECT question, answer FROM conversation_turns WHERE thread_id = ? ORDER BY turn DESC LIMIT ?')
      .all(threadId, limit) as Turn[];
    return rows.reverse();
  }

  append(threadId: string, turn: Turn): void {
    this.db
      .prepare(`INSERT INTO conversation_turns (thread_id, turn, question, answer, created_at)
        VALUES (?, (SELECT COALESCE(MAX(turn), 0) + 1 FROM conversation_turns WHERE thread_id = ?), ?, ?, ?)`)
      .run(threadId, threadId, turn.question, turn.answer, this.now().toISOString());
  }
}
