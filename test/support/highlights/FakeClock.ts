import type { Clock, Timer } from '../../../src/highlights/types.js';

interface Pending {
  at: number;
  fn: () => Promise<void> | void;
  cancelled: boolean;
}

/** A clock that only moves when a test says so; timers fire in order and are awaited. */
export class FakeClock implements Clock {
  private t: number;
  private timers: Pending[] = [];
  /** Every politeness delay asked for, in ms (time jumps forward instead of waiting). */
  readonly sleeps: number[] = [];

  constructor(start: string | Date) {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  setTimer(at: Date, fn: () => Promise<void> | void): Timer {
    const p: Pending = { at: at.getTime(), fn, cancelled: false };
    this.timers.push(p);
    return { cancel: () => void (p.cancelled = true) };
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.t += ms;
  }

  /** When the next live timer is due, if any. */
  nextTimer(): Date | undefined {
    const live = this.timers.filter((p) => !p.cancelled).sort((a, b) => a.at - b.at);
    return live[0] ? new Date(live[0].at) : undefined;
  }

  /** Moves to `target`, firing (and awaiting) each timer due on the way, in order. */
  async advanceTo(target: string | Date): Promise<void> {
    const end = new Date(target).getTime();
    for (;;) {
      this.timers = this.timers.filter((p) => !p.cancelled);
      const next = this.timers.sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      await next.fn();
    }
    this.t = Math.max(this.t, end);
  }
}
