// The app's shared state, handed to every component through one typed context.
import { createContext } from 'svelte';
import type { AppInfoStore } from './app-info.svelte';
import type { CaseState } from './case.svelte';
import type { LexoClient } from './client';
import type { I18n } from './i18n.svelte';
import type { KbState } from './kb.svelte';
import type { Router } from './router.svelte';
import type { SearchState } from './search.svelte';
import type { Theme } from './theme.svelte';

export interface AppContext {
  client: LexoClient;
  i18n: I18n;
  theme: Theme;
  router: Router;
  info: AppInfoStore;
  search: SearchState;
  kb: KbState;
  /** The case of the guided diagnosis (#/case). */
  currentCase: CaseState;
}

export const [getAppContext, setAppContext] = createContext<AppContext>();
