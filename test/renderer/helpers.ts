// Shared fakes for the renderer tests: an app.info value, a stub client, an in-memory storage.
import { vi } from 'vitest';
import type { ApiError, ApiName, ApiResult, AppInfo } from '../../src-main/core/contract';
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
    counts: { topology: 5, feature: 10, step: 7, symptom: 0, cmdlet: 15, article: 12 },
  },
};

export type Answer = ApiResult<AppInfo> | Promise<ApiResult<AppInfo>>;

/** A client whose `app.info` answers are queued; the last one repeats. */
export function stubClient(...answers: Answer[]) {
  const queue = [...answers];
  const callCatch = vi.fn(async (_name: ApiName, _input: unknown) => {
    const answer = queue.length > 1 ? queue.shift() : queue[0];
    if (!answer) throw new Error('stubClient: no answer queued');
    return answer;
  });
  const client: LexoClient = {
    callCatch: callCatch as LexoClient['callCatch'],
    async call(name, input) {
      const result = await client.callCatch(name, input);
      if (!result.ok) throw new ApiCallError(name, result.error);
      return result.value;
    },
  };
  return { client, callCatch };
}

export const ok = (value: AppInfo = INFO): ApiResult<AppInfo> => ({ ok: true, value });
export const fail = (error: ApiError): ApiResult<AppInfo> => ({ ok: false, error });

export function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  };
}
