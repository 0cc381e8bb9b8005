import { beforeAll, describe, expect, it } from 'vitest';
import { createApi, type LexoApi } from '../../../src-main/core/api';
import { caseFileSchema } from '../../../src-main/core/engine/case-file';
import { loadPackFolder } from '../../../src-main/core/kb/pack';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { memoryDb, PACK_DIR } from '../../helpers/db';

/** A case the shipped tree concludes on step 1 after one answer (golden scenario 1). */
const STEP1 = {
  symptom: 'OWA: Instant Messaging isn’t available right now',
  topology: 'lync2013-onprem',
  exchange: 'exchange-online',
  cloud: 'worldwide',
  features: { 'owa-im-presence': 'broken', 'free-busy': 'broken' },
  facts: { area: 'owa-im' },
} as const;

let db: WritableDb;
let clock: Date;

beforeAll(() => {
  db = memoryDb();
  loadPackFolder(db, PACK_DIR);
});

/** An API over a fresh copy of the case tables (the KB stays loaded) with a clock the test moves. */
function freshApi(): LexoApi {
  db.exec('DELETE FROM case_record; DELETE FROM case_event;');
  clock = new Date('2026-11-01T09:00:00.000Z');
  const now = () => {
    clock = new Date(clock.getTime() + 1000);
    return clock;
  };
  return createApi({ db, host: 'cli', dataDir: '/d', databasePath: ':memory:', now });
}

describe('cases: create, get, update', () => {
  it('creates a case that get returns as saved, titled from the symptom when untitled', async () => {
    const api = freshApi();
    const created = await api.call('cases.create', {
      customer: 'Contoso',
      ticket: 'SR-42',
      file: { symptom: 'No presence in OWA' },
    });
    expect(created).toMatchObject({
      title: 'No presence in OWA',
      customer: 'Contoso',
      ticket: 'SR-42',
      status: 'open',
      lang: 'en',
    });
    expect(created.history.map((e) => e.type)).toEqual(['created']);
    expect(await api.call('cases.get', { id: created.id })).toEqual(created);
  });

  it('saves each change with one trail line per changed field, and nothing for a change that changes nothing', async () => {
    const api = freshApi();
    const c = await api.call('cases.create', { title: 'A', file: { cloud: 'worldwide' } });
    const u = await api.call('cases.update', {
      id: c.id,
      title: 'B',
      ticket: 'SR-1',
      file: { topology: 'sfb-online', cloud: null, answers: { 'p-dns': 'no' }, names: { sipDomain: 'contoso.com' } },
    });
    expect(u.file).toEqual({ topology: 'sfb-online', answers: { 'p-dns': 'no' }, names: { sipDomain: 'contoso.com' } });
    expect(u.history.slice(1).map((e) => `${e.type} ${e.detail}`)).toEqual([
      'renamed B',
      'details-changed ticket=SR-1',
      'environment-changed topology=sfb-online',
      'environment-changed cloud cleared',
      'answered p-dns=no',
      'environment-changed names.sipDomain=contoso.com',
    ]);
    const again = await api.call('cases.update', { id: c.id, title: 'B', file: { topology: 'sfb-online' } });
    expect(again.history).toHaveLength(u.history.length);
    expect(again.updatedAt).toBe(u.updatedAt);
    const cleared = await api.call('cases.update', { id: c.id, file: { answers: {} } });
    expect(cleared.history.at(-1)).toMatchObject({ type: 'answer-cleared', detail: 'p-dns' });
  });

  it('records the conclusion the engine reaches, in the case language, and a trail line when it changes', async () => {
    const api = freshApi();
    const c = await api.call('cases.create', { lang: 'fr', file: STEP1 });
    expect(c.conclusion).toBeNull();
    const done = await api.call('cases.update', { id: c.id, file: { answers: { 'p-dns': 'no' } } });
    expect(done.conclusion).toBe('step-1-dns');
    expect(done.conclusionTitle).toMatch(/DNS/);
    expect(done.history.at(-1)).toMatchObject({ type: 'concluded', detail: 'step-1-dns' });
    const list = await api.call('cases.list', { conclusion: 'step-1-dns' });
    expect(list.cases.map((x) => x.id)).toEqual([c.id]);
  });

  it('saves an answer the tree does not offer (a pack update removed it): no conclusion, nothing refused', async () => {
    const api = freshApi();
    const c = await api.call('cases.create', { file: { ...STEP1, answers: { 'p-dns': 'gone' } } });
    expect(c).toMatchObject({ conclusion: null, file: { answers: { 'p-dns': 'gone' } } });
    const noted = await api.call('cases.addNote', { id: c.id, text: 'still saved' });
    expect(noted.notes).toHaveLength(1);
    await expect(api.call('engine.diagnose', { case: c.file })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('titles an untitled case from the symptom typed later', async () => {
    const api = freshApi();
    const c = await api.call('cases.create', {});
    expect(c.title).toBe('');
    const u = await api.call('cases.update', { id: c.id, file: { symptom: 'No Online Meeting button' } });
    expect(u.title).toBe('No Online Meeting button');
    const renamed = await api.call('cases.update', { id: c.id, title: 'Mine', file: { symptom: 'Other words' } });
    expect(renamed.title).toBe('Mine');
  });

  it('names what is missing: an unknown case, evidence or note', async () => {
    const api = freshApi();
    const c = await api.call('cases.create', {});
    await expect(api.call('cases.get', { id: 'nope' })).rejects.toMatchObject({ code: 'not-found', message: /nope/ });
    await expect(api.call('cases.removeEvidence', { id: c.id, evidenceId: 'e1' })).rejects.toMatchObject({
      code: 'not-found',
      message: /evidence/,
    });
    await expect(api.call('cases.editNote', { id: c.id, noteId: 'n1', text: 'x' })).rejects.toMatchObject({
      code: 'not-found',
      message: /note/,
    });
  });

  it('rejects bad input through dispatch, naming the field, and changes nothing', async () => {
    const api = freshApi();
    const c = await api.call('cases.create', {});
    const bad = await api.dispatch('cases.update', { id: c.id, file: { topology: 'lync2010' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'file.topology' }] } });
    const empty = await api.dispatch('cases.addNote', { id: c.id, text: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-input', message: /empty/ } });
    const name = await api.dispatch('cases.update', { id: c.id, file: { names: { sipDomain: 'a"; rm -rf' } } });
    expect(name).toMatchObject({ ok: false, error: { issues: [{ path: 'file.names.sipDomain' }] } });
    expect((await api.call('cases.get', { id: c.id })).history).toHaveLength(1);
  });
});

describe('cases: evidence, notes, status', () => {
  it('adds and removes evidence and notes with their trail lines', async () => {
    const api = freshApi();
    const c = await api.call('cases.create', {});
    const e = await api.call('cases.addEvidence', {
      id: c.id,
      name: 'provider.txt',
      text: 'Identity : Exchange Online',
    });
    expect(e.evidence).toMatchObject([{ name: 'provider.txt', text: 'Identity : Exchange Online' }]);
    const n = await api.call('cases.addNote', { id: c.id, text: 'Called the customer' });
    const edited = await api.call('cases.editNote', { id: c.id, noteId: n.notes[0]!.id, text: 'Called twice' });
    expect(edited.notes).toMatchObject([{ text: 'Called twice' }]);
    expect(edited.notes[0]!.updatedAt > edited.notes[0]!.createdAt).toBe(true);
    const removed = await api.call('cases.removeEvidence', { id: c.id, evidenceId: e.evidence[0]!.id });
    const gone = await api.call('cases.removeNote', { id: c.id, noteId: n.notes[0]!.id });
    expect(removed.evidence).toEqual([]);
    expect(gone.notes).toEqual([]);
    expect(gone.history.map((h) => h.type)).toEqual([
      'created',
      'evidence-added',
      'note-added',
      'note-edited',
      'evidence-removed',
      'note-removed',
    ]);
  });

  it('keeps evidence within the case limits', async () => {
    const api = freshApi();
    const c = await api.call('cases.create', {});
    const big = 'x'.repeat(4_900_000);
    for (let i = 0; i < 4; i++) await api.call('cases.addEvidence', { id: c.id, name: `p${i}`, text: big });
    await expect(api.call('cases.addEvidence', { id: c.id, name: 'p5', text: big })).rejects.toMatchObject({
      code: 'invalid-input',
      message: /20 MB/,
    });
    expect((await api.call('cases.get', { id: c.id })).evidence).toHaveLength(4);
  });

  it('closes and reopens', async () => {
    const api = freshApi();
    const c = await api.call('cases.create', {});
    const closed = await api.call('cases.setStatus', { id: c.id, status: 'closed' });
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect((await api.call('cases.list', { status: 'open' })).total).toBe(0);
    const open = await api.call('cases.setStatus', { id: c.id, status: 'open' });
    expect(open).toMatchObject({ status: 'open', closedAt: null });
    expect(open.history.map((h) => h.type)).toEqual(['created', 'closed', 'reopened']);
  });

  it('deletes with undo, and purges what was deleted more than 30 days ago', async () => {
    const api = freshApi();
    const keep = await api.call('cases.create', { title: 'keep' });
    const c = await api.call('cases.create', { title: 'gone' });
    const deleted = await api.call('cases.delete', { id: c.id });
    expect(deleted.deletedAt).not.toBeNull();
    expect((await api.call('cases.list', {})).cases.map((x) => x.title)).toEqual(['keep']);
    expect((await api.call('cases.list', { deleted: true })).cases.map((x) => x.title)).toEqual(['gone']);
    await expect(api.call('cases.get', { id: c.id })).rejects.toMatchObject({ code: 'not-found', message: /deleted/ });
    const back = await api.call('cases.restore', { id: c.id });
    expect(back.history.map((h) => h.type)).toEqual(['created', 'deleted', 'restored']);
    await api.call('cases.delete', { id: c.id });
    // A later start, 31 days on, purges it; the live case stays.
    clock = new Date(clock.getTime() + 31 * 86_400_000);
    const later = createApi({ db, host: 'cli', dataDir: '/d', databasePath: ':memory:', now: () => clock });
    expect((await later.call('cases.list', { deleted: true })).total).toBe(0);
    expect((await later.call('cases.get', { id: keep.id })).title).toBe('keep');
    expect(db.prepare('SELECT count(*) AS n FROM case_event WHERE case_id = ?').get(c.id)).toEqual({ n: 0 });
  });
});

describe('cases: list and search', () => {
  it('finds by words anywhere (accents and case folded, Chinese), by customer, ticket, status and dates', async () => {
    const api = freshApi();
    const a = await api.call('cases.create', { title: 'Présence absente', customer: 'Contoso Ltd', ticket: 'SR-100' });
    const b = await api.call('cases.create', { title: '無法顯示狀態', customer: 'Fabrikam', ticket: 'INC-7' });
    await api.call('cases.addNote', { id: b.id, text: 'Le proxy inverse bloque lyncdiscover' });
    const c = await api.call('cases.create', { title: 'Free/busy', customer: 'Contoso Ltd' });
    await api.call('cases.setStatus', { id: c.id, status: 'closed' });
    const ids = async (input: Parameters<LexoApi['call']>[1]) =>
      (await api.call('cases.list', input as never)).cases.map((x) => x.id);
    expect(await ids({ query: 'PRESENCE' })).toEqual([a.id]);
    expect(await ids({ query: '顯示' })).toEqual([b.id]);
    expect(await ids({ query: 'lyncdiscover inverse' })).toEqual([b.id]);
    expect(await ids({ customer: 'contoso' })).toEqual([c.id, a.id]);
    expect(await ids({ customer: 'contoso', status: 'open' })).toEqual([a.id]);
    expect(await ids({ ticket: 'inc' })).toEqual([b.id]);
    expect(await ids({ to: a.updatedAt })).toEqual([a.id]);
    expect(await ids({ from: '2027-01-01' })).toEqual([]);
    expect(await ids({ to: '2026-11-01' })).toHaveLength(3);
    const page = await api.call('cases.list', { limit: 2, offset: 2 });
    expect(page.total).toBe(3);
    expect(page.cases.map((x) => x.id)).toEqual([a.id]);
  });
});

describe('cases: export and import', () => {
  it('exports the case file of DESIGN.md with notes and history; import makes a new, equal case', async () => {
    const api = freshApi();
    const c = await api.call('cases.create', {
      title: 'Export me',
      customer: 'Contoso',
      ticket: 'SR 9/1',
      lang: 'zh-TW',
      file: STEP1,
    });
    await api.call('cases.addEvidence', {
      id: c.id,
      name: 'dns.txt',
      text: 'lyncdiscover.contoso.com CNAME webdir.online.lync.com',
    });
    await api.call('cases.addNote', { id: c.id, text: 'First note' });
    const saved = await api.call('cases.update', { id: c.id, file: { answers: { 'p-dns': 'no' } } });
    const { fileName, text } = await api.call('cases.export', { id: c.id });
    expect(fileName).toBe('lexo-case-SR-9-1.json');
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json).toMatchObject({ ...STEP1, answers: { 'p-dns': 'no' }, evidence: [{ name: 'dns.txt' }] });
    expect(caseFileSchema.safeParse(json).success).toBe(true);
    // The engine reads an exported case as a case file.
    expect(await api.call('engine.diagnose', { case: json as never })).toMatchObject({
      status: 'concluded',
      conclusion: { id: 'step-1-dns' },
    });
    const imported = await api.call('cases.import', { text, name: fileName });
    expect(imported.id).not.toBe(c.id);
    expect(imported).toMatchObject({
      title: 'Export me',
      customer: 'Contoso',
      lang: 'zh-TW',
      conclusion: 'step-1-dns',
      file: saved.file,
      createdAt: saved.createdAt,
      notes: [{ text: 'First note', createdAt: saved.notes[0]!.createdAt }],
      evidence: [{ name: 'dns.txt', addedAt: saved.evidence[0]!.addedAt }],
    });
    expect(imported.history.slice(0, saved.history.length)).toEqual(saved.history);
    expect(imported.history[saved.history.length]).toMatchObject({ type: 'imported' });
  });

  it('imports a bare case file, and names what is wrong in a bad one', async () => {
    const api = freshApi();
    const bare = await api.call('cases.import', { text: '\uFEFF{"symptom":"No free/busy","topology":"sfb-online"}' });
    expect(bare).toMatchObject({ title: 'No free/busy', file: { topology: 'sfb-online' } });
    await expect(api.call('cases.import', { text: '{"symptom": ', name: 'x.json' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: /x\.json is not valid JSON/,
    });
    await expect(
      api.call('cases.import', { text: JSON.stringify({ topology: 'lync2010' }), name: 'y.json' }),
    ).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: 'topology' }] });
    await expect(
      api.call('cases.import', { text: JSON.stringify({ lexo: { format: 'lexo-case', version: 2 } }) }),
    ).rejects.toMatchObject({ issues: [{ path: 'lexo.version' }] });
    expect((await api.call('cases.list', {})).total).toBe(1);
  });
});
