// Preferences kept on this computer (language, theme). Storage can be missing or throw (disabled, quota,
// sandboxed frame): a preference that cannot be read or written simply falls back to its default.
export interface PrefStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function readPref(storage: PrefStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writePref(storage: PrefStorage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Not remembered: the choice still applies to this page.
  }
}

/** `window.localStorage`, or undefined where reading the property itself throws. */
export function browserStorage(): PrefStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
