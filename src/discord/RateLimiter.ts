import { FootnoteError } from '../errors/index.js';

/**
 * A sliding one-minute window per user. In memory: a restart forgets it, which is fine for a
 * politeness limit (the LLM provider enforces its own).
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  /** Records a hit and returns 0, or, when over the limit, the seconds until the next free slot. */
  take(userId: string): number {
    const now = this.now();
    const recent = (this.hits.get(userId) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(userId, recent);
      return Math.max(1, Math.ceil((60_000 - (now - (recent[0] as number))) / 1000));
    }
    recent.push(now);
    this.hits.set(userId, recent);
    return 0;
  }

  /** Like `take`, but throws `rate_limit:user` with a friendly message when over the limit. */
  enforce(userId: string): void {
    const wait = this.take(userId);
    if (wait > 0) throw new FootnoteError('rate_limit:user', `You are asking quickly: ${this.perMinute} questions a minute at most. Try again in ${wait} s.`, { userId });
  }
}
