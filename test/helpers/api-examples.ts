import type { ApiInput, ApiName } from '../../src-main/core/contract';

/** A valid input for every API method (against the mini pack). Typed: a new method needs an example here. */
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
};
