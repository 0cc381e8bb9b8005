import type { ApiOutput, HostKind } from '../contract';
import { sqliteVersion, userVersion, type ReadableDb } from '../db/sqlite';
import { kbStats } from '../kb/stats';
import { APP_VERSION } from '../version';

export interface AppContext {
  db: ReadableDb;
  host: HostKind;
  dataDir: string;
  databasePath: string;
  /** Filled by the Electron host; null elsewhere. */
  electronVersions?: { electron: string; chrome: string };
}

export type AppHandlers = {
  'app.info': () => ApiOutput<'app.info'>;
};

export function appHandlers(ctx: AppContext): AppHandlers {
  return {
    'app.info': () => ({
      name: 'LEXO',
      version: APP_VERSION,
      host: ctx.host,
      versions: {
        node: process.versions.node,
        sqlite: sqliteVersion(ctx.db),
        electron: ctx.electronVersions?.electron ?? null,
        chrome: ctx.electronVersions?.chrome ?? null,
      },
      schemaVersion: userVersion(ctx.db),
      dataDir: ctx.dataDir,
      databasePath: ctx.databasePath,
      kb: kbStats(ctx.db),
    }),
  };
}
