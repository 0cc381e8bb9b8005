// The public contract between the core and every host (Electron IPC, web host, CLI) and the renderer.
// Types plus a few constants only: the renderer imports this file, so it must stay free of Node and of the driver.

export const LANGS = ['en', 'fr', 'zh-TW'] as const;
export type Lang = (typeof LANGS)[number];

export const TOPOLOGIES = [
  'sfb-online',
  'lync2013-onprem',
  'lync2013-hybrid',
  'sfb-server-onprem',
  'sfb-server-hybrid',
] as const;
export type Topology = (typeof TOPOLOGIES)[number];

/** Kinds of knowledge-base entries counted in the statistics. */
export const KB_KINDS = ['topology', 'feature', 'step', 'symptom', 'cmdlet', 'article'] as const;
export type KbKind = (typeof KB_KINDS)[number];

export type HostKind = 'electron' | 'web' | 'cli';

export interface KbStats {
  packId: string | null;
  packVersion: string | null;
  loadedAt: string | null;
  languages: Lang[];
  counts: Record<KbKind, number>;
}

export interface AppInfo {
  name: 'LEXO';
  version: string;
  host: HostKind;
  versions: {
    node: string;
    sqlite: string;
    electron: string | null;
    chrome: string | null;
  };
  schemaVersion: number;
  dataDir: string;
  databasePath: string;
  kb: KbStats;
}

/** Every API method: its input and output. Hosts expose exactly these names. */
export interface ApiMethods {
  'app.info': { input: Record<string, never>; output: AppInfo };
}

export type ApiName = keyof ApiMethods;
export type ApiInput<N extends ApiName> = ApiMethods[N]['input'];
export type ApiOutput<N extends ApiName> = ApiMethods[N]['output'];

/** Listed at runtime so preload and web client can expose one function per name, and nothing else. */
export const API_NAMES = ['app.info'] as const satisfies readonly ApiName[];

export const ERROR_CODES = [
  'invalid-input',
  'unknown-method',
  'not-found',
  'database-error',
  'pack-error',
  'forbidden',
  /** The renderer could not reach the host at all (IPC closed, web host stopped). */
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Where the input was wrong, e.g. `["lang"]`, when known. */
  issues?: { path: string; message: string }[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the preload bridge exposes on `window.lexo`: one function per API name. */
export type LexoBridge = {
  [N in ApiName]: (input: ApiInput<N>) => Promise<ApiResult<ApiOutput<N>>>;
};

/** IPC channel of a method. */
export const channelOf = (name: ApiName): `lexo:${ApiName}` => `lexo:${name}`;
