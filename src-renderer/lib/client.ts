// The one typed client the UI uses to reach the LEXO API.
// Electron: the preload bridge `window.lexo`, one function per API name. Browser (web host): `POST /api/<name>`
// with the session token the host printed in the URL. Both answer the contract's `ApiResult`.
import type {
  ApiError,
  ApiInput,
  ApiName,
  ApiOutput,
  ApiResult,
  ErrorCode,
  LexoBridge,
} from '../../src-main/core/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    lexo?: LexoBridge;
  }
}

export interface LexoClient {
  /** Resolves to the method's output; rejects with an `ApiCallError` when the API answers `ok: false`. */
  call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>>;
  /** Never rejects: transport failures are turned into `{ ok: false }` results too. */
  callCatch<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiResult<ApiOutput<N>>>;
}

export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  readonly code: ErrorCode;
  readonly method: ApiName;
  readonly issues: ApiError['issues'];

  constructor(method: ApiName, error: ApiError) {
    super(error.message);
    this.method = method;
    this.code = error.code;
    this.issues = error.issues;
  }
}

/** What the client needs from `window`; `window` itself fits. */
export interface ClientEnv {
  lexo?: LexoBridge | undefined;
  fetch: typeof fetch;
  location: { href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string | URL | null): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

export const TOKEN_PARAM = 'token';
export const TOKEN_STORAGE_KEY = 'lexo.token';
export const TOKEN_HEADER = 'X-Lexo-Token';

export function createClient(env: ClientEnv): LexoClient {
  const callCatch = env.lexo ? bridgeCaller(env.lexo) : fetchCaller(env, takeToken(env));
  return {
    callCatch,
    async call(name, input) {
      const result = await callCatch(name, input);
      if (!result.ok) throw new ApiCallError(name, result.error);
      return result.value;
    },
  };
}

type Caller = LexoClient['callCatch'];

function bridgeCaller(bridge: LexoBridge): Caller {
  return async (name, input) => {
    const fn = bridge[name] as unknown;
    if (typeof fn !== 'function') {
      return failure('unknown-method', `The desktop bridge does not expose ${name}.`);
    }
    try {
      return checkResult(await fn(input), name);
    } catch (err) {
      return failure('unavailable', `Call to ${name} through the desktop bridge failed: ${describe(err)}`);
    }
  };
}

function fetchCaller(env: ClientEnv, token: string | null): Caller {
  return async (name, input) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers[TOKEN_HEADER] = token;
    let response: Response;
    try {
      response = await env.fetch(`/api/${name}`, { method: 'POST', headers, body: JSON.stringify({ input }) });
    } catch (err) {
      return failure('unavailable', `Cannot reach the LEXO service (${name}): ${describe(err)}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure('internal', `The LEXO service answered ${name} with HTTP ${response.status} and no valid JSON.`);
    }
    return checkResult(body, name, response.status);
  };
}

/** Reads the token from `?token=` on first load, keeps it for the tab's session and drops it from the address bar. */
function takeToken(env: ClientEnv): string | null {
  const url = parseUrl(env.location.href);
  const fromUrl = url?.searchParams.get(TOKEN_PARAM);
  if (url && fromUrl) {
    try {
      env.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Storage may be disabled: the token then lives in memory for this page only.
    }
    url.searchParams.delete(TOKEN_PARAM);
    env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return env.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function parseUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

function checkResult<T>(body: unknown, name: ApiName, status?: number): ApiResult<T> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'value' in body) return body as ApiResult<T>;
    if (body.ok === false && 'error' in body && isApiError(body.error)) return { ok: false, error: body.error };
  }
  const http = status === undefined ? '' : ` (HTTP ${status})`;
  return failure('internal', `Unexpected answer to ${name}${http}: not an API result.`);
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'string' &&
    'message' in value &&
    typeof value.message === 'string'
  );
}

function failure(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The client of this page: the bridge under Electron, fetch under the web host. */
export const client: LexoClient = createClient(window);
