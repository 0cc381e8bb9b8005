// The current language and the message lookup. `t()` reads the language, so templates update when it changes.
import { LANGS, type Lang } from '../../src-main/core/contract';
import { en, type MessageKey, type Messages } from './i18n/en';
import { fr } from './i18n/fr';
import { zhTW } from './i18n/zh-TW';
import { readPref, writePref, type PrefStorage } from './prefs';

export type { MessageKey, Messages };

export const MESSAGES: Record<Lang, Messages> = { en, fr, 'zh-TW': zhTW };

/** Each language named in itself, as language pickers do. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français', 'zh-TW': '繁體中文' };

export const LANG_STORAGE_KEY = 'lexo.lang';

export type MessageParams = Record<string, string | number>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The UI language for a BCP 47 tag such as `navigator.language`: French, Traditional Chinese, else English. */
export function detectLang(tag: string | undefined | null): Lang {
  const lower = (tag ?? '').toLowerCase();
  if (lower === 'fr' || lower.startsWith('fr-')) return 'fr';
  if (/^zh-(hant|tw|hk|mo)(-|$)/.test(lower)) return 'zh-TW';
  return 'en';
}

/** Replaces `{name}` with `params.name`; numbers go through `formatNumber`; unknown names stay as written. */
export function interpolate(
  template: string,
  params: MessageParams | undefined,
  formatNumber: (n: number) => string = String,
): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

export interface I18nEnv {
  storage?: PrefStorage | undefined;
  /** `navigator.language`. */
  language?: string | undefined;
  /** `document.documentElement`: its `lang` follows the current language. */
  root?: { lang: string } | undefined;
}

export class I18n {
  #lang = $state<Lang>('en');
  readonly #storage: PrefStorage | undefined;
  readonly #root: { lang: string } | undefined;

  #numbers = $derived(new Intl.NumberFormat(this.#lang));
  #lists = $derived(new Intl.ListFormat(this.#lang, { type: 'conjunction', style: 'narrow' }));
  #dates = $derived(new Intl.DateTimeFormat(this.#lang, { dateStyle: 'medium', timeStyle: 'short' }));
  #plurals = $derived(new Intl.PluralRules(this.#lang));
  #days = $derived(new Intl.DateTimeFormat(this.#lang, { dateStyle: 'long', timeZone: 'UTC' }));

  constructor(env: I18nEnv = {}) {
    this.#storage = env.storage;
    this.#root = env.root;
    const saved = readPref(env.storage, LANG_STORAGE_KEY);
    this.#lang = isLang(saved) ? saved : detectLang(env.language);
    if (this.#root) this.#root.lang = this.#lang;
  }

  get lang(): Lang {
    return this.#lang;
  }

  setLang(lang: Lang): void {
    if (!isLang(lang)) return;
    this.#lang = lang;
    writePref(this.#storage, LANG_STORAGE_KEY, lang);
    if (this.#root) this.#root.lang = lang;
  }

  t(key: MessageKey, params?: MessageParams): string {
    const template = MESSAGES[this.#lang][key] || en[key] || key;
    return interpolate(template, params, (n) => this.number(n));
  }

  /** The message for `count` items: `one` where the language uses its singular form, else `other`. */
  plural(count: number, one: MessageKey, other: MessageKey, params?: MessageParams): string {
    return this.t(this.#plurals.select(count) === 'one' ? one : other, { ...params, count });
  }

  number(value: number): string {
    return this.#numbers.format(value);
  }

  /** `a, b, c` as the current language writes a list. */
  list(items: readonly string[]): string {
    return this.#lists.format(items);
  }

  /** A date from an ISO string or a Date, in the current language; an unparsable string is shown as given. */
  date(value: string | Date): string {
    const time = typeof value === 'string' ? Date.parse(value) : value.getTime();
    return Number.isNaN(time) ? String(value) : this.#dates.format(time);
  }

  /**
   * A calendar day such as `2023-04-18` (no time of day), in the current language. Read as UTC so the day does
   * not move with the computer's time zone; an unparsable string is shown as given.
   */
  day(value: string): string {
    const time = Date.parse(value);
    return Number.isNaN(time) ? value : this.#days.format(time);
  }
}
