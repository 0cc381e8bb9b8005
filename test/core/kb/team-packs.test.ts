import { beforeEach, describe, expect, it } from 'vitest';
import { all, type WritableDb } from '../../../src-main/core/db/sqlite';
import { loadPack, PackError, readPack } from '../../../src-main/core/kb/pack';
import { search } from '../../../src-main/core/kb/search';
import { exportPack, importTeamPack, packInfos, removeTeamPack } from '../../../src-main/core/kb/team-packs';
import { entryView, listEntries, supportMatrix } from '../../../src-main/core/kb/views';
import { memoryDb, MINI_PACK_DIR } from '../../helpers/db';

const L = (en: string) => ({ en, fr: `${en} (fr)`, 'zh-TW': `${en}（中文）` });
function teamPack(overrides: Record<string, unknown> = {}, symptoms?: unknown[]): string {
  return JSON.stringify({
    format: 'lexo-pack',
    id: 'contoso-desk',
    version: '1.0.0',
    languages: ['en', 'fr', 'zh-TW'],
    entries: {
      symptom: symptoms ?? [
        {
          id: 'symptom-contoso-kiosk-no-presence',
          title: L('Kiosk users see no presence in OWA'),
          summary: L('Kiosk licences have no Lync: expected.'),
          phrases: { en: ['kiosk owa presence'], fr: ['kiosque présence'], 'zh-TW': ['資訊站 目前狀態'] },
          features: ['owa-im-presence'],
          steps: ['step-5-hosting-provider'],
          articles: ['kb-2565604'],
        },
      ],
    },
    ...overrides,
  });
}

let db: WritableDb;
beforeEach(() => {
  db = memoryDb();
  loadPack(db, readPack(MINI_PACK_DIR));
});

describe('team packs', () => {
  it('imports a team pack that refers to built-in entries, and search finds it', () => {
    const info = importTeamPack(db, teamPack(), 'contoso.json', () => new Date('2026-02-03T00:00:00Z'));
    expect(info).toEqual({
      id: 'contoso-desk',
      version: '1.0.0',
      source: 'team',
      languages: ['en', 'fr', 'zh-TW'],
      loadedAt: '2026-02-03T00:00:00.000Z',
      counts: { symptom: 1 },
    });
    expect(search(db, { query: 'kiosk' }).map((r) => r.id)).toContain('symptom-contoso-kiosk-no-presence');
    expect(packInfos(db).map((p) => `${p.id}:${p.source}`)).toEqual(['mini:builtin', 'contoso-desk:team']);
  });

  it('exports a pack that imports again to the same entries', () => {
    importTeamPack(db, teamPack());
    const { fileName, text } = exportPack(db, 'contoso-desk');
    expect(fileName).toBe('contoso-desk-1.0.0.lexo-pack.json');
    removeTeamPack(db, 'contoso-desk');
    const again = importTeamPack(db, text);
    expect(again.counts).toEqual({ symptom: 1 });
    expect(JSON.parse(exportPack(db, 'contoso-desk').text)).toEqual(JSON.parse(text));
  });

  it('replaces an earlier version of the same team pack', () => {
    importTeamPack(db, teamPack());
    importTeamPack(db, teamPack({ version: '1.1.0' }));
    expect(packInfos(db).find((p) => p.id === 'contoso-desk')?.version).toBe('1.1.0');
    expect(all(db, "SELECT id FROM kb_entry WHERE pack_id = 'contoso-desk'")).toHaveLength(1);
  });

  it('survives a reload of the built-in pack', () => {
    importTeamPack(db, teamPack());
    const pack = readPack(MINI_PACK_DIR);
    loadPack(db, { ...pack, hash: 'changed' });
    expect(packInfos(db).map((p) => p.id)).toContain('contoso-desk');
  });

  it('names a built-in update that takes an id a team pack uses, and keeps the loaded knowledge', () => {
    const mine = JSON.parse(teamPack()) as { entries: { symptom: { id: string }[] } };
    importTeamPack(db, teamPack());
    const pack = readPack(MINI_PACK_DIR);
    const taken = {
      ...pack.entries.symptom[0]!,
      entry: { ...pack.entries.symptom[0]!.entry, id: mine.entries.symptom[0]!.id },
    };
    const before = all(db, 'SELECT kind, id, pack_id FROM kb_entry ORDER BY kind, id');
    expect(() =>
      loadPack(db, { ...pack, hash: 'next', entries: { ...pack.entries, symptom: [...pack.entries.symptom, taken] } }),
    ).toThrow(/symptom id is already used by the pack "contoso-desk"/);
    expect(all(db, 'SELECT kind, id, pack_id FROM kb_entry ORDER BY kind, id')).toEqual(before);
  });

  it('replaces a built-in pack of another id (one built-in pack at a time)', () => {
    const pack = readPack(MINI_PACK_DIR);
    loadPack(db, { ...pack, hash: 'renamed', manifest: { ...pack.manifest, id: 'mini-renamed' } });
    expect(packInfos(db).map((p) => p.id)).toEqual(['mini-renamed']);
    expect(all(db, 'SELECT DISTINCT pack_id FROM kb_entry')).toEqual([{ pack_id: 'mini-renamed' }]);
  });

  const reject = (text: string) => {
    try {
      importTeamPack(db, text, 'bad.json');
    } catch (err) {
      expect(err).toBeInstanceOf(PackError);
      return (err as PackError).problems;
    }
    throw new Error('expected a PackError');
  };

  it.each<[string, string, RegExp]>([
    ['not JSON', '{"format":', /not valid JSON/],
    ['a wrong format', teamPack({ format: 'other' }), /must be "lexo-pack"/],
    ['the built-in id', teamPack({ id: 'mini' }), /not a team pack/],
    ['an unknown kind', teamPack({ entries: { gadget: [] } }), /unknown kind/],
    [
      'an unknown reference',
      teamPack({}, [{ ...JSON.parse(teamPack()).entries.symptom[0], steps: ['step-9-x'] }]),
      /unknown step "step-9-x"/,
    ],
    [
      'an id taken by the built-in pack',
      teamPack({}, [{ ...JSON.parse(teamPack()).entries.symptom[0], id: 'symptom-owa-no-presence' }]),
      /already exists in pack "mini"/,
    ],
  ])('rejects %s and leaves the database unchanged', (_label, text, reason) => {
    const before = all(db, 'SELECT kind, id, pack_id, data FROM kb_entry ORDER BY kind, id');
    const problems = reject(text);
    expect(problems.map((p) => p.reason).join('\n')).toMatch(reason);
    expect(all(db, 'SELECT kind, id, pack_id, data FROM kb_entry ORDER BY kind, id')).toEqual(before);
  });

  it('refuses to remove the built-in pack and says a missing pack was not removed', () => {
    expect(() => removeTeamPack(db, 'mini')).toThrow(/built-in pack/);
    expect(removeTeamPack(db, 'nope')).toBe(false);
  });

  it('exports the team pack file format documented in the README', () => {
    importTeamPack(db, teamPack());
    const file = JSON.parse(exportPack(db, 'contoso-desk').text) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['format', 'id', 'version', 'languages', 'entries']);
  });
});

describe('views', () => {
  it('localizes an entry and turns references into links with titles', () => {
    const view = entryView(db, 'step', 'step-5-hosting-provider', 'fr');
    expect(view).toMatchObject({
      kind: 'step',
      id: 'step-5-hosting-provider',
      packId: 'mini',
      lang: 'fr',
      title: "Fournisseur d'hébergement",
    });
    if (view.kind !== 'step') throw new Error('not a step');
    expect(view.cmdlets).toContainEqual({
      kind: 'cmdlet',
      id: 'new-cshostingprovider',
      title: 'New-CsHostingProvider',
    });
    expect(view.articles).toEqual([
      { kind: 'article', id: 'kb-2565604', title: 'Présence absente dans Outlook Web App', kb: '2565604' },
    ]);
    expect(view.variants[0]!.topologies).toEqual([{ kind: 'topology', id: 'lync2013-onprem', title: 'Lync local' }]);
    expect(view.variants[0]!.text).toBe('Créez le fournisseur.');
  });

  it('gives an article its applies-to links, errors and removal record', () => {
    const view = entryView(db, 'article', 'kb-2565604', 'zh-TW');
    if (view.kind !== 'article') throw new Error('not an article');
    expect(view.appliesTo.topologies).toEqual([{ kind: 'topology', id: 'sfb-online', title: '商務用 Skype Online' }]);
    expect(view.errors).toEqual(["Instant Messaging isn't available right now."]);
    expect(view.removed).toMatchObject({ commit: 'abcdef1', date: '2023-04-11' });
    expect(view.symptoms).toBe('OWA 中沒有目前狀態與立即訊息。');
  });

  it('gives a symptom its phrases in the requested language', () => {
    const view = entryView(db, 'symptom', 'symptom-owa-no-presence', 'zh-TW');
    expect(view.kind === 'symptom' && view.phrases).toEqual(['OWA 看不到目前狀態']);
  });

  it('says which entry does not exist', () => {
    expect(() => entryView(db, 'article', 'kb-0000000', 'en')).toThrow('No article "kb-0000000" in the knowledge base');
  });

  it('lists entries in pack order and builds the support matrix', () => {
    expect(listEntries(db, 'topology', 'en').map((t) => t.id)).toEqual(['lync2013-onprem', 'sfb-online']);
    expect(supportMatrix(db, 'en')).toEqual({
      topologies: [
        { kind: 'topology', id: 'lync2013-onprem', title: 'Lync on-premises' },
        { kind: 'topology', id: 'sfb-online', title: 'SfB Online' },
      ],
      features: [
        {
          kind: 'feature',
          id: 'owa-im-presence',
          title: 'IM and presence in OWA',
          support: { 'lync2013-onprem': 'yes', 'sfb-online': 'yes' },
        },
        {
          kind: 'feature',
          id: 'free-busy',
          title: 'Free/Busy',
          support: { 'lync2013-onprem': 'yes', 'sfb-online': 'yes' },
        },
      ],
    });
  });
});
