import { describe, expect, it } from 'vitest';
import { earlierBy, latestSlot, localDate, nextSlot, suggestTimeZones, validateDailyTime } from '../../../src/highlights/schedule.js';

/** Every slot from `from` for `days` days, following nextSlot as the service does. */
function slots(daily: { time: string; timezone: string }, from: string, days: number): Date[] {
  const out: Date[] = [];
  let at = new Date(from);
  for (let i = 0; i < days; i++) {
    at = nextSlot(daily, at);
    out.push(at);
  }
  return out;
}

describe('daily schedule', () => {
  it('GIVEN 02:30 in Berlin WHEN clocks spring forward (02:30 does not exist) THEN that day still gets exactly one run, at 03:00', () => {
    const runs = slots({ time: '02:30', timezone: 'Europe/Berlin' }, '2026-03-27T00:00:00Z', 4);
    expect(runs.map((d) => localDate(d, 'Europe/Berlin'))).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30']);
    expect(runs[2]?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('GIVEN 02:30 in Berlin WHEN clocks fall back (02:30 happens twice) THEN the day runs once, not twice', () => {
    const runs = slots({ time: '02:30', timezone: 'Europe/Berlin' }, '2026-10-23T00:00:00Z', 4);
    expect(runs.map((d) => localDate(d, 'Europe/Berlin'))).toEqual(['2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26']);
    expect(new Set(runs.map((d) => localDate(d, 'Europe/Berlin'))).size).toBe(4);
  });

  it('GIVEN 09:00 New York WHEN DST starts THEN the UTC instant moves by an hour and the local time stays 09:00', () => {
    const [sat, sun] = slots({ time: '09:00', timezone: 'America/New_York' }, '2026-03-07T00:00:00Z', 2);
    expect(sat?.toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(sun?.toISOString()).toBe('2026-03-08T13:00:00.000Z');
  });

  it('GIVEN the exact slot instant WHEN asking for the latest slot THEN it is that slot; a second before, the previous day', () => {
    const daily = { time: '09:00', timezone: 'UTC' };
    expect(latestSlot(daily, new Date('2026-05-02T09:00:00Z'))?.toISOString()).toBe('2026-05-02T09:00:00.000Z');
    expect(latestSlot(daily, new Date('2026-05-02T08:59:59Z'))?.toISOString()).toBe('2026-05-01T09:00:00.000Z');
  });

  it('GIVEN a post at 00:30 WHEN the feed runs an hour earlier THEN it is 23:30 the evening before', () => {
    expect(earlierBy({ time: '00:30', timezone: 'UTC' }, 60)).toEqual({ time: '23:30', timezone: 'UTC' });
    expect(earlierBy({ time: '09:00', timezone: 'UTC' }, 60).time).toBe('08:00');
  });

  it('GIVEN a bad time or zone WHEN validating THEN a clear setting error names it', () => {
    expect(() => validateDailyTime({ time: '25:00', timezone: 'UTC' })).toThrow(/HH:MM/);
    expect(() => validateDailyTime({ time: '09:00', timezone: 'Mars/Olympus' })).toThrow(/Mars\/Olympus/);
    expect(() => validateDailyTime({ time: '09:00', timezone: 'Europe/Berlin' })).not.toThrow();
  });

  it('GIVEN a partial zone name WHEN autocompleting THEN matching IANA zones come first', () => {
    expect(suggestTimeZones('berl')).toContain('Europe/Berlin');
    expect(suggestTimeZones('new y')[0]).toBe('America/New_York');
    expect(suggestTimeZones('').length).toBe(25);
  });
});
