// The API over IPC: one `lexo:<name>` channel per API name, registered from the list, no dispatcher.
// Each call checks the sending frame, then hands the untrusted payload to `api.dispatch`, which validates it
// and never throws: a bad payload is an `invalid-input` answer, not a crash.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_NAMES, channelOf, type ApiResult } from '../core/contract';
import type { LexoApi } from '../core/api';

export type FrameCheck = (frameUrl: string) => boolean;

const forbidden = (): ApiResult<never> => ({
  ok: false,
  error: { code: 'forbidden', message: 'This call did not come from the LEXO window and was refused.' },
});

function senderUrl(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string | null {
  try {
    // A frame that navigated away or was destroyed is null or throws on access.
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

const registered = new WeakSet<object>();

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  api: Pick<LexoApi, 'dispatch'>,
  isTrusted: FrameCheck,
): void {
  if (registered.has(ipcMain)) throw new Error('LEXO IPC handlers are already registered');
  registered.add(ipcMain);
  for (const name of API_NAMES) {
    ipcMain.handle(channelOf(name), async (event, payload: unknown) => {
      const url = senderUrl(event);
      if (url === null || !isTrusted(url)) return forbidden();
      return api.dispatch(name, payload);
    });
  }
}
