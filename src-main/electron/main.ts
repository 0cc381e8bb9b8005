// Electron main process entry (out/main/index.js). It wires the core to the window and holds no product logic:
// open the core, register IPC, the app:// protocol and the menu, then show the one window.
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, Menu, protocol, shell } from 'electron';
import { openLexo, type Lexo } from '../core/lexo';
import { registerIpc } from './ipc';
import { aboutDetail, buildMenuTemplate } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createReportServices } from './report-services';
import { contentSecurityPolicy, isTrustedIpcSender, resolveDevOrigin } from './security';
import { createMainWindow, guardWebContents } from './window';

// Build layout (electron.config.ts): out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs');
const RENDERER_ROOT = join(import.meta.dirname, '../renderer');

const devOrigin = resolveDevOrigin(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
const openExternal = (url: string): Promise<void> => shell.openExternal(url);

let lexo: Lexo | undefined;
let mainWindow: BrowserWindow | null = null;

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: 'About LEXO',
    message: 'LEXO',
    detail: aboutDetail({ appVersion: app.getVersion(), versions: process.versions }),
    buttons: ['OK'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function openDataFolder(): void {
  void shell.openPath(app.getPath('userData'));
}

function openCore(): Lexo {
  return openLexo({
    dataDir: app.getPath('userData'),
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
    host: 'electron',
    electronVersions: { electron: process.versions.electron, chrome: process.versions.chrome },
    // Reports: PDF through this Electron's Chromium, files through the save dialog over the main window.
    services: createReportServices({ parentWindow: () => mainWindow }),
  });
}

function onReady(): void {
  try {
    lexo = openCore();
  } catch (err) {
    // A broken content pack or a database from a newer LEXO: say what is wrong, touch nothing, quit.
    dialog.showErrorBox('LEXO cannot start', err instanceof Error ? err.message : String(err));
    app.quit();
    return;
  }
  registerIpc(ipcMain, lexo.api, (url) => isTrustedIpcSender(url, devOrigin));
  handleAppProtocol(protocol, { rendererRoot: RENDERER_ROOT, csp: contentSecurityPolicy() });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ isDev: !app.isPackaged, onAbout: showAbout, onOpenDataFolder: openDataFolder }),
    ),
  );
  mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, devOrigin, openExternal });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function start(): void {
  // Every renderer sandboxed, whatever a window asks for.
  app.enableSandbox();
  registerAppScheme(protocol);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  // Second line of defence: the same guards on any webContents, including ones this file never creates.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { devOrigin, openExternal }));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    lexo?.close();
    lexo = undefined;
  });
  app
    .whenReady()
    .then(onReady)
    .catch((err: unknown) => {
      dialog.showErrorBox('LEXO cannot start', err instanceof Error ? err.message : String(err));
      app.quit();
    });
}

// One LEXO per user: a second launch focuses the first window instead of opening the database twice.
if (app.requestSingleInstanceLock()) start();
else app.quit();
