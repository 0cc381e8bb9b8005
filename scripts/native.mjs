#!/usr/bin/env node
// better-sqlite3 is a native module: Node (tests, web host, CLI) and Electron (the app) need builds for
// different ABIs. `node scripts/native.mjs node` makes sure the Node build is in place (rebuilding only when
// the current binary does not load); `node scripts/native.mjs electron` rebuilds it for Electron.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'node_modules', '.lexo-native-abi');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    encoding: 'utf8',
  });
  return { ok: probe.status === 0, why: (probe.stderr || '').split('\n').find((l) => l.includes('Error')) ?? '' };
}

function run(cmd, args) {
  console.log(`> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`native: '${cmd} ${args.join(' ')}' failed (exit ${r.status})`);
    process.exit(1);
  }
}

function record(abi) {
  mkdirSync(dirname(marker), { recursive: true });
  writeFileSync(marker, `${abi}\n`);
}

const target = process.argv[2];
if (target === 'node') {
  const first = loadsInNode();
  if (first.ok) {
    record(`node-${process.versions.modules}`);
    process.exit(0);
  }
  console.log(
    `native: better-sqlite3 does not load in Node ${process.version} (${first.why.trim()}); rebuilding it for Node`,
  );
  run(npm, ['rebuild', 'better-sqlite3']);
  const second = loadsInNode();
  if (!second.ok) {
    console.error(`native: better-sqlite3 still does not load in Node: ${second.why}`);
    process.exit(1);
  }
  record(`node-${process.versions.modules}`);
} else if (target === 'electron') {
  let previous = '';
  try {
    previous = readFileSync(marker, 'utf8').trim();
  } catch {
    // no marker yet
  }
  const electronVersion = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  // A binary that loads in Node is not the Electron build, whatever the marker says.
  if (previous === `electron-${electronVersion}` && !loadsInNode().ok) process.exit(0);
  // electron-builder's install-app-deps downloads Electron's headers (or a prebuilt binary) for its ABI.
  run(npx, ['electron-builder', 'install-app-deps']);
  record(`electron-${electronVersion}`);
} else {
  console.error('usage: node scripts/native.mjs node|electron');
  process.exit(2);
}
