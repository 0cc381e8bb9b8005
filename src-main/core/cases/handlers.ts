import type { ApiInput, ApiName, ApiOutput, CaseFields, Lang } from '../contract';
import type { WritableDb } from '../db/sqlite';
import { diagnoseCase, type StoredEvidence } from '../engine/handlers';
import { caseFileName, caseToFile, parseCaseFile } from './case-json';
import {
  addEvidence,
  addNote,
  createCase,
  deleteCase,
  editNote,
  getCase,
  listCases,
  purgeDeleted,
  removeEvidence,
  removeNote,
  restoreCase,
  setStatus,
  updateCase,
  type StoreContext,
} from './store';

type CaseMethod = Extract<ApiName, `cases.${string}`>;
export type CasesHandlers = { [N in CaseMethod]: (input: ApiInput<N>) => ApiOutput<N> };

/** The conclusion the engine reaches for the case as saved (null while questions remain). */
function concluderFor(db: WritableDb) {
  return (file: CaseFields, evidence: StoredEvidence | undefined, lang: Lang) => {
    // A save never fails because of the engine: an answer an updated pack no longer offers, for example, only
    // means no conclusion until the engineer answers again.
    try {
      const result = diagnoseCase(db, file, lang, evidence);
      return result.status === 'concluded' ? { id: result.conclusion.id, title: result.conclusion.title } : null;
    } catch {
      return null;
    }
  };
}

export function casesHandlers(ctx: { db: WritableDb; now?: () => Date }): CasesHandlers {
  const store: StoreContext = { db: ctx.db, now: ctx.now ?? (() => new Date()), conclude: concluderFor(ctx.db) };
  purgeDeleted(store);
  return {
    'cases.create': (input) => createCase(store, input),
    'cases.get': ({ id }) => getCase(ctx.db, id),
    'cases.list': (input) => listCases(ctx.db, input),
    'cases.update': ({ id, ...changes }) => updateCase(store, id, changes),
    'cases.addEvidence': ({ id, name, text }) => addEvidence(store, id, name, text),
    'cases.removeEvidence': ({ id, evidenceId }) => removeEvidence(store, id, evidenceId),
    'cases.addNote': ({ id, text }) => addNote(store, id, text),
    'cases.editNote': ({ id, noteId, text }) => editNote(store, id, noteId, text),
    'cases.removeNote': ({ id, noteId }) => removeNote(store, id, noteId),
    'cases.setStatus': ({ id, status }) => setStatus(store, id, status),
    'cases.delete': ({ id }) => deleteCase(store, id),
    'cases.restore': ({ id }) => restoreCase(store, id),
    'cases.export': ({ id }) => {
      const record = getCase(ctx.db, id);
      return { fileName: caseFileName(record, 'json'), text: `${JSON.stringify(caseToFile(record), null, 2)}\n` };
    },
    'cases.import': ({ text, name }) => createCase(store, parseCaseFile(text, name), 'imported'),
  };
}
