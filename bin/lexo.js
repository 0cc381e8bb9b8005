#!/usr/bin/env node
// Entry of the `lexo` command: runs the built CLI (npm install builds it).
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('lexo: LEXO is not built yet; run `npm run build` in the LEXO folder.\n');
  process.exit(1);
}
await import(cli.href);
