import type { WritableDb } from '../sqlite';
import updateToSchemaVersion1 from './0001-kb';
import updateToSchemaVersion2 from './0002-kb-search';
import updateToSchemaVersion3 from './0003-cases';

export interface Migration {
  version: number;
  name: string;
  update: (db: WritableDb) => void;
}

/** Every schema change, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-kb', update: updateToSchemaVersion1 },
  { version: 2, name: '0002-kb-search', update: updateToSchemaVersion2 },
  { version: 3, name: '0003-cases', update: updateToSchemaVersion3 },
];
