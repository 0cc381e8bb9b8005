import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: unknown;
  files: string[];
  asarUnpack: string[];
  extraResources: unknown[];
  npmRebuild: boolean;
  win: { target: unknown[]; icon: string; requestedExecutionLevel: string };
  nsis: Record<string, unknown> & { artifactName: string };
  portable: { requestExecutionLevel: string; artifactName: string };
}

const config = require(join(root, 'electron-builder.config.cjs')) as BuilderConfig;

describe('electron-builder config', () => {
  it('names the app', () => {
    expect(config.appId).toBe('com.lexo.desktop');
    expect(config.productName).toBe('LEXO');
    expect(config.directories).toEqual({ buildResources: 'build', output: 'dist' });
  });

  it('packs only the build output and package.json, and rebuilds native modules for Electron', () => {
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.npmRebuild).toBe(true);
  });

  it('unpacks better-sqlite3 from the asar archive', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('ships resources/ beside the app, where main.ts looks for the pack', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'resources', to: 'resources' }));
    expect(existsSync(join(root, 'resources', 'pack'))).toBe(true);
  });

  it('builds a per-user NSIS installer and a portable exe, both x64, without elevation', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.win.icon).toBe('build/icon.ico');
    expect(config.win.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
    });
    expect(config.portable.requestExecutionLevel).toBe('user');
  });

  it('puts the version in distinct artifact names', () => {
    expect(config.nsis.artifactName).toContain('${version}');
    expect(config.portable.artifactName).toContain('${version}');
    expect(config.nsis.artifactName).not.toBe(config.portable.artifactName);
  });

  it("matches electron-builder's own schema", async () => {
    // The validator electron-builder runs before packing, reached through its own dependency.
    const fromBuilder = createRequire(require.resolve('electron-builder'));
    const libDir = dirname(fromBuilder.resolve('app-builder-lib/package.json'));
    const { validateConfiguration } = fromBuilder(join(libDir, 'out/util/config/config.js'));
    const quiet = { isEnabled: false, add: () => undefined };
    await expect(validateConfiguration(structuredClone(config), quiet)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { perMachine: 'no' } }, quiet)).rejects.toThrow();
  });
});

function pngSize(png: Buffer): [number, number] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('build/ icons', () => {
  it('has a 512×512 PNG', () => {
    expect(pngSize(readFileSync(join(root, 'build', 'icon.png')))).toEqual([512, 512]);
  });

  it('has an ICO with 256, 48, 32 and 16 px PNG entries', () => {
    const ico = readFileSync(join(root, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i;
      const size = ico[entry] || 256;
      const png = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      expect(pngSize(png)).toEqual([size, size]);
      return size;
    });
    expect(sizes).toEqual(expect.arrayContaining([256, 48, 32, 16]));
  });
});
