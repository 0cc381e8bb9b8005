import { API_NAMES, type ApiInput, type ApiName, type ApiOutput, type ApiResult } from './contract';
import { appHandlers, type AppContext } from './app/handlers';
import type { WritableDb } from './db/sqlite';
import { engineHandlers } from './engine/handlers';
import { evidenceHandlers } from './evidence/handlers';
import { kbHandlers } from './kb/handlers';
import { casesHandlers } from './cases/handlers';
import { reportHandlers } from './report/handlers';
import { LexoError, toApiError } from './errors';
import { inputSchemas } from './schemas';

export type Handlers = {
  [N in ApiName]: (input: ApiInput<N>) => ApiOutput<N> | Promise<ApiOutput<N>>;
};

/** The one API object every host adapts: typed calls for code, `dispatch` for untrusted input. */
export interface LexoApi {
  call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>>;
  /** Validates the name and the payload, runs the handler, never throws. */
  dispatch(name: unknown, input: unknown): Promise<ApiResult<unknown>>;
}

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && (API_NAMES as readonly string[]).includes(name);
}

export function parseInput<N extends ApiName>(name: N, input: unknown): ApiInput<N> {
  // A method without arguments may be called with nothing at all.
  const parsed = inputSchemas[name].safeParse(input === undefined || input === null ? {} : input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(input)',
      message: i.message,
    }));
    throw new LexoError(
      'invalid-input',
      `Invalid input for ${name}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  return parsed.data;
}

/** What only a host can do for the core: print HTML to PDF with its Chromium, ask where to save a file. */
export interface HostServices {
  /** Electron: webContents.printToPDF; web host and CLI: headless Chromium when installed. */
  printPdf?: (html: string) => Promise<Uint8Array>;
  /**
   * Electron: the save dialog, then an atomic write. Resolves to the path written, or null when the user
   * cancelled. Hosts without it (browser mode) get the bytes back for a download.
   */
  saveFile?: (fileName: string, data: Uint8Array) => Promise<string | null>;
}

export interface ApiContext extends AppContext {
  db: WritableDb;
  now?: () => Date;
  services?: HostServices;
}

function assembleHandlers(ctx: ApiContext): Handlers {
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...kbHandlers(ctx),
    ...evidenceHandlers(ctx),
    ...engineHandlers(ctx),
    ...casesHandlers(ctx),
    ...reportHandlers(ctx),
  };
  for (const name of API_NAMES) {
    if (typeof handlers[name] !== 'function') throw new Error(`No handler for API method ${name}`);
  }
  return handlers;
}

export function createApi(ctx: ApiContext): LexoApi {
  const handlers = assembleHandlers(ctx);
  const call = async <N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> =>
    handlers[name](parseInput(name, input));
  return {
    call,
    async dispatch(name, input) {
      try {
        if (!isApiName(name)) {
          throw new LexoError(
            'unknown-method',
            `Unknown API method: ${JSON.stringify(name)?.slice(0, 80) ?? String(name)}`,
          );
        }
        return { ok: true, value: await call(name, input as ApiInput<typeof name>) };
      } catch (err) {
        return { ok: false, error: toApiError(err) };
      }
    },
  };
}
