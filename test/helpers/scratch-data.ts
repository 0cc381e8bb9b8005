import { onTestFinished } from 'vitest';
import { tempDir } from './db';

/** Never the user's own data folder: a command run without --data-dir gets a folder of its own, removed after. */
export function scratchDataDir(): string {
  const t = tempDir('lexo-cli-data-');
  onTestFinished(t.cleanup);
  return t.dir;
}
