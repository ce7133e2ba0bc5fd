/**
 * Counts interactions not yet acknowledged. Answers are CPU work on the same event loop as the
 * acknowledgements; during a burst, waiting for `idle()` before starting an answer sends every
 * pending "thinking…" first, which keeps all of them inside Discord's 3 s.
 */
export class AckTracker {
  private pending = 0;
  private waiters: Array<() => void> = [];

  begin(): void {
    this.pending++;
  }

  end(): void {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }
  }

  /** Resolves when no acknowledgement is in flight (after a turn of the loop, so new ones can register). */
  async idle(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.pending > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}
