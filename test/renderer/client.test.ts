// The typed client: the Electron bridge body and the fetch body, with fakes for window's parts.
import { describe, expect, it, vi } from 'vitest';
import type { ApiResult, AppInfo, LexoBridge } from '../../src-main/core/contract';
import {
  ApiCallError,
  createClient,
  TOKEN_HEADER,
  TOKEN_STORAGE_KEY,
  type ClientEnv,
} from '../../src-renderer/lib/client';
import { INFO, memoryStorage } from './helpers';

interface FakeResponse {
  status: number;
  json(): Promise<unknown>;
}

function response(body: unknown, status = 200): FakeResponse {
  return { status, json: async () => body };
}

function notJson(status: number): FakeResponse {
  return { status, json: async () => Promise.reject(new SyntaxError('Unexpected token <')) };
}

function fakeEnv(options: {
  href?: string;
  lexo?: LexoBridge;
  answer?: () => Promise<FakeResponse>;
  stored?: Record<string, string>;
}) {
  const storage = memoryStorage(options.stored);
  const fetch = vi.fn(async (_url: string, _init: RequestInit) =>
    options.answer ? options.answer() : response({ ok: true, value: INFO }),
  );
  const replaceState = vi.fn();
  const env: ClientEnv = {
    lexo: options.lexo,
    fetch: fetch as unknown as typeof globalThis.fetch,
    location: { href: options.href ?? 'http://127.0.0.1:4317/' },
    history: { state: { kept: true }, replaceState },
    sessionStorage: storage,
  };
  return { env, fetch, replaceState, storage };
}

function bridge(answer: (input: unknown) => Promise<ApiResult<AppInfo>>) {
  const fn = vi.fn(answer);
  return { lexo: { 'app.info': fn } as unknown as LexoBridge, fn };
}

describe('Electron body (window.lexo)', () => {
  it('calls the bridge method of that name with the input and returns the value', async () => {
    const { lexo, fn } = bridge(async () => ({ ok: true, value: INFO }));
    const { env, fetch } = fakeEnv({ lexo });
    const client = createClient(env);

    await expect(client.call('app.info', {})).resolves.toEqual(INFO);
    expect(fn).toHaveBeenCalledWith({});
    expect(fetch).not.toHaveBeenCalled();
  });

  it('turns ok:false into an ApiCallError carrying the code, message and issues', async () => {
    const error = { code: 'invalid-input' as const, message: 'Bad input', issues: [{ path: 'x', message: 'no' }] };
    const { lexo } = bridge(async () => ({ ok: false, error }));
    const client = createClient(fakeEnv({ lexo }).env);

    const thrown = await client.call('app.info', {}).catch((err: unknown) => err);
    expect(thrown).toBeInstanceOf(ApiCallError);
    expect(thrown).toMatchObject({ code: 'invalid-input', message: 'Bad input', method: 'app.info' });
    expect((thrown as ApiCallError).issues).toEqual(error.issues);
    await expect(client.callCatch('app.info', {})).resolves.toEqual({ ok: false, error });
  });

  it('reports a rejected bridge call as an error result instead of throwing from callCatch', async () => {
    const { lexo } = bridge(async () => Promise.reject(new Error('IPC channel closed')));
    const client = createClient(fakeEnv({ lexo }).env);

    const result = await client.callCatch('app.info', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('unavailable');
    expect(!result.ok && result.error.message).toContain('IPC channel closed');
  });

  it('reports a bridge without that method as unknown-method', async () => {
    const client = createClient(fakeEnv({ lexo: {} as LexoBridge }).env);
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'unknown-method' });
  });

  it('rejects an answer that is not an ApiResult', async () => {
    const lexo = { 'app.info': async () => 'nonsense' } as unknown as LexoBridge;
    const client = createClient(fakeEnv({ lexo }).env);
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('browser body (fetch)', () => {
  it('POSTs /api/<name> with a JSON body {input} and the token header', async () => {
    const { env, fetch } = fakeEnv({ href: 'http://127.0.0.1:4317/?token=s3cr3t#/kb' });
    const client = createClient(env);

    await expect(client.call('app.info', {})).resolves.toEqual(INFO);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/app.info');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ input: {} });
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json', [TOKEN_HEADER]: 's3cr3t' });
  });

  it('keeps the URL token in sessionStorage and removes it from the address bar, keeping the rest', () => {
    const { env, storage, replaceState } = fakeEnv({ href: 'http://127.0.0.1:4317/index.html?token=abc&x=1#/cases' });
    createClient(env);

    expect(storage.map.get(TOKEN_STORAGE_KEY)).toBe('abc');
    expect(replaceState).toHaveBeenCalledWith({ kept: true }, '', '/index.html?x=1#/cases');
  });

  it('uses the stored token after a reload without ?token', async () => {
    const { env, fetch, replaceState } = fakeEnv({ stored: { [TOKEN_STORAGE_KEY]: 'from-session' } });
    await createClient(env).call('app.info', {});

    expect(replaceState).not.toHaveBeenCalled();
    expect(fetch.mock.calls[0]?.[1].headers).toMatchObject({ [TOKEN_HEADER]: 'from-session' });
  });

  it('sends no token header when there is no token at all', async () => {
    const { env, fetch } = fakeEnv({});
    await createClient(env).call('app.info', {});
    expect(fetch.mock.calls[0]?.[1].headers).not.toHaveProperty(TOKEN_HEADER);
  });

  it('turns an ok:false body (e.g. HTTP 403) into an ApiCallError with its code', async () => {
    const { env } = fakeEnv({
      answer: async () => response({ ok: false, error: { code: 'forbidden', message: 'Missing or wrong token' } }, 403),
    });
    const client = createClient(env);

    await expect(client.call('app.info', {})).rejects.toThrow(ApiCallError);
    await expect(client.call('app.info', {})).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Missing or wrong token',
    });
  });

  it('reports a network failure clearly', async () => {
    const { env } = fakeEnv({ answer: async () => Promise.reject(new TypeError('Failed to fetch')) });
    const error = await createClient(env)
      .call('app.info', {})
      .catch((err: unknown) => err);

    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).code).toBe('unavailable');
    expect((error as ApiCallError).message).toMatch(/Cannot reach the LEXO service \(app\.info\): Failed to fetch/);
  });

  it('reports a response that is not JSON with its HTTP status', async () => {
    const { env } = fakeEnv({ answer: async () => notJson(502) });
    const result = await createClient(env).callCatch('app.info', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('HTTP 502') },
    });
  });

  it('reports JSON that is not an ApiResult', async () => {
    const { env } = fakeEnv({ answer: async () => response({ hello: 'world' }) });
    await expect(createClient(env).call('app.info', {})).rejects.toMatchObject({ code: 'internal' });
  });
});
