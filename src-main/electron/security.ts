// URL, path and window-option rules of the Electron shell. Pure: no runtime electron import, so every rule is
// tested in plain Node against tables of hostile inputs. URLs are parsed with `new URL` and compared by parts,
// never by substring (`app://lexo.attacker`, `http://localhost:5173.evil.com`).
import type { BrowserWindowConstructorOptions } from 'electron';
import { isDocLink } from '../core/contract';
import { REPORT_STYLE_HASH } from '../core/report/style-hash';
import { resolveStaticFile } from '../node-host/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'lexo';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const CSP_DIRECTIVES: readonly (readonly [string, ...string[]])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  // The report preview's stylesheet (see report/style-hash.ts), and nothing else inline.
  ['style-src', "'self'", REPORT_STYLE_HASH],
  ['img-src', "'self'", 'data:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

const formatCsp = (directives: readonly (readonly string[])[]): string => directives.map((d) => d.join(' ')).join('; ');

export const CONTENT_SECURITY_POLICY = formatCsp(CSP_DIRECTIVES);

/**
 * The policy for a page served by the Vite dev server: its origin for scripts, styles, images and fonts, its
 * websocket for hot reload, and inline styles because Vite injects CSS as `<style>` elements in dev.
 * Without a dev server this is the production policy.
 */
export function contentSecurityPolicy(devOrigin?: string): string {
  if (!devOrigin) return CONTENT_SECURITY_POLICY;
  const ws = devOrigin.replace(/^http/, 'ws');
  const extra: Record<string, string[]> = {
    'script-src': [devOrigin],
    'style-src': ["'unsafe-inline'", devOrigin],
    'img-src': [devOrigin],
    'font-src': [devOrigin],
    'connect-src': [devOrigin, ws],
  };
  return formatCsp(CSP_DIRECTIVES.map(([name, ...values]) => [name, ...values, ...(extra[name] ?? [])]));
}

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  // Chromium reads `\` as `/` in standard schemes; WHATWG does not in `app:`. Refuse rather than guess.
  if (url.includes('\\')) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin of the Vite dev server, only for an unpackaged app and a loopback http(s) URL: a packaged build
 * never trusts an environment variable to choose what it loads.
 */
export function resolveDevOrigin(isPackaged: boolean, rendererUrl: unknown): string | undefined {
  if (isPackaged) return undefined;
  const url = parseUrl(rendererUrl);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  if (url.username || url.password || !LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return url.origin;
}

function isAppOrigin(url: URL): boolean {
  // `app:` is not special to Node's URL parser (its `origin` is "null"), so compare the parts Chromium keys on.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
}

function isDevOrigin(url: URL, devOrigin: string | undefined): boolean {
  const dev = devOrigin ? parseUrl(devOrigin) : null;
  return !!dev && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === dev.origin;
}

/** Whether `url` is a page of the app itself (or of the dev server, in dev). */
export function isAppUrl(url: unknown, devOrigin?: string): boolean {
  const parsed = parseUrl(url);
  return !!parsed && (isAppOrigin(parsed) || isDevOrigin(parsed, devOrigin));
}

/** The IPC sender check: only frames showing the app may call the API. */
export function isTrustedIpcSender(frameUrl: unknown, devOrigin?: string): boolean {
  return isAppUrl(frameUrl, devOrigin);
}

/**
 * The session's request filter. The app is offline by design: only its own origin, DevTools and, in dev, the
 * dev server (and its hot-reload websocket) are reached. `data:` only for images, as the CSP allows.
 */
export function isAllowedRequest(url: unknown, devOrigin?: string, resourceType?: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (isAppOrigin(parsed) || isDevOrigin(parsed, devOrigin)) return true;
  if (parsed.protocol === 'devtools:') return true;
  if (parsed.protocol === 'data:') return resourceType === 'image';
  const dev = devOrigin ? parseUrl(devOrigin) : null;
  if (dev && (parsed.protocol === 'ws:' || parsed.protocol === 'wss:')) {
    return parsed.protocol === dev.protocol.replace('http', 'ws') && parsed.host === dev.host && !parsed.username;
  }
  return false;
}

/** Links handed to the system browser: https Microsoft documentation only (the contract's isDocLink). */
export const isAllowedExternalLink = isDocLink;

/**
 * Permissions the page may have, per permission, app origin only. Copy buttons (fix commands) need
 * `clipboard-sanitized-write`, which Chromium asks for before every `navigator.clipboard.writeText`; the
 * browser still requires a user gesture. Everything else (camera, notifications, geolocation…) is refused.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: unknown, devOrigin?: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, devOrigin);
}

/**
 * Maps `app://lexo/<path>` to a file strictly inside `rendererRoot`, or null. Refuses traversal (plain or
 * percent-encoded), backslashes, absolute, drive and UNC paths, NUL, colons (drive letters, NTFS streams),
 * directories, and symlinks whose target lies outside the root.
 */
export function resolveRendererFile(rendererRoot: string, requestUrl: unknown): string | null {
  const url = parseUrl(requestUrl);
  if (!url || !isAppOrigin(url)) return null;
  return resolveStaticFile(rendererRoot, url.pathname);
}

/** The main window: isolated, sandboxed, no Node, hidden until its first paint. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'LEXO',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}
