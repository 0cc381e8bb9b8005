// Writes a file so that readers see either the old content or the whole new one, never half a file: a temporary
// file next to the target, written and flushed to disk, then renamed over it. Any failure removes the temporary
// file, leaves the previous file as it was, and becomes a LexoError that says in plain words what went wrong.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LexoError } from '../errors';

/** The part of `node:fs/promises` used here: tests inject a failing one (a full disk cannot be made on demand). */
export interface AtomicWriteFs {
  open(
    path: string,
    flags: 'wx',
  ): Promise<{ writeFile(data: Uint8Array): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export interface AtomicWriteOptions {
  fs?: AtomicWriteFs;
  /** Default: the running platform; the rename retries apply to Windows only. */
  platform?: NodeJS.Platform;
  /** Waits before each retry of the rename on Windows. */
  retryDelaysMs?: readonly number[];
}

const nodeFs: AtomicWriteFs = { open, rename, rm };

// On Windows an antivirus or the search indexer briefly holds a file it has just seen: the rename fails with
// EPERM, EBUSY or EACCES and works a moment later.
const WINDOWS_RETRY_DELAYS_MS = [50, 100, 200, 400, 800];
const WINDOWS_TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES']);

const CAUSES: Readonly<Record<string, string>> = {
  EROFS: 'the folder is read-only or you have no permission to write there',
  EACCES: 'the folder is read-only or you have no permission to write there',
  EPERM: 'the folder is read-only or you have no permission to write there',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk is full (your disk quota is used up)',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENAMETOOLONG: 'the file name or path is too long',
  EISDIR: 'there is a folder with that name',
  EBUSY: 'the file is in use by another program',
};

function errorCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The error the user sees: the path, the cause in plain words, and the system's code for a support engineer. */
export function writeError(path: string, err: unknown): LexoError {
  const code = errorCode(err);
  const cause = (code && CAUSES[code]) ?? (err instanceof Error ? err.message : String(err));
  return new LexoError('write-error', `Cannot write ${path}: ${cause}${code ? ` (${code})` : ''}.`);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function renameWithRetries(fs: AtomicWriteFs, from: string, to: string, delays: readonly number[]) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fs.rename(from, to);
    } catch (err) {
      const delay = delays[attempt];
      if (delay === undefined || !WINDOWS_TRANSIENT.has(errorCode(err) ?? '')) throw err;
      await sleep(delay);
    }
  }
}

/** Replaces (or creates) `path` with `data` in one step; throws a 'write-error' LexoError on failure. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const platform = options.platform ?? process.platform;
  const delays = platform === 'win32' ? (options.retryDelaysMs ?? WINDOWS_RETRY_DELAYS_MS) : [];
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // Same folder, so the rename stays on one file system (a rename across devices is a copy, not atomic).
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await fs.open(temp, 'wx');
    created = true;
    try {
      await handle.writeFile(bytes);
      // On disk before the rename: after a power cut the target is the old file or the new one, not an empty one.
      await handle.sync();
    } catch (err) {
      // The write's error is the one to report, not a second one from closing.
      await handle.close().catch(() => undefined);
      throw err;
    }
    await handle.close();
    await renameWithRetries(fs, temp, path, delays);
  } catch (err) {
    if (created) await fs.rm(temp, { force: true }).catch(() => undefined);
    throw writeError(path, err);
  }
}
