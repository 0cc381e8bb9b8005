import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_DIR_NAME = 'LEXO';

/**
 * The data folder by OS convention. On Windows it is `%APPDATA%\LEXO`, the same folder Electron's
 * `app.getPath('userData')` gives for productName LEXO, so the app, the web host and the CLI share one database.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_DIR_NAME);
}

/** `--data-dir` wins, then LEXO_DATA_DIR, then the OS convention. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.LEXO_DATA_DIR || defaultDataDir(process.platform, env);
}

export const DATABASE_FILE = 'lexo.sqlite';
