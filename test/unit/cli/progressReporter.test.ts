import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startProgress } from '../../../src/cli/progressReporter.js';

afterEach(() => vi.useRealTimers());

function captured(): { stream: PassThrough & { isTTY?: boolean }; lines: () => string[] } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, lines: () => text.split('\n').filter(Boolean) };
}

describe('ingest progress when stderr is not a terminal', () => {
  it('GIVEN a quarter of a file read in 10 s WHEN progress is reported THEN a line gives records, percent, rate and the time left', () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T12:00:00Z') });
    const { stream, lines } = captured();
    const progress = startProgress(stream, 'papers.jsonl', 4_000_000);
    vi.advanceTimersByTime(10_000);
    progress.update(1_000_000, 2_500);
    expect(lines()).toEqual(['papers.jsonl: 2,500 records (25%), 250/s, ETA 30s']);
    vi.advanceTimersByTime(60_000);
    progress.update(2_000_000, 17_500);
    expect(lines()[1]).toBe('papers.jsonl: 17,500 records (50%), 250/s, ETA 1m10s');
  });

  it('GIVEN updates closer together than five seconds WHEN reported THEN only one line is written', () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T12:00:00Z') });
    const { stream, lines } = captured();
    const progress = startProgress(stream, 'x', 0);
    vi.advanceTimersByTime(6_000);
    progress.update(10, 10);
    vi.advanceTimersByTime(1_000);
    progress.update(20, 20);
    expect(lines()).toEqual(['x: 10 records, 2/s']);
  });
});
