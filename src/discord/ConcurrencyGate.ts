import { FootnoteError } from '../errors/index.js';

/**
 * Caps how many answers are computed at once; the rest wait their turn (their interactions are
 * already deferred). A queue beyond `maxWaiting` is refused with `busy:capacity`.
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaiting = limit * 64,
    /** Awaited before each task starts: lets time-critical work (acknowledgements) go first. */
    private readonly before: () => Promise<void> = async () => undefined,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      if (this.waiting.length >= this.maxWaiting) throw new FootnoteError('busy:capacity', 'answer queue full', { active: this.active, waiting: this.waiting.length });
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.active++;
    try {
      await this.before();
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
