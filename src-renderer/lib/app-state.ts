// Builds the app's shared state from a client and the page's environment (injectable for tests).
import { AppInfoStore } from './app-info.svelte';
import type { LexoClient } from './client';
import type { AppContext } from './context';
import { I18n } from './i18n.svelte';
import { browserStorage, type PrefStorage } from './prefs';
import { Router } from './router.svelte';
import { SearchState } from './search.svelte';
import { Theme } from './theme.svelte';

export interface UiEnv {
  storage?: PrefStorage | undefined;
  /** `navigator.language`: the default UI language. */
  language?: string | undefined;
  /** `document.documentElement`: receives `lang` and `data-theme`. */
  root?: HTMLElement | undefined;
  /** `location.hash` at start. */
  hash?: string | undefined;
}

export function browserEnv(): UiEnv {
  return {
    storage: browserStorage(),
    language: navigator.language,
    root: document.documentElement,
    hash: window.location.hash,
  };
}

export function createAppState(client: LexoClient, env: UiEnv = browserEnv()): AppContext {
  return {
    client,
    i18n: new I18n({ storage: env.storage, language: env.language, root: env.root }),
    theme: new Theme({ storage: env.storage, root: env.root }),
    router: new Router(env.hash ?? ''),
    info: new AppInfoStore(client),
    search: new SearchState(),
  };
}
