// `app.info`, loaded through the client: versions, data folder, schema and knowledge-base statistics.
import type { ApiError, AppInfo } from '../../src-main/core/contract';
import type { LexoClient } from './client';

type InfoState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: AppInfo }
  | { status: 'error'; error: ApiError };

export class AppInfoStore {
  #state = $state.raw<InfoState>({ status: 'idle' });
  readonly #client: LexoClient;
  #request = 0;

  constructor(client: LexoClient) {
    this.#client = client;
  }

  get loading(): boolean {
    return this.#state.status === 'loading' || this.#state.status === 'idle';
  }

  get value(): AppInfo | null {
    return this.#state.status === 'ready' ? this.#state.value : null;
  }

  get error(): ApiError | null {
    return this.#state.status === 'error' ? this.#state.error : null;
  }

  /** Loads (or reloads) the information; an answer to an older request is ignored. */
  async load(): Promise<void> {
    const request = ++this.#request;
    this.#state = { status: 'loading' };
    const result = await this.#client.callCatch('app.info', {});
    if (request !== this.#request) return;
    this.#state = result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error };
  }
}
