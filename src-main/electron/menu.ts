// The application menu as data, so its contents are tested without Electron; main.ts builds it.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Reload and DevTools exist only in development. */
  isDev: boolean;
  onAbout: () => void;
  onOpenDataFolder: () => void;
}

export function buildMenuTemplate({ isDev, onAbout, onOpenDataFolder }: MenuOptions): MenuItemConstructorOptions[] {
  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return [
    {
      label: '&File',
      submenu: [
        { label: 'Open &data folder', click: () => onOpenDataFolder() },
        { type: 'separator' },
        { role: 'quit', label: 'E&xit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...devItems,
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Window', submenu: [{ role: 'minimize' }, { role: 'close' }] },
    { label: '&Help', submenu: [{ label: '&About LEXO', click: () => onAbout() }] },
  ];
}

export interface AboutInfo {
  appVersion: string;
  versions: { electron?: string | undefined; chrome?: string | undefined; node?: string | undefined };
}

/** The About box text: what a support engineer copies into a ticket. */
export function aboutDetail({ appVersion, versions }: AboutInfo): string {
  return [
    `LEXO ${appVersion}`,
    `Electron ${versions.electron ?? 'unknown'}`,
    `Chrome ${versions.chrome ?? 'unknown'}`,
    `Node ${versions.node ?? 'unknown'}`,
  ].join('\n');
}
