import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi, type LexoApi } from '../../src-main/core/api';
import { API_NAMES, channelOf, type ApiResult, type AppInfo } from '../../src-main/core/contract';
import { migrate } from '../../src-main/core/db/migrate';
import { openDatabase, type WritableDb } from '../../src-main/core/db/sqlite';
import { registerIpc } from '../../src-main/electron/ipc';
import { isTrustedIpcSender } from '../../src-main/electron/security';

type Handler = (event: unknown, payload?: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    }),
  };
}

const fromFrame = (url: string) => ({ senderFrame: { url } });
const APP_FRAME = fromFrame('app://lexo/index.html');

let db: WritableDb;
let api: LexoApi;

beforeEach(() => {
  db = openDatabase({ path: ':memory:' });
  migrate(db);
  api = createApi({ db, host: 'electron', dataDir: '/data', databasePath: ':memory:' });
});

afterEach(() => db.close());

function setup(target: Pick<LexoApi, 'dispatch'> = api) {
  const ipcMain = fakeIpcMain();
  registerIpc(ipcMain, target, (url) => isTrustedIpcSender(url));
  const call = (channel: string, event: unknown, payload?: unknown) => {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`no handler on ${channel}`);
    return handler(event, payload) as Promise<ApiResult<unknown>>;
  };
  return { ipcMain, call };
}

describe('registerIpc', () => {
  it('registers exactly one lexo:<name> channel per API name', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_NAMES.map((n) => `lexo:${n}`).sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(API_NAMES.length);
  });

  it('answers a trusted call with the API result', async () => {
    const { call } = setup();
    const result = await call(channelOf('app.info'), APP_FRAME, {});
    expect(result.ok).toBe(true);
    const info = (result as { ok: true; value: AppInfo }).value;
    expect(info.name).toBe('LEXO');
    expect(info.host).toBe('electron');
    expect(info.schemaVersion).toBeGreaterThan(0);
  });

  it.each([
    ['no sender frame', { senderFrame: null }],
    ['an event without a frame field', {}],
    ['a foreign https page', fromFrame('https://example.com/')],
    ['a look-alike origin', fromFrame('app://lexo.attacker/index.html')],
    ['credentials in the URL', fromFrame('app://lexo@evil/index.html')],
    ['a file: page', fromFrame('file:///C:/Users/x/evil.html')],
    ['a data: page', fromFrame('data:text/html,<script></script>')],
    ['the dev server outside dev', fromFrame('http://localhost:5173/')],
    ['an empty URL', fromFrame('')],
  ])('refuses %s with forbidden, before the API runs', async (_label, event) => {
    const dispatch = vi.fn(api.dispatch);
    const { call } = setup({ dispatch });
    const result = await call(channelOf('app.info'), event, {});
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a frame that throws when its URL is read (destroyed)', async () => {
    const { call } = setup();
    const event = {
      get senderFrame() {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    const result = await call(channelOf('app.info'), event, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('forbidden');
  });

  it('answers an invalid payload with invalid-input, and later calls still work', async () => {
    const { call } = setup();
    for (const payload of [{ unexpected: true }, 'a string', 42, ['array'], { __proto__: { x: 1 }, y: 2 }]) {
      const bad = await call(channelOf('app.info'), APP_FRAME, payload);
      expect(bad.ok).toBe(false);
      expect(!bad.ok && bad.error.code).toBe('invalid-input');
    }
    const good = await call(channelOf('app.info'), APP_FRAME, undefined);
    expect(good.ok).toBe(true);
  });

  it('passes the channel name, not anything from the page, to dispatch', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'v' }));
    const { call } = setup({ dispatch });
    await call(channelOf('app.info'), APP_FRAME, { name: 'evil.method' });
    expect(dispatch).toHaveBeenCalledWith('app.info', { name: 'evil.method' });
  });

  it('throws when registered twice', () => {
    const ipcMain = fakeIpcMain();
    registerIpc(ipcMain, api, () => true);
    expect(() => registerIpc(ipcMain, api, () => true)).toThrow(/already registered/);
    expect(ipcMain.handle).toHaveBeenCalledTimes(API_NAMES.length);
  });
});
