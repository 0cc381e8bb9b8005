// The colour theme: follow the operating system, or force light or dark with `data-theme` on <html>.
import { readPref, writePref, type PrefStorage } from './prefs';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

export const THEME_STORAGE_KEY = 'lexo.theme';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

export interface ThemeEnv {
  storage?: PrefStorage | undefined;
  /** `document.documentElement`. */
  root?: { setAttribute(name: string, value: string): void; removeAttribute(name: string): void } | undefined;
}

export class Theme {
  #choice = $state<ThemeChoice>('system');
  readonly #env: ThemeEnv;

  constructor(env: ThemeEnv = {}) {
    this.#env = env;
    const saved = readPref(env.storage, THEME_STORAGE_KEY);
    this.#choice = isThemeChoice(saved) ? saved : 'system';
    this.#apply();
  }

  get choice(): ThemeChoice {
    return this.#choice;
  }

  set(choice: ThemeChoice): void {
    if (!isThemeChoice(choice)) return;
    this.#choice = choice;
    writePref(this.#env.storage, THEME_STORAGE_KEY, choice);
    this.#apply();
  }

  #apply(): void {
    const root = this.#env.root;
    if (!root) return;
    if (this.#choice === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', this.#choice);
  }
}
