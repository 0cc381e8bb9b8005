// The knowledge base's names for what the case form offers (topologies, Exchange sides, clouds, features) and for
// the checklist's steps, in the UI language. When a list cannot be loaded the form still works with the ids.
import type { ApiError, KbKind, KbListItem, Lang } from '../../src-main/core/contract';
import type { LexoClient } from './client';
import { Resource } from './resource.svelte';

export const OPTION_KINDS = ['topology', 'exchange', 'cloud', 'feature', 'step'] as const satisfies readonly KbKind[];
export type OptionKind = (typeof OPTION_KINDS)[number];

export class CaseOptions {
  readonly #lists: Record<OptionKind, Resource<KbListItem[]>> = {
    topology: new Resource(),
    exchange: new Resource(),
    cloud: new Resource(),
    feature: new Resource(),
    step: new Resource(),
  };
  readonly #client: LexoClient;

  constructor(client: LexoClient) {
    this.#client = client;
  }

  /** Loads every list in `lang`; the previous language's titles stay until the new ones arrive. */
  load(lang: Lang): Promise<void> {
    return Promise.all(
      OPTION_KINDS.map((kind) =>
        this.#lists[kind].load(kind, async () => {
          const result = await this.#client.callCatch('kb.list', { kind, lang });
          return result.ok ? { ok: true, value: result.value.items } : result;
        }),
      ),
    ).then(() => undefined);
  }

  items(kind: OptionKind): KbListItem[] {
    return this.#lists[kind].value ?? [];
  }

  /** The entry's title in the loaded language, or `fallback` (or the id) when the list does not have it. */
  title(kind: OptionKind, id: string, fallback?: string): string {
    return this.items(kind).find((item) => item.id === id)?.title ?? fallback ?? id;
  }

  /** The first list that failed, for one notice. */
  get error(): ApiError | null {
    for (const kind of OPTION_KINDS) {
      const error = this.#lists[kind].error;
      if (error) return error;
    }
    return null;
  }
}
