import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Points inside `replaceDirAtomically` where a test can simulate a crash by throwing. The
 * production code never passes hooks.
 */
export interface AtomicDirHooks {
  /** The new contents are complete and synced in the temporary directory; nothing is swapped yet. */
  afterTempWritten?: () => void;
  /** The previous directory has been renamed away; the new one is not in place yet. */
  afterOldMovedAway?: () => void;
}

const TMP_MARK = '.tmp-';
const OLD_MARK = '.old-';

function siblingName(dir: string, mark: string): string {
  return `${dir}${mark}${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Flushes a file or directory to disk; directories cannot be fsynced on every platform. */
export function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a file and flushes it before returning, so a later rename cannot expose a torn file. */
export function writeFileDurably(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces `dir` by a directory that `fill` writes, so that a crash at any point leaves either the
 * previous or the new contents loadable (see `recoverDir`). `fill` runs synchronously so that the
 * caller's in-memory state cannot change while it is being written.
 */
export function replaceDirAtomically(dir: string, fill: (tempDir: string) => void, hooks: AtomicDirHooks = {}): void {
  mkdirSync(dirname(dir), { recursive: true });
  const temp = siblingName(dir, TMP_MARK);
  mkdirSync(temp);
  try {
    fill(temp);
    fsyncPath(temp);
    hooks.afterTempWritten?.();
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  const old = existsSync(dir) ? siblingName(dir, OLD_MARK) : undefined;
  if (old !== undefined) renameSync(dir, old);
  hooks.afterOldMovedAway?.();
  renameSync(temp, dir);
  fsyncPath(dirname(dir));
  if (old !== undefined) rmSync(old, { recursive: true, force: true });
  removeLeftovers(dir, TMP_MARK);
}

function isAliveElsewhere(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Sibling directories `<dir><mark><pid>-<rand>` not owned by another running process, newest last. */
function leftovers(dir: string, mark: string): string[] {
  const parent = dirname(dir);
  if (!existsSync(parent)) return [];
  const prefix = `${basename(dir)}${mark}`;
  return readdirSync(parent)
    .filter((name) => name.startsWith(prefix))
    .filter((name) => !isAliveElsewhere(Number.parseInt(name.slice(prefix.length), 10)))
    .map((name) => join(parent, name))
    .map((path) => ({ path, mtime: statSync(path).mtimeMs }))
    .sort((a, b) => a.mtime - b.mtime)
    .map(({ path }) => path);
}

function removeLeftovers(dir: string, mark: string): void {
  for (const path of leftovers(dir, mark)) rmSync(path, { recursive: true, force: true });
}

/** True when `dir` is missing but a save that crashed mid-swap left its previous contents beside it. */
export function hasRecoverableDir(dir: string): boolean {
  return !existsSync(dir) && leftovers(dir, OLD_MARK).length > 0;
}

/**
 * Repairs what a crashed `replaceDirAtomically` left behind: puts the previous directory back when
 * the swap stopped half-way, and removes stale temporary and old copies. Directories of a save
 * still running in another process are left alone.
 */
export function recoverDir(dir: string): void {
  const olds = leftovers(dir, OLD_MARK);
  const newest = olds.pop();
  if (!existsSync(dir) && newest !== undefined) renameSync(newest, dir);
  else if (newest !== undefined) olds.push(newest);
  for (const path of olds) rmSync(path, { recursive: true, force: true });
  removeLeftovers(dir, TMP_MARK);
}
