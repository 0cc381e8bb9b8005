import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// main.ts runs on import: every test builds a fresh fake Electron and imports it again.
const state = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;

  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(name: string, l: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), l]);
      return this;
    }
    once(name: string, l: Listener) {
      return this.on(name, l);
    }
    emit(name: string, ...args: unknown[]) {
      for (const l of this.listeners.get(name) ?? []) l(...args);
    }
  }

  const fakeWebContents = () =>
    Object.assign(new Emitter(), {
      setWindowOpenHandler: vi.fn(),
      session: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
      },
    });

  const windows: FakeWindow[] = [];
  class FakeWindow extends Emitter {
    webContents = fakeWebContents();
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => true);
    constructor(public options: { webPreferences: { preload: string } }) {
      super();
      windows.push(this);
    }
  }

  function makeElectron(opts: { lock: boolean; isPackaged: boolean }) {
    const calls: string[] = [];
    let ready!: () => void;
    const readyPromise = new Promise<void>((r) => (ready = r));
    const app = Object.assign(new Emitter(), {
      isPackaged: opts.isPackaged,
      requestSingleInstanceLock: vi.fn(() => opts.lock),
      quit: vi.fn(() => calls.push('quit')),
      enableSandbox: vi.fn(() => calls.push('enableSandbox')),
      whenReady: vi.fn(() => readyPromise),
      getPath: vi.fn((name: string) => `/users/me/${name}`),
      getAppPath: vi.fn(() => '/src/lexo'),
      getVersion: vi.fn(() => '0.1.0'),
    });
    return {
      calls,
      ready,
      windows,
      fakeWebContents,
      module: {
        app,
        BrowserWindow: FakeWindow,
        dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
        ipcMain: { handle: vi.fn() },
        Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() },
        protocol: {
          registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
          handle: vi.fn(),
        },
        shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async () => '') },
      },
    };
  }

  return {
    makeElectron,
    electron: undefined as unknown as ReturnType<typeof makeElectron>,
    openLexo: vi.fn(),
  };
});

// The factory runs once; getters hand each fresh import the current test's fakes.
vi.mock('electron', () => ({
  get app() {
    return state.electron.module.app;
  },
  get BrowserWindow() {
    return state.electron.module.BrowserWindow;
  },
  get dialog() {
    return state.electron.module.dialog;
  },
  get ipcMain() {
    return state.electron.module.ipcMain;
  },
  get Menu() {
    return state.electron.module.Menu;
  },
  get protocol() {
    return state.electron.module.protocol;
  },
  get shell() {
    return state.electron.module.shell;
  },
}));
vi.mock('../../src-main/core/lexo', () => ({ openLexo: state.openLexo }));

const fakeLexo = () => ({ api: { dispatch: vi.fn() }, close: vi.fn() });

async function start(opts: { lock?: boolean; isPackaged?: boolean; rendererUrl?: string } = {}) {
  vi.resetModules();
  state.electron = state.makeElectron({ lock: opts.lock ?? true, isPackaged: opts.isPackaged ?? false });
  state.electron.windows.length = 0;
  if (opts.rendererUrl) vi.stubEnv('ELECTRON_RENDERER_URL', opts.rendererUrl);
  await import('../../src-main/electron/main');
  return state.electron;
}

async function startReady(opts: Parameters<typeof start>[0] = {}) {
  const e = await start(opts);
  e.ready();
  await vi.waitFor(() => {
    if (e.windows.length === 0 && !e.module.app.quit.mock.calls.length) throw new Error('not ready yet');
  });
  return e;
}

beforeEach(() => {
  state.openLexo.mockReset();
  state.openLexo.mockImplementation(fakeLexo);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
});

afterEach(() => vi.unstubAllEnvs());

describe('main process entry', () => {
  it('quits at once when another LEXO holds the single-instance lock', async () => {
    const e = await start({ lock: false });
    expect(e.module.app.quit).toHaveBeenCalled();
    expect(e.module.app.whenReady).not.toHaveBeenCalled();
    expect(e.module.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  it('sandboxes every renderer and registers the app scheme before ready', async () => {
    const e = await start();
    expect(e.calls).toEqual(['enableSandbox', 'registerSchemesAsPrivileged']);
    expect(e.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app' }),
    ]);
    expect(state.openLexo).not.toHaveBeenCalled();
  });

  it('on ready opens the core from userData and the source resources, then wires IPC, protocol, menu, window', async () => {
    const e = await startReady();
    expect(state.openLexo).toHaveBeenCalledWith({
      dataDir: '/users/me/userData',
      resourcesDir: join('/src/lexo', 'resources'),
      host: 'electron',
      electronVersions: { electron: process.versions.electron, chrome: process.versions.chrome },
      services: { printPdf: expect.any(Function), saveFile: expect.any(Function) },
    });
    expect(e.module.ipcMain.handle).toHaveBeenCalledWith('lexo:app.info', expect.any(Function));
    expect(e.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(e.module.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(e.windows).toHaveLength(1);
    expect(e.windows[0]!.options.webPreferences.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(e.windows[0]!.loadURL).toHaveBeenCalledWith('app://lexo/index.html');
  });

  it('reads the pack from process.resourcesPath when packaged and ignores ELECTRON_RENDERER_URL', async () => {
    const original = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
    Object.defineProperty(process, 'resourcesPath', { value: '/Program/LEXO/resources', configurable: true });
    try {
      const e = await startReady({ isPackaged: true, rendererUrl: 'http://localhost:5173' });
      expect(state.openLexo).toHaveBeenCalledWith(
        expect.objectContaining({ resourcesDir: join('/Program/LEXO/resources', 'resources') }),
      );
      expect(e.windows[0]!.loadURL).toHaveBeenCalledWith('app://lexo/index.html');
      const template = e.module.Menu.buildFromTemplate.mock.calls[0]![0] as { submenu?: { role?: string }[] }[];
      expect(template.flatMap((m) => m.submenu ?? []).some((i) => i.role === 'toggleDevTools')).toBe(false);
    } finally {
      if (original) Object.defineProperty(process, 'resourcesPath', original);
      else delete (process as { resourcesPath?: string }).resourcesPath;
    }
  });

  it('loads the dev server when unpackaged and ELECTRON_RENDERER_URL is set', async () => {
    const e = await startReady({ rendererUrl: 'http://localhost:5173' });
    expect(e.windows[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('shows the error and quits when the core cannot open, with no window and no IPC', async () => {
    state.openLexo.mockImplementation(() => {
      throw new Error('The database has schema version 9, newer than this LEXO knows (1).');
    });
    const e = await startReady();
    expect(e.module.dialog.showErrorBox).toHaveBeenCalledWith(
      'LEXO cannot start',
      'The database has schema version 9, newer than this LEXO knows (1).',
    );
    expect(e.module.app.quit).toHaveBeenCalled();
    expect(e.windows).toHaveLength(0);
    expect(e.module.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('restores and focuses the window on a second launch', async () => {
    const e = await startReady();
    e.module.app.emit('second-instance');
    expect(e.windows[0]!.restore).toHaveBeenCalled();
    expect(e.windows[0]!.focus).toHaveBeenCalled();
  });

  it('guards every webContents created, and closes the database on will-quit', async () => {
    const e = await startReady();
    const contents = e.fakeWebContents();
    e.module.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.listeners.has('will-navigate')).toBe(true);
    expect(contents.listeners.has('will-attach-webview')).toBe(true);

    const lexo = state.openLexo.mock.results[0]!.value as ReturnType<typeof fakeLexo>;
    e.module.app.emit('will-quit');
    e.module.app.emit('will-quit');
    expect(lexo.close).toHaveBeenCalledTimes(1);
  });

  it('quits when all windows are closed', async () => {
    const e = await startReady();
    e.module.app.emit('window-all-closed');
    expect(e.module.app.quit).toHaveBeenCalled();
  });
});
