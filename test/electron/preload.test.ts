import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_NAMES } from '../../src-main/core/contract';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke, send: vi.fn(), on: vi.fn() },
}));

const { createBridge } = await import('../../src-main/electron/preload');

describe('createBridge', () => {
  it('has exactly one function per API name, frozen', () => {
    const bridge = createBridge(vi.fn());
    expect(Object.keys(bridge).sort()).toEqual([...API_NAMES].sort());
    for (const name of API_NAMES) expect(typeof bridge[name]).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('invokes lexo:<name> with the input and returns the answer', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 'answer' }));
    const bridge = createBridge(invoke);
    for (const name of API_NAMES) {
      invoke.mockClear();
      // The bridge forwards whatever it is given; validation happens in the main process.
      const call = bridge[name] as (input: unknown) => Promise<unknown>;
      await expect(call({})).resolves.toEqual({ ok: true, value: 'answer' });
      expect(invoke).toHaveBeenCalledExactlyOnceWith(`lexo:${name}`, {});
    }
  });
});

describe('the preload entry', () => {
  beforeEach(() => electron.invoke.mockClear());

  it('exposes the bridge as window.lexo and nothing else', () => {
    expect(electron.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, exposed] = electron.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('lexo');
    expect(Object.keys(exposed).sort()).toEqual([...API_NAMES].sort());
    expect(Object.isFrozen(exposed)).toBe(true);
    // No channel-taking function, no ipcRenderer, no Node object leaks through.
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
    expect(exposed).not.toHaveProperty('invoke');
    expect(exposed).not.toHaveProperty('ipcRenderer');
    expect(exposed).not.toHaveProperty('send');
  });

  it('routes each exposed function to ipcRenderer.invoke on its own channel', async () => {
    const [, exposed] = electron.exposeInMainWorld.mock.calls[0]!;
    await exposed['app.info']({});
    expect(electron.invoke).toHaveBeenCalledExactlyOnceWith('lexo:app.info', {});
  });
});
