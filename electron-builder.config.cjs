// electron-builder: a per-user Windows installer (no admin rights) and a portable exe.
// `npm run dist` builds out/ first; production node_modules are added by electron-builder itself.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'com.lexo.desktop',
  productName: 'LEXO',
  copyright: 'Copyright © LEXO team',
  directories: { buildResources: 'build', output: 'dist' },
  files: ['out/**', 'package.json'],
  asar: true,
  // A native module cannot be loaded from inside the asar archive.
  asarUnpack: ['**/node_modules/better-sqlite3/**', '**/*.node'],
  // The content pack ships beside the app: process.resourcesPath/resources/pack.
  extraResources: [{ from: 'resources', to: 'resources', filter: ['**/*'] }],
  // Rebuild better-sqlite3 against Electron's ABI.
  npmRebuild: true,
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    icon: 'build/icon.ico',
    requestedExecutionLevel: 'asInvoker',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'LEXO',
    artifactName: '${productName}-Setup-${version}-${arch}.${ext}',
  },
  portable: {
    requestExecutionLevel: 'user',
    artifactName: '${productName}-Portable-${version}-${arch}.${ext}',
  },
};
