import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutDetail, buildMenuTemplate } from '../../src-main/electron/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const roles = (items: MenuItemConstructorOptions[]) => flatten(items).flatMap((i) => (i.role ? [i.role] : []));

const build = (isDev: boolean) => {
  const onAbout = vi.fn();
  const onOpenDataFolder = vi.fn();
  return { template: buildMenuTemplate({ isDev, onAbout, onOpenDataFolder }), onAbout, onOpenDataFolder };
};

const submenuOf = (template: MenuItemConstructorOptions[], label: string) => {
  const menu = template.find((m) => m.label?.replace('&', '') === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
};

describe('buildMenuTemplate', () => {
  it('has the usual Windows menus in order', () => {
    expect(build(false).template.map((m) => m.label?.replace('&', ''))).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
  });

  it('has the edit, view, window and quit roles', () => {
    const present = roles(build(false).template);
    for (const role of [
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'togglefullscreen',
      'minimize',
      'close',
    ]) {
      expect(present).toContain(role);
    }
  });

  it('offers reload and DevTools only in development', () => {
    const prod = roles(build(false).template);
    expect(prod).not.toContain('toggleDevTools');
    expect(prod).not.toContain('reload');
    expect(prod).not.toContain('forceReload');
    const dev = roles(build(true).template);
    expect(dev).toContain('toggleDevTools');
    expect(dev).toContain('reload');
  });

  it('opens the data folder from File and ends File with Exit', () => {
    const { template, onOpenDataFolder } = build(false);
    const file = submenuOf(template, 'File');
    const open = file.find((i) => i.label?.replace('&', '') === 'Open data folder');
    open?.click?.({} as never, undefined, {} as never);
    expect(onOpenDataFolder).toHaveBeenCalledTimes(1);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('shows About LEXO from Help', () => {
    const { template, onAbout } = build(false);
    const about = submenuOf(template, 'Help').find((i) => i.label?.replace('&', '') === 'About LEXO');
    about?.click?.({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledTimes(1);
  });
});

describe('aboutDetail', () => {
  it('names the app, Electron, Chrome and Node versions', () => {
    expect(
      aboutDetail({ appVersion: '0.1.0', versions: { electron: '45.4.1', chrome: '142.0', node: '22.20.0' } }),
    ).toBe('LEXO 0.1.0\nElectron 45.4.1\nChrome 142.0\nNode 22.20.0');
  });

  it('says unknown for a missing version', () => {
    expect(aboutDetail({ appVersion: '0.1.0', versions: { node: '20.19.0' } })).toContain('Electron unknown');
  });
});
