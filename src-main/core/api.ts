import { API_NAMES, type ApiInput, type ApiName, type ApiOutput, type ApiResult } from './contract';
import { appHandlers, type AppContext } from './app/handlers';
import type { WritableDb } from './db/sqlite';
import { engineHandlers } from './engine/handlers';
import { evidenceHandlers } from './evidence/handlers';
import { kbHandlers } from './kb/handlers';
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

export interface ApiContext extends AppContext {
  db: WritableDb;
  now?: () => Date;
}

function assembleHandlers(ctx: ApiContext): Handlers {
  const handlers: Handlers = { ...appHandlers(ctx), ...kbHandlers(ctx), ...evidenceHandlers(), ...engineHandlers(ctx) };
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
