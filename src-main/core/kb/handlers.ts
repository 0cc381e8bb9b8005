import type { ApiInput, ApiOutput } from '../contract';
import type { WritableDb } from '../db/sqlite';
import { search } from './search';
import { exportPack, importTeamPack, packInfos, removeTeamPack } from './team-packs';
import { entryView, listEntries, supportMatrix } from './views';

export interface KbContext {
  db: WritableDb;
  now?: () => Date;
}

type H<
  N extends
    'kb.search' | 'kb.get' | 'kb.list' | 'kb.matrix' | 'kb.packs' | 'kb.importPack' | 'kb.exportPack' | 'kb.removePack',
> = (input: ApiInput<N>) => ApiOutput<N>;

export interface KbHandlers {
  'kb.search': H<'kb.search'>;
  'kb.get': H<'kb.get'>;
  'kb.list': H<'kb.list'>;
  'kb.matrix': H<'kb.matrix'>;
  'kb.packs': H<'kb.packs'>;
  'kb.importPack': H<'kb.importPack'>;
  'kb.exportPack': H<'kb.exportPack'>;
  'kb.removePack': H<'kb.removePack'>;
}

export function kbHandlers({ db, now }: KbContext): KbHandlers {
  return {
    'kb.search': (input) => ({ results: search(db, input) }),
    'kb.get': ({ kind, id, lang = 'en' }) => entryView(db, kind, id, lang),
    'kb.list': ({ kind, lang = 'en' }) => ({ items: listEntries(db, kind, lang) }),
    'kb.matrix': ({ lang = 'en' }) => supportMatrix(db, lang),
    'kb.packs': () => ({ packs: packInfos(db) }),
    'kb.importPack': ({ text, name }) => importTeamPack(db, text, name, now),
    'kb.exportPack': ({ id }) => exportPack(db, id),
    'kb.removePack': ({ id }) => ({ removed: removeTeamPack(db, id) }),
  };
}
