#!/usr/bin/env node
// `node scripts/check-pack.mjs [folder]`: validates a content pack folder (default resources/pack) and lists
// every problem with file, path and reason. Exit 0 when valid, 1 otherwise.
import { runnerImport } from 'vite';

const dir = process.argv[2] ?? 'resources/pack';
const { module } = await runnerImport('./src-main/core/kb/pack.ts', { configFile: false, logLevel: 'error' });
try {
  const pack = module.readPack(dir);
  const counts = Object.entries(pack.entries)
    .map(([kind, list]) => `${kind} ${list.length}`)
    .join(', ');
  console.log(`${dir}: valid (${pack.manifest.id} ${pack.manifest.version}: ${counts})`);
} catch (err) {
  console.error(err.message);
  process.exitCode = 1;
}
