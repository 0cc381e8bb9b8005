// The sandboxed preload, bundled into one file. It exposes `window.lexo`: one function per API name, each
// invoking its own `lexo:<name>` channel. Never ipcRenderer, never a channel chosen by the page.
import { contextBridge, ipcRenderer } from 'electron';
import { API_NAMES, channelOf, type ApiName, type LexoBridge } from '../core/contract';

export type Invoke = (channel: `lexo:${ApiName}`, input: unknown) => Promise<unknown>;

export function createBridge(invoke: Invoke): LexoBridge {
  const bridge = Object.fromEntries(
    API_NAMES.map((name) => [name, (input: unknown) => invoke(channelOf(name), input)] as const),
  );
  return Object.freeze(bridge) as unknown as LexoBridge;
}

contextBridge.exposeInMainWorld(
  'lexo',
  createBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
