// The main window and the guards around every web page: no navigation away from the app, no new windows,
// no <webview>, no permissions beyond the table in security.ts, no network requests.
import { BrowserWindow, type Session, type WebContents } from 'electron';
import {
  APP_INDEX_URL,
  contentSecurityPolicy,
  isAllowedExternalLink,
  isAllowedRequest,
  isAppUrl,
  isPermissionGranted,
  mainWindowOptions,
} from './security';

export interface GuardOptions {
  /** Origin of the Vite dev server; undefined in a packaged app. */
  devOrigin?: string | undefined;
  /** `shell.openExternal`, injected; only vetted Microsoft documentation links reach it. */
  openExternal: (url: string) => Promise<unknown>;
}

const guarded = new WeakSet<WebContents>();

/**
 * Denies new windows, foreign navigation and webviews on one webContents; allowed doc links go to the browser.
 * Idempotent: main.ts guards every webContents on creation and createMainWindow guards its own, and a link
 * must not open twice.
 */
export function guardWebContents(contents: WebContents, { devOrigin, openExternal }: GuardOptions): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  const openIfAllowed = (url: string): void => {
    if (isAllowedExternalLink(url)) openExternal(url).catch(() => undefined);
  };
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, devOrigin)) return;
    event.preventDefault();
    openIfAllowed(event.url);
  });
  // A server redirect is not a user's click: block it, open nothing.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, devOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [csp] };
}

/** Session-wide rules: permissions from the table, every request outside the app cancelled, the CSP on app pages. */
export function hardenSession(session: Session, devOrigin?: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, devOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, devOrigin),
  );
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devOrigin, details.resourceType) });
  });
  // The protocol handler sets the CSP on app:// responses; the dev server sends none, so it is added here.
  // DevTools pages keep their own policy.
  const csp = contentSecurityPolicy(devOrigin);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, devOrigin)) return callback({});
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}

export interface MainWindowDeps extends GuardOptions {
  preloadPath: string;
}

/** The app's one window, shown at its first paint, loading the built renderer (or the dev server in dev). */
export function createMainWindow({ preloadPath, devOrigin, openExternal }: MainWindowDeps): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  hardenSession(win.webContents.session, devOrigin);
  guardWebContents(win.webContents, { devOrigin, openExternal });
  win.once('ready-to-show', () => win.show());
  const url = devOrigin ? `${devOrigin}/` : APP_INDEX_URL;
  win.loadURL(url).catch((err: unknown) => console.error(`LEXO could not load ${url}:`, err));
  return win;
}
