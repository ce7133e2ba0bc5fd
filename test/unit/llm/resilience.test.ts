import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../src/answer/llm/CircuitBreaker.js';
import { isRetryable, retryDelayMs, withRetries } from '../../../src/embeddings/remote/retry.js';
import { ManualClock } from '../../support/openai-sim/llmHarness.js';

const policy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2000 };
const httpError = (status: number, headers?: Record<string, string>) => Object.assign(new Error(`http ${status}`), { status, headers: headers && new Headers(headers) });

describe('retry policy', () => {
  it('GIVEN provider errors WHEN classified THEN 429, 408, 5xx and network errors are retried and 4xx are not', () => {
    expect([429, 408, 500, 503].map((s) => isRetryable(httpError(s)))).toEqual([true, true, true, true]);
    expect([400, 401, 404].map((s) => isRetryable(httpError(s)))).toEqual([false, false, false]);
    expect(isRetryable(new TypeError('fetch failed'))).toBe(true);
  });

  it('GIVEN attempts WHEN delays are computed THEN they grow, honour Retry-After, and stay under the cap', () => {
    const mid = () => 0.5;
    expect([1, 2, 3].map((n) => retryDelayMs(httpError(500), n, policy, mid))).toEqual([100, 200, 400]);
    expect(retryDelayMs(httpError(429, { 'retry-after': '1' }), 1, policy, mid)).toBe(1000);
    expect(retryDelayMs(httpError(429, { 'retry-after': '120' }), 1, policy, mid)).toBe(2000);
  });

  it('GIVEN a call failing with 503 twice WHEN retried THEN the third attempt succeeds after two waits', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetries(async () => {
      if (++calls < 3) throw httpError(503);
      return 'ok';
    }, policy, new AbortController().signal, async (ms) => void waits.push(ms));
    expect(result).toEqual({ value: 'ok', attempts: 3 });
    expect(waits).toHaveLength(2);
  });
});

describe('CircuitBreaker', () => {
  it('GIVEN three consecutive failures WHEN asked THEN it is open until the cool-down, then lets one probe through', () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 30_000, now: clock.now });
    for (let i = 0; i < 3; i++) {
      expect(breaker.allow()).toBe(true);
      breaker.fail();
    }
    expect(breaker.allow()).toBe(false);
    clock.advance(29_999);
    expect(breaker.allow()).toBe(false);
    clock.advance(1);
    expect(breaker.allow()).toBe(true);
    expect(breaker.state).toBe('half-open');
    expect(breaker.allow()).toBe(false);
  });

  it('GIVEN a failed probe WHEN half-open THEN it opens again for a full cool-down', () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 1000, now: clock.now });
    breaker.fail();
    clock.advance(1000);
    expect(breaker.allow()).toBe(true);
    breaker.fail();
    clock.advance(999);
    expect(breaker.allow()).toBe(false);
  });

  it('GIVEN failures broken by a success WHEN counted THEN the circuit stays closed', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 1000, now: () => 0 });
    breaker.fail();
    breaker.fail();
    breaker.succeed();
    breaker.fail();
    breaker.fail();
    expect(breaker.state).toBe('closed');
  });
});
