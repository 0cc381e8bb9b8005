// Builds the app's shared state from a client and the page's environment (injectable for tests).
import { AppInfoStore } from './app-info.svelte';
import { CaseState } from './case.svelte';
import type { LexoClient } from './client';
import type { AppContext } from './context';
import { I18n } from './i18n.svelte';
import { KbState } from './kb.svelte';
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
  /** Changes `location.hash` (navigation from code). */
  setHash?: ((hash: string) => void) | undefined;
  /** Search debounce in ms (tests shorten it). */
  searchDelay?: number | undefined;
  /** How long the case waits after typing before it is diagnosed again, in ms (tests shorten it). */
  caseDelay?: number | undefined;
  /** Saves an exported pack or case file (tests capture it). */
  download?: ((fileName: string, text: string) => void) | undefined;
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
  const i18n = new I18n({ storage: env.storage, language: env.language, root: env.root });
  const info = new AppInfoStore(client);
  const search = new SearchState({ client, lang: i18n.lang, delay: env.searchDelay });
  const currentCase = new CaseState({
    client,
    storage: env.storage,
    lang: i18n.lang,
    delay: env.caseDelay,
    download: env.download,
  });
  const kb = new KbState({
    client,
    download: env.download,
    onChange: () => {
      void info.load();
      search.refresh();
      void currentCase.knowledgeChanged();
    },
  });
  return {
    client,
    i18n,
    theme: new Theme({ storage: env.storage, root: env.root }),
    router: new Router(env.hash ?? '', env.setHash),
    info,
    search,
    kb,
    currentCase,
  };
}
