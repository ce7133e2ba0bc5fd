import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from './hnswManifest.js';

function stampOf(dir: string): string | undefined {
  try {
    const stat = fs.statSync(path.join(dir, MANIFEST_FILE));
    // An atomic save swaps in a new directory, so the manifest's inode changes even within one mtime tick.
    return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    return undefined;
  }
}

/**
 * Notices when another process saved the vector index: `footnote ingest` run beside the live bot.
 * Checks the manifest at most every `everyMs`, so a query pays for a `stat` only now and then.
 */
export class SavedIndexWatch {
  private stamp: string | undefined;
  private lastCheck = Number.NEGATIVE_INFINITY;

  constructor(private readonly dir: string, private readonly now: () => Date, private readonly everyMs = 2_000) {
    this.stamp = stampOf(dir);
  }

  /** Records the index as this process last saved or loaded it. */
  mark(): void {
    this.stamp = stampOf(this.dir);
  }

  /** True when the saved index is not the one marked; `force` skips the rate limit. */
  changed(force = false): boolean {
    const now = this.now().getTime();
    if (!force && now - this.lastCheck < this.everyMs) return false;
    this.lastCheck = now;
    const stamp = stampOf(this.dir);
    return stamp !== undefined && stamp !== this.stamp;
  }
}
