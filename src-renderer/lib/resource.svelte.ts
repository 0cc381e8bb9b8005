// One value loaded through the API: loading, ready or failed, with answers to older requests ignored.
// `key` names what is loaded (e.g. `article/kb-2565604`): reloading the same key (another language) keeps the
// previous value on screen until the new one arrives, so the page does not flash.
import { untrack } from 'svelte';
import type { ApiError, ApiResult } from '../../src-main/core/contract';

type ResourceState<T> =
  | { status: 'idle' }
  | { status: 'loading'; key: string; previous: T | null }
  | { status: 'ready'; key: string; value: T }
  | { status: 'error'; key: string; error: ApiError };

export class Resource<T> {
  #state = $state.raw<ResourceState<T>>({ status: 'idle' });
  #request = 0;

  get status(): ResourceState<T>['status'] {
    return this.#state.status;
  }

  get key(): string | null {
    return this.#state.status === 'idle' ? null : this.#state.key;
  }

  get loading(): boolean {
    return this.#state.status === 'loading';
  }

  /** The loaded value, or while reloading the same key, the previous one. */
  get value(): T | null {
    if (this.#state.status === 'ready') return this.#state.value;
    if (this.#state.status === 'loading') return this.#state.previous;
    return null;
  }

  get error(): ApiError | null {
    return this.#state.status === 'error' ? this.#state.error : null;
  }

  /**
   * Loads `key` with `fetch`; resolves once this request is settled or overtaken by a newer one. Safe to call
   * from an effect: it does not make the effect depend on this resource.
   */
  async load(key: string, fetch: () => Promise<ApiResult<T>>): Promise<void> {
    const request = ++this.#request;
    const previous = untrack(() => (this.key === key ? this.value : null));
    this.#state = { status: 'loading', key, previous };
    const result = await fetch();
    if (request !== this.#request) return;
    this.#state = result.ok
      ? { status: 'ready', key, value: result.value }
      : { status: 'error', key, error: result.error };
  }

  /** Forgets the value (e.g. after a pack import changed the knowledge base) and drops any answer on its way. */
  reset(): void {
    this.#request++;
    this.#state = { status: 'idle' };
  }
}
