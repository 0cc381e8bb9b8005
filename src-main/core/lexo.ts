import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HostKind } from './contract';
import { createApi, type HostServices, type LexoApi } from './api';
import { migrate } from './db/migrate';
import { openDatabase, type WritableDb } from './db/sqlite';
import { LexoError } from './errors';
import { loadPackFolder } from './kb/pack';
import { DATABASE_FILE } from './paths';

export interface OpenLexoOptions {
  dataDir: string;
  /** Folder holding `pack/` (the shipped content pack). */
  resourcesDir: string;
  host: HostKind;
  electronVersions?: { electron: string; chrome: string };
  /** ':memory:' in tests; default `<dataDir>/lexo.sqlite`. */
  databasePath?: string;
  /** What only the host can do: print to PDF, the save dialog. */
  services?: HostServices;
}

export interface Lexo {
  api: LexoApi;
  db: WritableDb;
  dataDir: string;
  databasePath: string;
  close(): void;
}

/** Opens (creating if needed) the data folder and database, migrates, loads the pack when it changed. */
export function openLexo(opts: OpenLexoOptions): Lexo {
  try {
    mkdirSync(opts.dataDir, { recursive: true });
  } catch (err) {
    throw new LexoError('database-error', `Cannot create the data folder ${opts.dataDir}: ${(err as Error).message}`);
  }
  const databasePath = opts.databasePath ?? join(opts.dataDir, DATABASE_FILE);
  const db = openDatabase({ path: databasePath });
  try {
    migrate(db);
    loadPackFolder(db, join(opts.resourcesDir, 'pack'));
  } catch (err) {
    db.close();
    throw err;
  }
  const api = createApi({
    db,
    host: opts.host,
    dataDir: opts.dataDir,
    databasePath,
    ...(opts.electronVersions ? { electronVersions: opts.electronVersions } : {}),
    ...(opts.services ? { services: opts.services } : {}),
  });
  return { api, db, dataDir: opts.dataDir, databasePath, close: () => db.close() };
}
