import type { EventEmitter } from 'node:events';

/**
 * Resolves when `check` returns a value other than undefined/false, re-checking on every
 * `change` event of `events`; rejects after `timeoutMs` with `describe()` in the message.
 */
export function waitForChange<T>(events: EventEmitter, check: () => T | undefined | false, timeoutMs: number, describe: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const test = () => {
      const value = check();
      if (value === undefined || value === false) return;
      cleanup();
      resolve(value);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for ${describe()}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      events.off('change', test);
    };
    events.on('change', test);
    test();
  });
}
