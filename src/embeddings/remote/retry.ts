/** Retries for calls to remote model providers (embeddings and chat): one policy, known behaviour. */
/** Bounded and known: the clients' own retries are switched off. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 400, maxDelayMs: 4000 };

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A timer that an abort cuts short (rejecting with the signal's reason). */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The HTTP status of a provider error, whichever client threw it (openai, anthropic, ollama). */
export function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; status_code?: unknown; response?: { status?: unknown } } | null;
  const status = e?.status ?? e?.status_code ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** 429, 408 and 5xx are worth another try; so are network failures (no status at all). */
export function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  if (status === undefined) return !(error instanceof Error && error.name === 'AbortError');
  return status === 429 || status === 408 || status >= 500;
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { headers?: unknown } | null)?.headers;
  const raw =
    headers instanceof Headers
      ? headers.get('retry-after')
      : (headers as Record<string, string | undefined> | undefined)?.['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Exponential backoff with jitter; a server's Retry-After wins when it says more, within the cap. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy, random = Math.random): number {
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1) * (0.75 + random() * 0.5);
  return Math.min(policy.maxDelayMs, Math.max(backoff, retryAfterMs(error) ?? 0));
}

/**
 * Runs `attempt` until it succeeds, fails with something not worth retrying, runs out of
 * attempts, or `signal` aborts (during a call or a backoff).
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  signal: AbortSignal,
  wait: Sleep = sleep,
): Promise<{ value: T; attempts: number }> {
  for (let n = 1; ; n++) {
    try {
      return { value: await attempt(n), attempts: n };
    } catch (error) {
      if (signal.aborted || n >= policy.maxAttempts || !isRetryable(error)) throw Object.assign(asError(error), { attempts: n });
      await wait(retryDelayMs(error, n, policy), signal);
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
