import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fake BrowserWindow whose webContents and session record what the window wires up.
const fakes = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;

  class FakeEmitter {
    listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]) {
      for (const l of this.listeners.get(name) ?? []) l(...args);
    }
  }

  class FakeSession {
    permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void;
    permissionCheck?: (wc: unknown, permission: string, origin: string, details: unknown) => boolean;
    beforeRequest?: (details: { url: string; resourceType?: string }, cb: (r: { cancel?: boolean }) => void) => void;
    headersReceived?: (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      cb: (r: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    setPermissionRequestHandler(h: FakeSession['permissionRequest']) {
      this.permissionRequest = h;
    }
    setPermissionCheckHandler(h: FakeSession['permissionCheck']) {
      this.permissionCheck = h;
    }
    webRequest = {
      onBeforeRequest: (h: FakeSession['beforeRequest']) => {
        this.beforeRequest = h;
      },
      onHeadersReceived: (h: FakeSession['headersReceived']) => {
        this.headersReceived = h;
      },
    };
  }

  class FakeWebContents extends FakeEmitter {
    session = new FakeSession();
    windowOpenHandler?: (details: { url: string }) => { action: string };
    setWindowOpenHandler(h: FakeWebContents['windowOpenHandler']) {
      this.windowOpenHandler = h;
    }
  }

  class FakeBrowserWindow extends FakeEmitter {
    static last: FakeBrowserWindow | undefined;
    webContents = new FakeWebContents();
    loadURL = vi.fn(async (_url: string) => undefined);
    show = vi.fn();
    constructor(public options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.last = this;
    }
  }

  return { FakeBrowserWindow, FakeWebContents };
});

vi.mock('electron', () => ({ BrowserWindow: fakes.FakeBrowserWindow }));

const { createMainWindow, guardWebContents } = await import('../../src-main/electron/window');
const { CONTENT_SECURITY_POLICY, contentSecurityPolicy } = await import('../../src-main/electron/security');

type FakeWindow = InstanceType<typeof fakes.FakeBrowserWindow>;

function open(devOrigin?: string) {
  const openExternal = vi.fn(async (_url: string) => undefined);
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', devOrigin, openExternal });
  const win = fakes.FakeBrowserWindow.last as FakeWindow;
  return { win, wc: win.webContents, session: win.webContents.session, openExternal };
}

function navigate(wc: FakeWindow['webContents'], event: 'will-navigate' | 'will-redirect', url: string) {
  const preventDefault = vi.fn();
  wc.emit(event, { url, preventDefault });
  return preventDefault.mock.calls.length > 0;
}

describe('createMainWindow', () => {
  beforeEach(() => {
    fakes.FakeBrowserWindow.last = undefined;
  });

  it('creates the window with the hardened options and shows it at ready-to-show', () => {
    const { win } = open();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ preload: '/app/out/preload/index.cjs', contextIsolation: true, sandbox: true });
    expect(prefs.nodeIntegration).toBe(false);
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('loads app://lexo/index.html, or the dev server when one is given', () => {
    expect(open().win.loadURL).toHaveBeenCalledWith('app://lexo/index.html');
    expect(open('http://localhost:5173').win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('prevents navigation and redirects to another origin', () => {
    const { wc, openExternal } = open();
    for (const url of [
      'https://example.com/',
      'app://lexo.attacker/index.html',
      'file:///C:/Windows/win.ini',
      'javascript:alert(1)',
      'http://localhost:5173/',
    ]) {
      expect(navigate(wc, 'will-navigate', url)).toBe(true);
      expect(navigate(wc, 'will-redirect', url)).toBe(true);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('lets the app navigate within itself', () => {
    const { wc } = open();
    expect(navigate(wc, 'will-navigate', 'app://lexo/index.html')).toBe(false);
    expect(navigate(wc, 'will-redirect', 'app://lexo/index.html')).toBe(false);
  });

  it('allows the dev server origin only in dev', () => {
    expect(navigate(open('http://localhost:5173').wc, 'will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(navigate(open().wc, 'will-navigate', 'http://localhost:5173/')).toBe(true);
  });

  it('denies every window.open and sends only Microsoft doc links to the browser', () => {
    const { wc, openExternal } = open();
    const handler = wc.windowOpenHandler!;
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://lexo/index.html' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(handler({ url: 'https://support.microsoft.com/kb/2565604' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://support.microsoft.com/kb/2565604');
  });

  it('opens a clicked Microsoft doc link in the browser, not in the window', () => {
    const { wc, openExternal } = open();
    expect(navigate(wc, 'will-navigate', 'https://learn.microsoft.com/en-us/exchange/')).toBe(true);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://learn.microsoft.com/en-us/exchange/');
    // A redirect is not a click: blocked, nothing opened.
    expect(navigate(wc, 'will-redirect', 'https://learn.microsoft.com/x')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('prevents <webview> attachment', () => {
    const { wc } = open();
    const preventDefault = vi.fn();
    wc.emit('will-attach-webview', { preventDefault }, {}, { src: 'https://example.com/' });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('denies permission requests and checks', () => {
    const { session } = open();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequest!({}, permission, callback, { requestingUrl: 'app://lexo/index.html' });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(session.permissionCheck!({}, permission, 'app://lexo', {})).toBe(false);
    }
  });

  it('grants clipboard writes to the app page only (copy buttons)', () => {
    const { session } = open();
    const callback = vi.fn();
    session.permissionRequest!({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'app://lexo/index.html' });
    expect(callback).toHaveBeenCalledWith(true);
    const foreign = vi.fn();
    session.permissionRequest!({}, 'clipboard-sanitized-write', foreign, { requestingUrl: 'https://example.com/' });
    expect(foreign).toHaveBeenCalledWith(false);
    expect(session.permissionCheck!({}, 'clipboard-sanitized-write', 'https://example.com', {})).toBe(false);
  });

  it('cancels requests that leave the app and lets app:// through', () => {
    const { session } = open();
    const decide = (url: string, resourceType = 'xhr') => {
      const callback = vi.fn();
      session.beforeRequest!({ url, resourceType }, callback);
      return callback.mock.calls[0]![0] as { cancel?: boolean };
    };
    expect(decide('https://example.com/')).toEqual({ cancel: true });
    expect(decide('http://example.com/', 'mainFrame')).toEqual({ cancel: true });
    expect(decide('wss://example.com/socket', 'webSocket')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd', 'subFrame')).toEqual({ cancel: true });
    expect(decide('app://lexo/index.html', 'mainFrame')).toEqual({ cancel: false });
    expect(decide('app://lexo/assets/index.js', 'script')).toEqual({ cancel: false });
  });

  it('puts the CSP on app responses, replacing any other, and leaves other responses alone', () => {
    const dev = 'http://localhost:5173';
    const { session } = open(dev);
    const callback = vi.fn();
    session.headersReceived!(
      { url: 'http://localhost:5173/', responseHeaders: { 'content-security-policy': ['*'], ETag: ['1'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { ETag: ['1'], 'Content-Security-Policy': [contentSecurityPolicy(dev)] },
    });
    const devtools = vi.fn();
    session.headersReceived!({ url: 'devtools://devtools/bundled/devtools_app.html' }, devtools);
    expect(devtools).toHaveBeenCalledWith({});

    const prod = open().session;
    const prodCallback = vi.fn();
    prod.headersReceived!({ url: 'app://lexo/index.html' }, prodCallback);
    expect(prodCallback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});

describe('guardWebContents', () => {
  it('guards a webContents the app did not create', () => {
    const wc = new fakes.FakeWebContents();
    const openExternal = vi.fn(async () => undefined);
    guardWebContents(wc as never, { openExternal });
    expect(wc.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(navigate(wc as never, 'will-navigate', 'https://example.com/')).toBe(true);
    const preventDefault = vi.fn();
    wc.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });

  it('guards a webContents once, so a doc link opens once', () => {
    const wc = new fakes.FakeWebContents();
    const openExternal = vi.fn(async () => undefined);
    guardWebContents(wc as never, { openExternal });
    guardWebContents(wc as never, { openExternal });
    expect(navigate(wc as never, 'will-navigate', 'https://learn.microsoft.com/en-us/exchange/')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('survives a failing openExternal', async () => {
    const wc = new fakes.FakeWebContents();
    const openExternal = vi.fn(async () => {
      throw new Error('no browser');
    });
    guardWebContents(wc as never, { openExternal });
    expect(wc.windowOpenHandler!({ url: 'https://learn.microsoft.com/' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal).toHaveBeenCalled();
  });
});
