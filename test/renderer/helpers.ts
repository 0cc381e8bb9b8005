// Shared fakes for the renderer tests: an app.info value, stub clients, an in-memory storage.
import { vi } from 'vitest';
import type { ApiError, ApiInput, ApiName, ApiOutput, ApiResult, AppInfo } from '../../src-main/core/contract';
import type { LexoClient } from '../../src-renderer/lib/client';
import { ApiCallError } from '../../src-renderer/lib/client';

export const INFO: AppInfo = {
  name: 'LEXO',
  version: '0.1.0-test',
  host: 'web',
  versions: { node: '20.19.1', sqlite: '3.50.4', electron: null, chrome: null },
  schemaVersion: 3,
  dataDir: 'C:\\Users\\agent\\AppData\\Roaming\\LEXO',
  databasePath: 'C:\\Users\\agent\\AppData\\Roaming\\LEXO\\lexo.db',
  kb: {
    packId: 'lexo-core',
    packVersion: '0.1.0',
    loadedAt: '2025-03-04T10:20:30.000Z',
    languages: ['en', 'fr', 'zh-TW'],
    counts: {
      topology: 5,
      exchange: 3,
      cloud: 3,
      feature: 10,
      step: 7,
      symptom: 0,
      cmdlet: 15,
      article: 12,
      topic: 5,
      node: 30,
      conclusion: 12,
    },
  },
};

export type Answer = ApiResult<AppInfo> | Promise<ApiResult<AppInfo>>;

/** An answer per method; a handler receives the call's input. */
export type Handler<N extends ApiName> = (
  input: ApiInput<N>,
) => ApiResult<ApiOutput<N>> | Promise<ApiResult<ApiOutput<N>>>;
export type Handlers = { [N in ApiName]?: Handler<N> };

/** Answers of an empty knowledge base, for methods a test does not care about. */
export const EMPTY_KB: Handlers = {
  'kb.search': () => ({ ok: true, value: { results: [] } }),
  'kb.list': () => ({ ok: true, value: { items: [] } }),
  'kb.matrix': () => ({ ok: true, value: { topologies: [], features: [] } }),
  'kb.packs': () => ({ ok: true, value: { packs: [] } }),
  'kb.get': ({ kind, id }) => fail({ code: 'not-found', message: `No ${kind} "${id}" in the knowledge base` }),
  // No stored cases: the case list is empty and a stored case is not found.
  'cases.list': () => ({ ok: true, value: { cases: [], total: 0 } }),
  'cases.get': ({ id }) => fail({ code: 'not-found', message: `No case with id "${id}".` }),
};

/** A client that routes each call to its handler (app.info answers INFO unless given); every call is recorded. */
export function stubApi(handlers: Handlers = {}) {
  const all: Handlers = { 'app.info': () => ok(), ...EMPTY_KB, ...handlers };
  const callCatch = vi.fn(async (name: ApiName, input: unknown): Promise<ApiResult<unknown>> => {
    const handler = all[name] as ((input: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>) | undefined;
    if (!handler) return fail({ code: 'unknown-method', message: `stub: no handler for ${name}` });
    return handler(input);
  });
  const client: LexoClient = {
    callCatch: callCatch as unknown as LexoClient['callCatch'],
    async call(name, input) {
      const result = await client.callCatch(name, input);
      if (!result.ok) throw new ApiCallError(name, result.error);
      return result.value;
    },
  };
  /** The inputs of every call to `name`, in order. */
  const inputsOf = <N extends ApiName>(name: N): ApiInput<N>[] =>
    callCatch.mock.calls.filter(([n]) => n === name).map(([, input]) => input as ApiInput<N>);
  return { client, callCatch, inputsOf };
}

/** A client whose `app.info` answers are queued (the last one repeats); the knowledge base is empty. */
export function stubClient(...answers: Answer[]) {
  const queue = [...answers];
  return stubApi({
    'app.info': () => {
      const answer = queue.length > 1 ? queue.shift() : queue[0];
      if (!answer) throw new Error('stubClient: no answer queued');
      return answer;
    },
  });
}

export const ok = (value: AppInfo = INFO): ApiResult<AppInfo> => ({ ok: true, value });
export const fail = (error: ApiError): { ok: false; error: ApiError } => ({ ok: false, error });
export const value = <T>(v: T): ApiResult<T> => ({ ok: true, value: v });

/** A promise and the function that settles it, to control when an answer arrives. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  };
}
