// The state classes on their own, without components.
import { describe, expect, it } from 'vitest';
import { AppInfoStore } from '../../src-renderer/lib/app-info.svelte';
import { I18n, LANG_STORAGE_KEY } from '../../src-renderer/lib/i18n.svelte';
import { entryHref, hrefOf, parseHash, Router, sectionOf } from '../../src-renderer/lib/router.svelte';
import { Theme, THEME_STORAGE_KEY } from '../../src-renderer/lib/theme.svelte';
import { fail, INFO, memoryStorage, ok, stubClient } from './helpers';

describe('I18n', () => {
  it('starts from the saved language, else from navigator.language, and sets <html lang>', () => {
    const root = { lang: '' };
    expect(new I18n({ storage: memoryStorage({ [LANG_STORAGE_KEY]: 'zh-TW' }), language: 'fr-FR', root }).lang).toBe(
      'zh-TW',
    );
    expect(root.lang).toBe('zh-TW');
    expect(new I18n({ storage: memoryStorage({ [LANG_STORAGE_KEY]: 'xx' }), language: 'fr-FR', root }).lang).toBe('fr');
    expect(root.lang).toBe('fr');
  });

  it('switches language, remembers it and updates <html lang>', () => {
    const storage = memoryStorage();
    const root = { lang: '' };
    const i18n = new I18n({ storage, language: 'en-US', root });
    expect(i18n.t('nav.settings')).toBe('Settings');

    i18n.setLang('fr');
    expect(i18n.t('nav.settings')).toBe('Paramètres');
    expect(storage.map.get(LANG_STORAGE_KEY)).toBe('fr');
    expect(root.lang).toBe('fr');
  });

  it('interpolates and formats numbers in the current language', () => {
    const i18n = new I18n({ language: 'fr' });
    expect(i18n.t('kb.total', { count: 12345 })).toBe(`Nombre total d’entrées\u00a0: ${(12345).toLocaleString('fr')}`);
    i18n.setLang('en');
    expect(i18n.t('kb.total', { count: 12345 })).toBe('Entries in total: 12,345');
    expect(i18n.t('search.noMatch.title', { query: 'OWA' })).toBe('No match for “OWA”');
  });

  it('formats lists in the current language', () => {
    const i18n = new I18n({ language: 'en' });
    const expected = new Intl.ListFormat('fr', { type: 'conjunction', style: 'narrow' }).format(['a', 'b', 'c']);
    i18n.setLang('fr');
    expect(i18n.list(['a', 'b', 'c'])).toBe(expected);
  });

  it('formats calendar days without shifting them across time zones', () => {
    const i18n = new I18n({ language: 'en' });
    expect(i18n.day('2023-04-18')).toBe('April 18, 2023');
    i18n.setLang('fr');
    expect(i18n.day('2023-04-18')).toBe('18 avril 2023');
    expect(i18n.day('someday')).toBe('someday');
  });

  it('picks the plural form of the language', () => {
    const i18n = new I18n({ language: 'en' });
    expect(i18n.plural(1, 'search.count.one', 'search.count.other')).toBe('1 result');
    expect(i18n.plural(3, 'search.count.one', 'search.count.other')).toBe('3 results');
    i18n.setLang('fr');
    expect(i18n.plural(0, 'search.count.one', 'search.count.other')).toBe('0 résultat');
    expect(i18n.plural(1200, 'search.count.one', 'search.count.other')).toBe(
      `${(1200).toLocaleString('fr')} résultats`,
    );
  });

  it('formats dates in the current language and shows an unparsable date as given', () => {
    const i18n = new I18n({ language: 'en' });
    const iso = '2025-03-04T10:20:30.000Z';
    const expected = new Intl.DateTimeFormat('zh-TW', { dateStyle: 'medium', timeStyle: 'short' }).format(
      Date.parse(iso),
    );
    i18n.setLang('zh-TW');
    expect(i18n.date(iso)).toBe(expected);
    expect(i18n.date('not a date')).toBe('not a date');
  });
});

describe('Theme', () => {
  function fakeRoot() {
    const attributes = new Map<string, string>();
    return {
      attributes,
      setAttribute: (name: string, value: string) => void attributes.set(name, value),
      removeAttribute: (name: string) => void attributes.delete(name),
    };
  }

  it('follows the system by default and forces light or dark with data-theme, remembered', () => {
    const storage = memoryStorage();
    const root = fakeRoot();
    const theme = new Theme({ storage, root });
    expect(theme.choice).toBe('system');
    expect(root.attributes.has('data-theme')).toBe(false);

    theme.set('dark');
    expect(root.attributes.get('data-theme')).toBe('dark');
    expect(storage.map.get(THEME_STORAGE_KEY)).toBe('dark');

    theme.set('system');
    expect(root.attributes.has('data-theme')).toBe(false);
    expect(storage.map.get(THEME_STORAGE_KEY)).toBe('system');
  });

  it('applies the saved choice at start and ignores a corrupt one', () => {
    const root = fakeRoot();
    expect(new Theme({ storage: memoryStorage({ [THEME_STORAGE_KEY]: 'light' }), root }).choice).toBe('light');
    expect(root.attributes.get('data-theme')).toBe('light');
    expect(new Theme({ storage: memoryStorage({ [THEME_STORAGE_KEY]: 'purple' }) }).choice).toBe('system');
  });

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const theme = new Theme({ storage: broken });
    theme.set('dark');
    expect(theme.choice).toBe('dark');
  });
});

describe('router', () => {
  it.each([
    ['', { name: 'search' }],
    ['#/', { name: 'search' }],
    ['#/search', { name: 'search' }],
    ['#/cases', { name: 'cases' }],
    ['#/case', { name: 'case', id: null }],
    ['#/case/', { name: 'case', id: null }],
    ['#/case/INC-42', { name: 'case', id: 'INC-42' }],
    ['#/case/a%20b', { name: 'case', id: 'a b' }],
    ['#/kb', { name: 'kb' }],
    ['#/settings', { name: 'settings' }],
    ['#main', null],
    ['#/nowhere', null],
    ['#/kb/extra', null],
    ['#/kb/article/kb-2565604', { name: 'entry', kind: 'article', id: 'kb-2565604' }],
    ['#/kb/step/step-5-hosting-provider', { name: 'entry', kind: 'step', id: 'step-5-hosting-provider' }],
    ['#/kb/cmdlet/Get-Cs%20X', { name: 'entry', kind: 'cmdlet', id: 'Get-Cs X' }],
    ['#/kb/nonsense/x', null],
    ['#/kb/article/', null],
    ['#/kb/article/a/b', null],
    ['#/kb/article/%E0%A4%A', null],
    ['#/case/%E0%A4%A', null],
  ])('parses %j', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it('builds hrefs that parse back', () => {
    expect(hrefOf({ name: 'case', id: 'a/b c' })).toBe('#/case/a%2Fb%20c');
    expect(parseHash(hrefOf({ name: 'case', id: 'a/b c' }))).toEqual({ name: 'case', id: 'a/b c' });
    expect(entryHref('article', 'kb-2565604')).toBe('#/kb/article/kb-2565604');
    const odd = { name: 'entry', kind: 'topic', id: 'a/b c' } as const;
    expect(parseHash(hrefOf(odd))).toEqual(odd);
  });

  it('puts entry pages under the knowledge base in the navigation', () => {
    expect(sectionOf({ name: 'entry', kind: 'step', id: 'x' })).toBe('kb');
    expect(sectionOf({ name: 'cases' })).toBe('cases');
  });

  it('open() changes the address bar and the screen together, and ignores what is not a route', () => {
    const hashes: string[] = [];
    const router = new Router('', (h) => hashes.push(h));
    router.open('#/kb/article/kb-2565604');
    expect(router.route).toEqual({ name: 'entry', kind: 'article', id: 'kb-2565604' });
    expect(hashes).toEqual(['#/kb/article/kb-2565604']);
    router.open('#nowhere');
    expect(hashes).toHaveLength(1);
  });

  it('follows hash changes and keeps the screen on an in-page anchor', () => {
    const router = new Router('#/bogus');
    expect(router.route).toEqual({ name: 'search' });
    router.sync('#/kb');
    expect(router.route).toEqual({ name: 'kb' });
    router.sync('#main');
    expect(router.route).toEqual({ name: 'kb' });
  });
});

describe('AppInfoStore', () => {
  it('is loading, then holds the value', async () => {
    const { client, callCatch } = stubClient(ok());
    const info = new AppInfoStore(client);
    const done = info.load();
    expect(info.loading).toBe(true);
    await done;
    expect(info.loading).toBe(false);
    expect(info.value).toEqual(INFO);
    expect(info.error).toBeNull();
    expect(callCatch).toHaveBeenCalledWith('app.info', {});
  });

  it('holds the error of a failed call', async () => {
    const { client } = stubClient(fail({ code: 'database-error', message: 'disk I/O error' }));
    const info = new AppInfoStore(client);
    await info.load();
    expect(info.value).toBeNull();
    expect(info.error).toEqual({ code: 'database-error', message: 'disk I/O error' });
  });

  it('ignores the answer of an older request', async () => {
    let releaseFirst: (r: ReturnType<typeof ok>) => void = () => {};
    const first = new Promise<ReturnType<typeof ok>>((resolve) => (releaseFirst = resolve));
    const newer = { ...INFO, version: '9.9.9' };
    const { client } = stubClient(first, ok(newer));
    const info = new AppInfoStore(client);

    const a = info.load();
    const b = info.load();
    await b;
    releaseFirst(ok());
    await a;
    expect(info.value?.version).toBe('9.9.9');
  });
});
