// Where an installed Chromium-based browser lives: what prints reports to PDF outside Electron (browser mode,
// the CLI) and what drives the end-to-end tests. Nothing is downloaded: LEXO uses what the machine has.
import { existsSync } from 'node:fs';
import { posix, win32 } from 'node:path';

const LINUX = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/snap/bin/chromium',
];

// Per-user installs of Chrome go to %LOCALAPPDATA%; Edge ships with Windows 10 and 11 under Program Files (x86).
const WINDOWS_APPS = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
  'Chromium\\Application\\chrome.exe',
];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Chromium.app/Contents/MacOS/Chromium',
];

/** The places to look, in order, for one platform. */
export function chromiumCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [
      env.PROGRAMFILES || 'C:\\Program Files',
      env['PROGRAMFILES(X86)'] || 'C:\\Program Files (x86)',
      env.LOCALAPPDATA,
    ].filter((root): root is string => !!root);
    return WINDOWS_APPS.flatMap((app) => roots.map((root) => win32.join(root, app)));
  }
  if (platform === 'darwin') {
    const roots = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return MAC_APPS.flatMap((app) => roots.map((root) => posix.join(root, app)));
  }
  return LINUX;
}

export interface FindChromiumOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  exists?: (path: string) => boolean;
}

/**
 * The browser to use: LEXO_CHROMIUM when set (and only it: a wrong setting is reported, not silently replaced),
 * else the first installed Chrome, Edge or Chromium; null when there is none.
 */
export function findChromium({
  env = process.env,
  platform = process.platform,
  exists = existsSync,
}: FindChromiumOptions = {}): string | null {
  if (env.LEXO_CHROMIUM) return exists(env.LEXO_CHROMIUM) ? env.LEXO_CHROMIUM : null;
  return chromiumCandidates(platform, env).find((path) => exists(path)) ?? null;
}

/** Why no browser was found, and what to do about it. */
export function chromiumMissingReason(env: NodeJS.ProcessEnv = process.env): string {
  return env.LEXO_CHROMIUM
    ? `LEXO_CHROMIUM is set to ${env.LEXO_CHROMIUM}, which does not exist`
    : 'no Chrome, Edge or Chromium is installed where LEXO looks';
}
