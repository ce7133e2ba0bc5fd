import type { Clock, Timer } from './types.js';

// setTimeout overflows above 2^31-1 ms (~24.8 days): longer waits are chained.
const MAX_DELAY = 2_147_483_647;

/** The real clock; timers are unref'd so a pending schedule never keeps a finished process alive. */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimer(at, fn): Timer {
    let handle: NodeJS.Timeout | undefined;
    let cancelled = false;
    const arm = () => {
      const delay = at.getTime() - Date.now();
      if (delay > MAX_DELAY) {
        handle = setTimeout(arm, MAX_DELAY);
      } else {
        handle = setTimeout(() => {
          if (!cancelled) void fn();
        }, Math.max(0, delay));
      }
      handle.unref();
    };
    arm();
    return {
      cancel() {
        cancelled = true;
        if (handle) clearTimeout(handle);
      },
    };
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
