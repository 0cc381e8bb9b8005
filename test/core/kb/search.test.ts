import { beforeAll, describe, expect, it } from 'vitest';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { loadPack, readPack } from '../../../src-main/core/kb/pack';
import { search } from '../../../src-main/core/kb/search';
import { fold, readsLikeComplaint, stem, tokens } from '../../../src-main/core/kb/text';
import { memoryDb, MINI_PACK_DIR } from '../../helpers/db';

let db: WritableDb;
beforeAll(() => {
  db = memoryDb();
  loadPack(db, readPack(MINI_PACK_DIR));
});

const ids = (query: string, lang: 'en' | 'fr' | 'zh-TW' = 'en') =>
  search(db, { query, lang, limit: 5 }).map((r) => `${r.kind}:${r.id}`);

describe('text processing', () => {
  it('folds diacritics and case', () => {
    expect(fold('Partagé ÉTAPE d’accès')).toBe("partage etape d'acces");
  });

  it('stems English and French forms to a shared prefix', () => {
    expect(stem('adresse').startsWith('adress')).toBe(true);
    expect(stem('partagee')).toBe(stem('partage'));
    expect(['shared', 'share', 'sharing'].map(stem)).toEqual(['shar', 'shar', 'shar']);
    expect(stem('2565604')).toBe('2565604');
  });

  it('splits cmdlet names into their parts and keeps the joined forms', () => {
    expect(tokens('New-CsHostingProvider')).toEqual(
      expect.arrayContaining(['new', 'cs', 'host', 'provider', 'cshostingprovider', 'newcshostingprovider']),
    );
  });

  it('cuts Chinese into bigrams and drops stopwords', () => {
    expect(tokens('看不到目前狀態')).toEqual(['看不', '不到', '到目', '目前', '前狀', '狀態']);
    expect(tokens('the presence in OWA')).toEqual(['presenc', 'owa']);
  });

  it('recognizes a complaint in each language', () => {
    expect(readsLikeComplaint("presence doesn't show in OWA")).toBe(true);
    expect(readsLikeComplaint('la présence ne s’affiche pas')).toBe(true);
    expect(readsLikeComplaint('OWA 無法顯示目前狀態')).toBe(true);
    expect(readsLikeComplaint('New-CsHostingProvider')).toBe(false);
  });
});

describe('search', () => {
  it('finds an article by its KB number first, with or without "KB"', () => {
    expect(ids('2565604')[0]).toBe('article:kb-2565604');
    expect(ids('KB2565604')[0]).toBe('article:kb-2565604');
    const [top] = search(db, { query: 'kb 2565604', lang: 'fr' });
    expect(top).toMatchObject({
      kind: 'article',
      kb: '2565604',
      score: 1,
      title: 'Présence absente dans Outlook Web App',
    });
    expect(top!.matched).toContain('kb-number');
  });

  it('finds a cmdlet by its exact name, its noun, or a part of it', () => {
    expect(ids('New-CsHostingProvider')[0]).toBe('cmdlet:new-cshostingprovider');
    expect(ids('hostingprovider').slice(0, 2).sort()).toEqual([
      'cmdlet:get-cshostingprovider',
      'cmdlet:new-cshostingprovider',
    ]);
    expect(ids('get-cshostingprovider')[0]).toBe('cmdlet:get-cshostingprovider');
  });

  it('finds a cmdlet by a parameter name', () => {
    expect(ids('ProxyFqdn')).toContain('cmdlet:new-cshostingprovider');
  });

  it('puts symptoms first when the query reads like a complaint', () => {
    expect(ids("OWA doesn't show presence")[0]).toBe('symptom:symptom-owa-no-presence');
    expect(ids('présence absente OWA', 'fr')[0]).toBe('symptom:symptom-owa-no-presence');
    expect(ids('OWA 看不到目前狀態', 'zh-TW')[0]).toBe('symptom:symptom-owa-no-presence');
  });

  it('folds diacritics: an unaccented French query finds accented text', () => {
    expect(ids('fournisseur d hebergement', 'fr')).toContain('step:step-5-hosting-provider');
    expect(ids('réplication magasin central', 'fr')).toContain('topic:cms-replication');
  });

  it('matches Chinese two-character words', () => {
    expect(ids('複寫', 'zh-TW')).toContain('topic:cms-replication');
  });

  it('still finds something for a near miss', () => {
    expect(ids('hostng provder')).toContain('cmdlet:new-cshostingprovider');
  });

  it('returns titles in the UI language with English as fallback and scores from 1 down', () => {
    const results = search(db, { query: 'hosting provider', lang: 'zh-TW' });
    expect(results[0]!.score).toBe(1);
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
    expect(results.find((r) => r.id === 'step-5-hosting-provider')?.title).toBe('裝載提供者');
  });

  it('finds an English error string whatever the UI language', () => {
    expect(ids("Instant Messaging isn't available right now", 'zh-TW')).toContain('article:kb-2565604');
  });

  it('honours the limit and the kinds filter', () => {
    expect(search(db, { query: 'hosting', limit: 1 })).toHaveLength(1);
    const cmdlets = search(db, { query: 'hosting provider', kinds: ['cmdlet'] });
    expect(cmdlets.length).toBeGreaterThan(0);
    expect(cmdlets.every((r) => r.kind === 'cmdlet')).toBe(true);
  });

  it.each([
    '',
    '   ',
    '"',
    '*',
    'AND',
    'OR NOT',
    '(((',
    'NEAR(a b)',
    '"unterminated',
    "'; DROP TABLE kb_entry; --",
    '\u0000',
  ])('survives the FTS syntax of %j', (query) => {
    expect(() => search(db, { query })).not.toThrow();
  });
});
