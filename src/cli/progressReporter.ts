import cliProgress from 'cli-progress';
import { writeLine, type CliIO } from './CliCommand.js';

/** Progress of one long job: a bar with rate and ETA on a terminal, an occasional plain line otherwise. */
export interface ProgressReporter {
  /** `value` counts toward `total` (bytes or records); `records` is what the rate is shown in. */
  update(value: number, records: number): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 5_000;

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** 75 → `1m15s`, 9 → `9s`. */
function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function plainReporter(stream: CliIO['stderr'], label: string, total: number): ProgressReporter {
  const start = Date.now();
  let lastLine = start;
  return {
    update(value, records) {
      const now = Date.now();
      if (now - lastLine < PLAIN_EVERY_MS) return;
      lastLine = now;
      const elapsed = Math.max(0.001, (now - start) / 1000);
      const rate = records / elapsed;
      const percent = total > 0 ? ` (${Math.min(100, Math.round((value / total) * 100))}%)` : '';
      // Progress is measured in bytes of the file, so the ETA holds even when records vary in size.
      const eta = total > 0 && value > 0 && value < total ? `, ETA ${duration(((total - value) * elapsed) / value)}` : '';
      writeLine(stream, `${label}: ${count(records)} records${percent}, ${count(rate)}/s${eta}`);
    },
    stop() {},
  };
}

/** Starts reporting; `total` 0 means unknown. */
export function startProgress(stream: CliIO['stderr'], label: string, total: number): ProgressReporter {
  if (!stream.isTTY) return plainReporter(stream, label, total);
  const start = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {records} records | {rate}/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(1, total), 0, { records: '0', rate: '0' });
  return {
    update(value, records) {
      const rate = records / Math.max(0.001, (Date.now() - start) / 1000);
      bar.update(Math.min(value, Math.max(1, total)), { records: count(records), rate: count(rate) });
    },
    stop() {
      bar.stop();
    },
  };
}
