import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as realFs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LexoError } from '../../../src-main/core/errors';
import { type AtomicWriteFs, writeFileAtomic } from '../../../src-main/core/fs/atomic-write';
import { tempDir } from '../../helpers/db';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dir(): string {
  const t = tempDir('lexo-atomic-');
  cleanups.push(t.cleanup);
  return t.dir;
}

const systemError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
// Root ignores file modes, so a chmod-ed folder is writable to it: the real read-only test needs another user.
const isRoot = process.getuid?.() === 0;
const OLD = 'the report saved last week\n';

/** The real file system, with one step replaced. */
function fsWith(overrides: {
  writeFile?: (real: realFs.FileHandle, data: Uint8Array) => Promise<void>;
  sync?: () => Promise<void>;
  open?: (path: string) => Promise<never>;
  rename?: (from: string, to: string) => Promise<void>;
}): AtomicWriteFs {
  return {
    async open(path, flags) {
      if (overrides.open) return overrides.open(path);
      const real = await realFs.open(path, flags);
      return {
        writeFile: (data) => (overrides.writeFile ? overrides.writeFile(real, data) : real.writeFile(data)),
        sync: () => (overrides.sync ? overrides.sync() : real.sync()),
        close: () => real.close(),
      };
    },
    rename: overrides.rename ?? realFs.rename,
    rm: realFs.rm,
  };
}

async function writeError(promise: Promise<void>): Promise<LexoError> {
  const err = await promise.then(
    () => {
      throw new Error('expected the write to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LexoError);
  expect((err as LexoError).code).toBe('write-error');
  return err as LexoError;
}

describe('writeFileAtomic', () => {
  it('creates a file from text (UTF-8, Chinese included) and leaves nothing else in the folder', async () => {
    const d = dir();
    const target = join(d, 'report.md');
    await writeFileAtomic(target, '# 報告 — réseau\n');
    expect(readFileSync(target, 'utf8')).toBe('# 報告 — réseau\n');
    expect(readdirSync(d)).toEqual(['report.md']);
  });

  it('replaces an existing file with bytes, exactly', async () => {
    const d = dir();
    const target = join(d, 'report.pdf');
    writeFileSync(target, OLD);
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x0a]);
    await writeFileAtomic(target, bytes);
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes);
    expect(readdirSync(d)).toEqual(['report.pdf']);
  });

  it.skipIf(isRoot)('refuses a read-only folder in plain words and keeps the previous file', async () => {
    const d = dir();
    const target = join(d, 'report.md');
    writeFileSync(target, OLD);
    chmodSync(d, 0o555);
    try {
      const err = await writeError(writeFileAtomic(target, 'new'));
      expect(err.message).toContain(target);
      expect(err.message).toMatch(/the folder is read-only or you have no permission to write there \(EACCES\)/);
    } finally {
      chmodSync(d, 0o755);
    }
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(d)).toEqual(['report.md']);
  });

  it.each(['EROFS', 'EACCES', 'EPERM'])(
    'says the folder is read-only when creating the file fails with %s',
    async (code) => {
      const d = dir();
      const target = join(d, 'report.md');
      writeFileSync(target, OLD);
      const fs = fsWith({ open: () => Promise.reject(systemError(code)) });
      const err = await writeError(writeFileAtomic(target, 'new', { fs }));
      expect(err.message).toBe(
        `Cannot write ${target}: the folder is read-only or you have no permission to write there (${code}).`,
      );
      expect(readFileSync(target, 'utf8')).toBe(OLD);
    },
  );

  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EDQUOT', 'the disk is full (your disk quota is used up)'],
  ])(
    'on a full disk (%s, half the data written) keeps the previous file and removes the temporary one',
    async (code, cause) => {
      const d = dir();
      const target = join(d, 'report.pdf');
      writeFileSync(target, OLD);
      let tempSeen = '';
      const fs = fsWith({
        // What a full disk does: part of the data reaches the file, then the write fails.
        writeFile: async (real, data) => {
          await real.write(data.subarray(0, data.length / 2));
          tempSeen = readdirSync(d).find((n) => n.endsWith('.tmp')) ?? '';
          throw systemError(code);
        },
      });
      const err = await writeError(writeFileAtomic(target, 'x'.repeat(10_000), { fs }));
      expect(err.message).toBe(`Cannot write ${target}: ${cause} (${code}).`);
      expect(tempSeen).toMatch(/^\.report\.pdf\.\d+\.[0-9a-f]{12}\.tmp$/);
      expect(readFileSync(target, 'utf8')).toBe(OLD);
      expect(readdirSync(d)).toEqual(['report.pdf']);
    },
  );

  it('removes the temporary file when flushing to disk fails', async () => {
    const d = dir();
    const fs = fsWith({ sync: () => Promise.reject(systemError('EIO')) });
    const err = await writeError(writeFileAtomic(join(d, 'a.json'), '{}', { fs }));
    expect(err.message).toMatch(/^Cannot write .*a\.json: EIO: simulated \(EIO\)\.$/);
    expect(readdirSync(d)).toEqual([]);
  });

  it('names a folder that does not exist', async () => {
    const target = join(dir(), 'missing', 'report.md');
    const err = await writeError(writeFileAtomic(target, 'x'));
    expect(err.message).toBe(`Cannot write ${target}: the folder does not exist (ENOENT).`);
  });

  it('names a path that goes through a file', async () => {
    const d = dir();
    writeFileSync(join(d, 'notes.txt'), 'a file');
    const target = join(d, 'notes.txt', 'report.md');
    const err = await writeError(writeFileAtomic(target, 'x'));
    expect(err.message).toBe(`Cannot write ${target}: a part of the path is a file, not a folder (ENOTDIR).`);
  });

  it('refuses to replace a folder, and leaves the folder and its content alone', async () => {
    const d = dir();
    const target = join(d, 'report.md');
    mkdirSync(target);
    writeFileSync(join(target, 'inside.txt'), 'kept');
    const err = await writeError(writeFileAtomic(target, 'x'));
    // Linux says EISDIR; Windows refuses the rename with EPERM.
    expect(err.message).toMatch(
      process.platform === 'win32' ? /^Cannot write .*report\.md: / : /there is a folder with that name \(EISDIR\)\.$/,
    );
    expect(readFileSync(join(target, 'inside.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(d)).toEqual(['report.md']);
  });

  it('names a file name that is too long', async () => {
    const target = join(dir(), `${'r'.repeat(300)}.md`);
    const err = await writeError(writeFileAtomic(target, 'x'));
    expect(err.message).toMatch(/the file name or path is too long \(ENAMETOOLONG\)\.$/);
  });

  it('on Windows retries a rename that an antivirus blocks for a moment', async () => {
    const d = dir();
    const target = join(d, 'report.md');
    writeFileSync(target, OLD);
    const failures = ['EPERM', 'EBUSY'];
    let attempts = 0;
    const fs = fsWith({
      rename: async (from, to) => {
        attempts++;
        const code = failures.shift();
        if (code) throw systemError(code);
        await realFs.rename(from, to);
      },
    });
    await writeFileAtomic(target, 'new', { fs, platform: 'win32', retryDelaysMs: [0, 0, 0] });
    expect(attempts).toBe(3);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(d)).toEqual(['report.md']);
  });

  it('gives up after the last retry on Windows, and does not retry elsewhere, keeping the previous file', async () => {
    for (const [platform, expected] of [
      ['win32', 3],
      ['linux', 1],
    ] as const) {
      const d = dir();
      const target = join(d, 'report.md');
      writeFileSync(target, OLD);
      let attempts = 0;
      const fs = fsWith({
        rename: async () => {
          attempts++;
          throw systemError('EBUSY');
        },
      });
      const err = await writeError(writeFileAtomic(target, 'new', { fs, platform, retryDelaysMs: [0, 0] }));
      expect(err.message).toBe(`Cannot write ${target}: the file is in use by another program (EBUSY).`);
      expect(attempts).toBe(expected);
      expect(readFileSync(target, 'utf8')).toBe(OLD);
      expect(readdirSync(d)).toEqual(['report.md']);
    }
  });
});
