/// <reference lib="dom" />
// Callbacks given to page.waitForFunction run in the page, hence the DOM types.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src-main/core/db/migrate';
import { SHIPPED_PACK_VERSION } from '../helpers/db';
import { ARTIFACTS_DIR, startWebSession, type WebSession } from '../helpers/web-session';

let s: WebSession;
beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  s = await startWebSession('en-US');
});
afterAll(async () => {
  await s?.close();
});

const text = (testId: string) => s.page.getByTestId(testId).first().innerText();

describe('browser mode, end to end', () => {
  it('loads the shell and shows app.info read from SQLite through the API', async () => {
    await s.page.goto(s.host.url);
    await s.page.getByTestId('info-schema-version').first().waitFor();
    expect(await text('info-schema-version')).toBe(String(LATEST_SCHEMA_VERSION));
    expect(await text('info-pack-version')).toBe(SHIPPED_PACK_VERSION);
    expect(await text('info-kb-count-step')).toBe('7');
    expect(await s.page.getAttribute('html', 'lang')).toBe('en');
    // The token does not stay in the address bar.
    expect(s.page.url()).not.toContain('token=');
    await s.page.screenshot({ path: join(ARTIFACTS_DIR, 'shell-en.png') });
  });

  it('switches en → fr → zh-TW, keeping the data', async () => {
    const navText: Record<string, string> = { en: await text('nav-search') };
    for (const lang of ['fr', 'zh-TW'] as const) {
      await s.page.getByTestId('lang-select').selectOption(lang);
      await s.page.waitForFunction((l) => document.documentElement.lang === l, lang);
      navText[lang] = await text('nav-search');
      expect(await text('info-kb-count-step')).toBe('7');
      await s.page.screenshot({ path: join(ARTIFACTS_DIR, `shell-${lang}.png`) });
    }
    expect(new Set(Object.values(navText)).size).toBe(3);
    expect(navText['zh-TW']).toMatch(/[\u4e00-\u9fff]/);
  });

  it('navigates between the screens', async () => {
    for (const screen of ['cases', 'case', 'kb', 'settings', 'search']) {
      await s.page.getByTestId(`nav-${screen}`).click();
      await s.page.waitForFunction((sc) => location.hash.startsWith(`#/${sc}`), screen);
      expect(await s.page.getByTestId(`nav-${screen}`).getAttribute('aria-current')).toBe('page');
    }
  });

  it('keeps the language after a reload', async () => {
    await s.page.reload();
    await s.page.getByTestId('info-schema-version').first().waitFor();
    expect(await s.page.getAttribute('html', 'lang')).toBe('zh-TW');
  });

  it('sent no request anywhere but the loopback host', () => {
    expect(s.requests.length).toBeGreaterThan(0);
    const elsewhere = s.requests.filter((u) => new URL(u).origin !== s.host.origin);
    expect(elsewhere).toEqual([]);
  });
});
