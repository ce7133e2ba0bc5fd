export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long it stays open before one probe is let through. */
  coolDownMs: number;
  now: () => number;
}

export const DEFAULT_CIRCUIT: Omit<CircuitOptions, 'now'> = { failureThreshold: 3, coolDownMs: 30_000 };

/**
 * Stops calling a provider that keeps failing: while open, answers come from the extractive
 * answerer at once instead of waiting out a timeout each time. After the cool-down a single
 * probe decides whether it closes again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private current: CircuitState = 'closed';

  constructor(private readonly options: CircuitOptions) {}

  get state(): CircuitState {
    return this.current;
  }

  /** May a call go ahead now? In half-open, only the one probe may. */
  allow(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open' && this.options.now() - this.openedAt >= this.options.coolDownMs) {
      this.current = 'half-open';
      this.probing = false;
    }
    if (this.current === 'half-open' && !this.probing) {
      this.probing = true;
      return true;
    }
    return false;
  }

  succeed(): void {
    this.failures = 0;
    this.probing = false;
    this.current = 'closed';
  }

  fail(): void {
    this.failures++;
    this.probing = false;
    if (this.current === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.current = 'open';
      this.openedAt = this.options.now();
    }
  }

  /** A call that was let through but ended without a verdict (the user gave up). */
  release(): void {
    this.probing = false;
  }
}
