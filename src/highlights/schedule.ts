import { Cron } from 'croner';
import { FootnoteError } from '../errors/index.js';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A daily wall-clock time in an IANA zone, e.g. 09:00 Europe/Berlin. */
export interface DailyTime {
  time: string;
  timezone: string;
}

export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Throws a user-facing `highlights:invalid_setting` for a bad time or zone. */
export function validateDailyTime({ time, timezone }: DailyTime): void {
  if (!TIME.test(time)) throw new FootnoteError('highlights:invalid_setting', `"${time}" is not a time: use HH:MM (24-hour), e.g. 09:00.`);
  if (!isValidTimeZone(timezone)) {
    throw new FootnoteError('highlights:invalid_setting', `"${timezone}" is not a time zone: use an IANA name like Europe/Berlin or America/New_York.`);
  }
}

// Croner does the zone and DST arithmetic: a fixed-time job runs once when a local time occurs
// twice (autumn) and at the first valid minute after a gap (spring), so no day is skipped or doubled.
function cronFor({ time, timezone }: DailyTime): Cron {
  validateDailyTime({ time, timezone });
  const [, h, m] = TIME.exec(time) as RegExpExecArray;
  return new Cron(`${Number(m)} ${Number(h)} * * *`, { timezone, paused: true });
}

/** The first slot strictly after `after`. */
export function nextSlot(daily: DailyTime, after: Date): Date {
  const job = cronFor(daily);
  const next = job.nextRun(after);
  job.stop();
  if (!next) throw new FootnoteError('internal', 'schedule has no next run', { ...daily });
  return next;
}

/** The latest slot at or before `now` (croner's previousRuns is strict, hence the second of slack). */
export function latestSlot(daily: DailyTime, now: Date): Date | null {
  const job = cronFor(daily);
  const [prev] = job.previousRuns(1, new Date(now.getTime() + 1000));
  job.stop();
  if (!prev) return null;
  return prev.getTime() <= now.getTime() ? prev : (job.previousRuns(1, prev)[0] ?? null);
}

/** `time` minus `minutes`, wrapping past midnight (the feed runs an hour before the post). */
export function earlierBy({ time, timezone }: DailyTime, minutes: number): DailyTime {
  const [, h, m] = TIME.exec(time) ?? [];
  const total = (((Number(h) * 60 + Number(m) - minutes) % 1440) + 1440) % 1440;
  const hh = String(Math.floor(total / 60)).padStart(2, '0');
  const mm = String(total % 60).padStart(2, '0');
  return { time: `${hh}:${mm}`, timezone };
}

/** The calendar date `YYYY-MM-DD` of an instant in a zone: the ledger's key for "today". */
export function localDate(at: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

let zones: string[] | undefined;

/** IANA zones matching what the user typed (autocomplete), at most `limit`. */
export function suggestTimeZones(query: string, limit = 25): string[] {
  zones ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  const q = query.trim().toLowerCase().replace(/\s+/g, '_');
  const starts = zones.filter((z) => z.toLowerCase().startsWith(q) || z.toLowerCase().split('/').some((p) => p.startsWith(q)));
  const contains = zones.filter((z) => !starts.includes(z) && z.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit);
}
