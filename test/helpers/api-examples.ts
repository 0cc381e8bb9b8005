import type { ApiInput, ApiName } from '../../src-main/core/contract';

/** Stand-ins for ids only a running store knows: `withIds` puts the real ones in. */
export const EXAMPLE_IDS = { case: '@case', evidence: '@evidence', note: '@note' } as const;

/**
 * A valid input for every API method (against the mini pack). Typed: a new method needs an example here. The
 * cases.* examples name EXAMPLE_IDS: run them against a case that has one piece of evidence and two notes.
 */
export const VALID_INPUTS: { [N in ApiName]: ApiInput<N> } = {
  'app.info': {},
  'kb.search': { query: 'hosting provider', lang: 'fr', limit: 5 },
  'kb.get': { kind: 'step', id: 'step-5-hosting-provider', lang: 'zh-TW' },
  'kb.list': { kind: 'cmdlet', lang: 'en' },
  'kb.matrix': { lang: 'en' },
  'kb.packs': {},
  'kb.importPack': {
    text: JSON.stringify({ format: 'lexo-pack', id: 'example-team', version: '1.0.0', languages: ['en'], entries: {} }),
    name: 'example.json',
  },
  'kb.exportPack': { id: 'mini' },
  'kb.removePack': { id: 'example-team' },
  'evidence.analyze': {
    items: [{ name: 'provider.txt', text: 'Identity : Exchange Online\nProxyFqdn : exap.um.outlook.com\n' }],
    context: { topology: 'lync2013-onprem', cloud: 'worldwide' },
  },
  'engine.diagnose': { case: { topology: 'lync2013-onprem', features: { 'owa-im-presence': 'broken' } }, lang: 'fr' },
  'cases.create': {
    title: 'Contoso presence',
    customer: 'Contoso',
    ticket: 'SR-1',
    lang: 'fr',
    file: { dirsync: true },
  },
  'cases.get': { id: EXAMPLE_IDS.case },
  'cases.list': { query: 'contoso', status: 'open', limit: 10 },
  'cases.update': { id: EXAMPLE_IDS.case, title: 'Renamed', file: { topology: 'lync2013-onprem', cloud: null } },
  'cases.addEvidence': { id: EXAMPLE_IDS.case, name: 'dns.txt', text: 'Name : _sipfederationtls._tcp.contoso.com' },
  'cases.removeEvidence': { id: EXAMPLE_IDS.case, evidenceId: EXAMPLE_IDS.evidence },
  'cases.addNote': { id: EXAMPLE_IDS.case, text: 'Customer called back.' },
  'cases.editNote': { id: EXAMPLE_IDS.case, noteId: EXAMPLE_IDS.note, text: 'Edited note' },
  'cases.removeNote': { id: EXAMPLE_IDS.case, noteId: EXAMPLE_IDS.note },
  'cases.setStatus': { id: EXAMPLE_IDS.case, status: 'closed' },
  'cases.delete': { id: EXAMPLE_IDS.case },
  'cases.restore': { id: EXAMPLE_IDS.case },
  'cases.export': { id: EXAMPLE_IDS.case },
  'cases.import': { text: JSON.stringify({ symptom: 'No free/busy', topology: 'sfb-online' }), name: 'case.json' },
  'report.render': { caseId: EXAMPLE_IDS.case, format: 'md', lang: 'zh-TW' },
  'report.export': { case: { topology: 'sfb-online' }, format: 'json', redact: true },
};

/** The example with the stand-in ids replaced by real ones. */
export function withIds<T>(input: T, ids: { case: string; evidence: string; note: string }): T {
  const real: Record<string, string> = {
    [EXAMPLE_IDS.case]: ids.case,
    [EXAMPLE_IDS.evidence]: ids.evidence,
    [EXAMPLE_IDS.note]: ids.note,
  };
  return JSON.parse(JSON.stringify(input), (_k, v: unknown) => (typeof v === 'string' && v in real ? real[v] : v)) as T;
}
