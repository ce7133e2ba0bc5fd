import type { StateDb } from './openStateDb.js';

export type Vote = 1 | -1;

/** 👍/👎 per answer and user: a user's second click replaces their first. */
export class FeedbackRepo {
  constructor(private readonly db: StateDb, private readonly now: () => Date = () => new Date()) {}

  vote(answerId: number, userId: string, vote: Vote): void {
    this.db
      .prepare(`INSERT INTO feedback (answer_id, user_id, vote, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at`)
      .run(answerId, userId, vote, this.now().toISOString());
  }

  forAnswer(answerId: number): { up: number; down: number } {
    return this.db
      .prepare('SELECT COALESCE(SUM(vote = 1), 0) AS up, COALESCE(SUM(vote = -1), 0) AS down FROM feedback WHERE answer_id = ?')
      .get(answerId) as { up: number; down: number };
  }

  /** Net 👍 per cited paper id, for ranking (highlights raise well-liked papers). */
  scoreByPaper(): Map<string, number> {
    const rows = this.db.prepare('SELECT a.citations_json AS c, SUM(f.vote) AS score FROM feedback f JOIN answers a ON a.id = f.answer_id GROUP BY a.id').all() as Array<{ c: string; score: number }>;
    const scores = new Map<string, number>();
    for (const row of rows) for (const { id } of JSON.parse(row.c) as Array<{ id: string }>) scores.set(id, (scores.get(id) ?? 0) + row.score);
    return scores;
  }
}
