import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The LEXO folder: the nearest parent holding package.json, from the sources or from any chunk of the build. */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

const repoRoot = findRepoRoot(import.meta.dirname);

/** Folder holding `pack/`: LEXO_RESOURCES_DIR, else the repo's `resources/`. */
export function resourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LEXO_RESOURCES_DIR || join(repoRoot, 'resources');
}

/** The built renderer served by the web host. */
export function rendererDir(): string {
  return join(repoRoot, 'out', 'renderer');
}

export function rendererIsBuilt(): boolean {
  return existsSync(join(rendererDir(), 'index.html'));
}
