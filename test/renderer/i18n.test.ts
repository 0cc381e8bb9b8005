// Every language has exactly the keys of English, none empty, with the same placeholders;
// every key the sources use exists.
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src-main/core/contract';
import { en } from '../../src-renderer/lib/i18n/en';
import { detectLang, interpolate, MESSAGES } from '../../src-renderer/lib/i18n.svelte';

// Every renderer source, as text (Vite's glob import: no Node APIs needed).
const SOURCES = import.meta.glob<string>(['../../src-renderer/**/*.svelte', '../../src-renderer/**/*.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe('message catalogues', () => {
  const reference = Object.keys(en);

  it.each(LANGS.map((lang) => [lang]))('%s has every key of en, no extra and no empty one', (lang) => {
    const messages: Record<string, unknown> = MESSAGES[lang];
    const keys = Object.keys(messages);
    const missing = reference.filter((key) => !(key in messages));
    const extra = keys.filter((key) => !(key in en));
    const empty = keys.filter((key) => typeof messages[key] !== 'string' || String(messages[key]).trim() === '');
    expect({ lang, missing, extra, empty }).toEqual({ lang, missing: [], extra: [], empty: [] });
  });

  it.each(LANGS.map((lang) => [lang]))('%s uses the same {placeholders} as en', (lang) => {
    const messages: Record<string, string> = MESSAGES[lang];
    const mismatched = reference.filter(
      (key) => placeholders(messages[key] ?? '').join() !== placeholders(en[key as keyof typeof en]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('translations are translations: French and Chinese differ from English where words are expected', () => {
    expect(MESSAGES.fr['nav.search']).toBe('Recherche');
    expect(MESSAGES.fr['nav.settings']).toBe('Paramètres');
    expect(MESSAGES['zh-TW']['nav.kb']).toBe('知識庫');
    expect(MESSAGES['zh-TW']['app.tagline']).toContain('商務用 Skype');
    expect(MESSAGES.fr['app.tagline']).toContain('Skype Entreprise');
  });
});

describe('keys used by the sources', () => {
  const used = Object.entries(SOURCES).flatMap(([file, text]) =>
    [...text.matchAll(/\bt\(\s*(['"])([^'"\n]+)\1/g)].map((m) => ({ file, key: m[2] ?? '' })),
  );

  it('finds the t() calls (the scan itself works)', () => {
    expect(Object.keys(SOURCES)).toContain('../../src-renderer/App.svelte');
    expect(used.length).toBeGreaterThan(40);
    expect(used.map((u) => u.key)).toContain('search.empty.title');
  });

  it('every t() key exists in en', () => {
    const unknown = used.filter((u) => !(u.key in en)).map((u) => `${u.file}: ${u.key}`);
    expect(unknown).toEqual([]);
  });
});

describe('detectLang', () => {
  it.each([
    ['fr', 'fr'],
    ['fr-FR', 'fr'],
    ['fr-CA', 'fr'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-CN', 'en'],
    ['zh', 'en'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    ['frisian', 'en'],
  ])('%s → %s', (tag, lang) => {
    expect(detectLang(tag)).toBe(lang);
  });
});

describe('interpolate', () => {
  it('replaces named parameters and formats numbers', () => {
    expect(interpolate('{a} of {b}', { a: 'x', b: 1234 }, (n) => `#${n}`)).toBe('x of #1234');
  });

  it('leaves unknown or missing parameters visible', () => {
    expect(interpolate('Hello {name} {other}', { name: 'Ann' })).toBe('Hello Ann {other}');
    expect(interpolate('Hello {name}', undefined)).toBe('Hello {name}');
  });
});
