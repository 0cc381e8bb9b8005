// The app as a user sees it, with the backend stubbed through the injected client.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KB_KINDS } from '../../src-main/core/contract';
import App from '../../src-renderer/App.svelte';
import type { UiEnv } from '../../src-renderer/lib/app-state';
import type { LexoClient } from '../../src-renderer/lib/client';
import { LANG_STORAGE_KEY } from '../../src-renderer/lib/i18n.svelte';
import { THEME_STORAGE_KEY } from '../../src-renderer/lib/theme.svelte';
import { storeApi } from './case-engine';
import { fail, INFO, memoryStorage, ok, stubClient } from './helpers';

const root = document.documentElement;

function renderApp(client: LexoClient, env: Partial<UiEnv> = {}) {
  const storage = memoryStorage();
  const result = render(App, {
    props: { client, env: { storage, language: 'en-US', root, hash: window.location.hash, searchDelay: 0, ...env } },
  });
  return { ...result, storage };
}

function go(hash: string) {
  window.location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  flushSync();
}

function text(testId: string): string {
  return screen.getByTestId(testId).textContent?.trim() ?? '';
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  root.removeAttribute('data-theme');
  root.lang = '';
});

describe('shell', () => {
  it('renders the landmarks, the product name and the five navigation items, Search current', () => {
    renderApp(stubClient(ok()).client);

    expect(within(screen.getByRole('banner')).getByText('LEXO')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link')).toHaveLength(5);
    for (const [id, label] of [
      ['nav-search', 'Search'],
      ['nav-cases', 'Cases'],
      ['nav-case', 'Current case'],
      ['nav-kb', 'Knowledge base'],
      ['nav-settings', 'Settings'],
    ] as const) {
      expect(text(id)).toBe(label);
    }
    expect(screen.getByTestId('nav-search').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-kb').hasAttribute('aria-current')).toBe(false);
    expect(screen.getByText('Skip to main content').getAttribute('href')).toBe('#main');
  });

  it('moves aria-current and the screen with the hash', async () => {
    renderApp(storeApi().client);
    go('#/cases');
    expect(screen.getByTestId('nav-cases').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-search').hasAttribute('aria-current')).toBe(false);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Cases');
    expect(await screen.findByTestId('cases-empty')).toBeTruthy();

    go('#/case');
    expect(screen.getByTestId('nav-case').getAttribute('aria-current')).toBe('page');
    expect(await screen.findByTestId('case-form')).toBeTruthy();

    go('#/case/INC-0042');
    expect((await screen.findByTestId('case-unknown')).textContent).toContain('INC-0042');
  });

  it('starts on the screen named by the start hash', () => {
    renderApp(stubClient(ok()).client, { hash: '#/settings' });
    expect(screen.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Settings');
  });
});

describe('language', () => {
  it('switching language changes the visible text, <html lang> and is remembered', async () => {
    const { storage } = renderApp(stubClient(ok()).client);
    expect(root.lang).toBe('en');

    await fireEvent.change(screen.getByTestId('lang-select'), { target: { value: 'fr' } });
    expect(text('nav-search')).toBe('Recherche');
    expect(text('nav-settings')).toBe('Paramètres');
    expect(root.lang).toBe('fr');
    expect(storage.map.get(LANG_STORAGE_KEY)).toBe('fr');
    expect(screen.getByTestId('search-empty').textContent).toContain('Saisissez ce que signale le client');

    await fireEvent.change(screen.getByTestId('lang-select'), { target: { value: 'zh-TW' } });
    expect(text('nav-kb')).toBe('知識庫');
    expect(root.lang).toBe('zh-TW');
    expect((screen.getByTestId('lang-select') as HTMLSelectElement).value).toBe('zh-TW');
  });

  it('defaults to navigator.language and prefers the remembered choice', () => {
    renderApp(stubClient(ok()).client, { language: 'zh-Hant-TW' });
    expect(text('nav-settings')).toBe('設定');
    cleanup();

    renderApp(stubClient(ok()).client, { language: 'fr-CA', storage: memoryStorage({ [LANG_STORAGE_KEY]: 'en' }) });
    expect(text('nav-settings')).toBe('Settings');
  });

  it('offers the three languages, each named in itself', () => {
    renderApp(stubClient(ok()).client);
    const options = [...(screen.getByTestId('lang-select') as HTMLSelectElement).options];
    expect(options.map((o) => [o.value, o.textContent])).toEqual([
      ['en', 'English'],
      ['fr', 'Français'],
      ['zh-TW', '繁體中文'],
    ]);
  });
});

describe('app.info', () => {
  it('shows the compact status on the home screen with the stubbed values', async () => {
    renderApp(stubClient(ok()).client);
    expect(await screen.findByTestId('info-schema-version')).toBeTruthy();
    expect(screen.getAllByTestId('app-info')).toHaveLength(1);
    expect(text('info-schema-version')).toBe('3');
    expect(text('info-pack-version')).toBe('0.1.0');
    expect(text('info-kb-count-step')).toBe('7');
    expect(text('info-version')).toBe('0.1.0-test');
  });

  it('shows every field on Settings, once each', async () => {
    renderApp(stubClient(ok()).client, { hash: '#/settings' });
    await screen.findByTestId('info-data-dir');

    expect(screen.getAllByTestId('app-info')).toHaveLength(1);
    expect(text('info-version')).toBe(INFO.version);
    expect(text('info-schema-version')).toBe(String(INFO.schemaVersion));
    expect(text('info-data-dir')).toBe(INFO.dataDir);
    expect(text('info-pack-version')).toBe(INFO.kb.packVersion);
    expect(text('info-sqlite-version')).toBe(INFO.versions.sqlite);
    for (const kind of KB_KINDS) {
      expect(screen.getAllByTestId(`info-kb-count-${kind}`)).toHaveLength(1);
      expect(text(`info-kb-count-${kind}`)).toBe(String(INFO.kb.counts[kind]));
    }
  });

  it('shows a loading state while the call is pending', () => {
    renderApp(stubClient(new Promise(() => {})).client);
    expect(screen.getByTestId('info-loading').textContent).toContain('Loading application information');
    expect(screen.queryByTestId('info-schema-version')).toBeNull();
  });

  it('names what failed, and Retry calls again', async () => {
    const { client, callCatch } = stubClient(fail({ code: 'database-error', message: 'disk I/O error' }), ok());
    renderApp(client);

    const error = await screen.findByTestId('info-error');
    expect(error.textContent).toContain('app.info');
    expect(error.textContent).toContain('database-error');
    expect(error.textContent).toContain('disk I/O error');
    expect(screen.getByRole('alert')).toBe(error);

    await fireEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('info-schema-version')).toBeTruthy();
    expect(screen.queryByTestId('info-error')).toBeNull();
    expect(callCatch.mock.calls.filter(([name]) => name === 'app.info')).toHaveLength(2);
  });

  it('lists the knowledge-base statistics on the Knowledge base screen', async () => {
    renderApp(stubClient(ok()).client, { hash: '#/kb' });
    await screen.findByTestId('kb-stats');
    for (const kind of KB_KINDS) expect(text(`kb-stat-${kind}`)).toBe(String(INFO.kb.counts[kind]));
    expect(text('kb-pack-id')).toBe('lexo-core');
    expect(text('kb-total')).toBe('Entries in total: 102');
  });
});

describe('screens', () => {
  it('search: a labelled input whose results area answers what is typed', async () => {
    renderApp(stubClient(ok()).client);
    const input = screen.getByLabelText('Symptom or error message') as HTMLInputElement;
    expect(input.disabled).toBe(false);
    expect(screen.getByTestId('search-empty').textContent).toContain('Type what the customer reports');

    await fireEvent.input(input, { target: { value: '  free/busy missing  ' } });
    expect(screen.queryByTestId('search-empty')).toBeNull();
    expect((await screen.findByTestId('search-no-match')).textContent).toContain('No match for “free/busy missing”');
  });

  it('search keeps its query across screens', async () => {
    renderApp(stubClient(ok()).client);
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'OWA presence' } });
    go('#/kb');
    go('#/search');
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('OWA presence');
  });

  it('settings: the theme choice sets data-theme on <html> and is remembered', async () => {
    const { storage } = renderApp(stubClient(ok()).client, { hash: '#/settings' });
    expect(root.hasAttribute('data-theme')).toBe(false);
    expect((screen.getByTestId('theme-system') as HTMLInputElement).checked).toBe(true);

    await fireEvent.click(screen.getByTestId('theme-dark'));
    expect(root.getAttribute('data-theme')).toBe('dark');
    expect(storage.map.get(THEME_STORAGE_KEY)).toBe('dark');

    await fireEvent.click(screen.getByTestId('theme-light'));
    expect(root.getAttribute('data-theme')).toBe('light');

    await fireEvent.click(screen.getByTestId('theme-system'));
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('settings: the language select there switches the language too', async () => {
    renderApp(stubClient(ok()).client, { hash: '#/settings' });
    await fireEvent.change(screen.getByTestId('settings-lang-select'), { target: { value: 'fr' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Paramètres');
    expect((screen.getByTestId('lang-select') as HTMLSelectElement).value).toBe('fr');
  });
});
