// Renders the whole app with a stub client, as the screen tests need it.
import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { vi } from 'vitest';
import App from '../../src-renderer/App.svelte';
import type { UiEnv } from '../../src-renderer/lib/app-state';
import type { LexoClient } from '../../src-renderer/lib/client';
import { memoryStorage } from './helpers';

export function renderApp(client: LexoClient, env: Partial<UiEnv> = {}) {
  const storage = memoryStorage();
  const download = vi.fn<(fileName: string, text: string) => void>();
  const result = render(App, {
    props: {
      client,
      env: {
        storage,
        language: 'en-US',
        root: document.documentElement,
        hash: window.location.hash,
        searchDelay: 0,
        download,
        ...env,
      },
    },
  });
  return { ...result, storage, download };
}

/** Moves the address bar and tells the app, as a click on a link would. */
export function go(hash: string) {
  window.location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  flushSync();
}

export function text(testId: string): string {
  return screen.getByTestId(testId).textContent?.trim() ?? '';
}

/** Text with runs of blanks collapsed, as a reader sees it. */
export function visible(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
