// The Knowledge base screen's state: the list of the chosen kind, the support matrix and the team packs.
// Held by the app so the chosen tab survives a visit to an entry page.
import {
  SEARCH_KINDS,
  type ApiError,
  type ApiResult,
  type KbListItem,
  type Lang,
  type PackInfo,
  type SearchKind,
  type SupportMatrix,
} from '../../src-main/core/contract';
import type { LexoClient } from './client';
import { downloadText } from './download';
import { Resource } from './resource.svelte';

/** The kinds the screen lists, in tab order. */
export const LIST_KINDS: readonly SearchKind[] = SEARCH_KINDS;

/** The outcome of the last pack operation, for the message under the pack list. */
export type PackNotice =
  | { kind: 'imported'; pack: PackInfo; fileName: string }
  | { kind: 'import-failed'; fileName: string; error: ApiError }
  | { kind: 'exported'; fileName: string }
  | { kind: 'export-failed'; id: string; error: ApiError }
  | { kind: 'removed'; id: string }
  | { kind: 'remove-failed'; id: string; error: ApiError };

/** What importing needs of a chosen file (a `File` fits). */
export interface PackFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** Refused before reading: the hosts accept at most 16 MB per request. */
export const MAX_PACK_FILE_BYTES = 16 * 1024 * 1024;

export interface KbStateDeps {
  client: LexoClient;
  /** Called after the knowledge base changed (import, removal): e.g. reload the statistics. */
  onChange?: (() => void) | undefined;
  /** Saves an exported pack; the browser download by default. */
  download?: ((fileName: string, text: string) => void) | undefined;
}

function mapResult<T, U>(result: ApiResult<T>, fn: (value: T) => U): ApiResult<U> {
  return result.ok ? { ok: true, value: fn(result.value) } : result;
}

export class KbState {
  readonly list = new Resource<KbListItem[]>();
  readonly matrix = new Resource<SupportMatrix>();
  readonly packs = new Resource<PackInfo[]>();

  #tab = $state<SearchKind>('symptom');
  #busy = $state<string | null>(null);
  #notice = $state.raw<PackNotice | null>(null);

  readonly #client: LexoClient;
  readonly #onChange: () => void;
  readonly #download: (fileName: string, text: string) => void;
  #lang: Lang = 'en';

  constructor(deps: KbStateDeps) {
    this.#client = deps.client;
    this.#onChange = deps.onChange ?? (() => {});
    this.#download = deps.download ?? ((fileName, text) => downloadText(fileName, text));
  }

  get tab(): SearchKind {
    return this.#tab;
  }

  selectTab(kind: SearchKind): void {
    if (LIST_KINDS.includes(kind)) this.#tab = kind;
  }

  /** The pack operation running now: `import`, or `export:<id>` / `remove:<id>`; null when idle. */
  get busy(): string | null {
    return this.#busy;
  }

  get notice(): PackNotice | null {
    return this.#notice;
  }

  clearNotice(): void {
    this.#notice = null;
  }

  /** Loads the list of the current tab in `lang`. */
  loadList(lang: Lang): Promise<void> {
    this.#lang = lang;
    const kind = this.#tab;
    return this.list.load(kind, async () =>
      mapResult(await this.#client.callCatch('kb.list', { kind, lang }), (v) => v.items),
    );
  }

  loadMatrix(lang: Lang): Promise<void> {
    this.#lang = lang;
    return this.matrix.load('matrix', () => this.#client.callCatch('kb.matrix', { lang }));
  }

  loadPacks(): Promise<void> {
    return this.packs.load('packs', async () =>
      mapResult(await this.#client.callCatch('kb.packs', {}), (v) => v.packs),
    );
  }

  /** Imports a team pack from a chosen file; on failure the notice carries every problem the host found. */
  async importFile(file: PackFile): Promise<boolean> {
    if (this.#busy) return false;
    this.#busy = 'import';
    this.#notice = null;
    try {
      let text: string;
      if (file.size > MAX_PACK_FILE_BYTES) {
        this.#notice = {
          kind: 'import-failed',
          fileName: file.name,
          error: { code: 'invalid-input', message: `${file.name}: larger than 16 MB, not a content pack.` },
        };
        return false;
      }
      try {
        text = await file.text();
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        this.#notice = { kind: 'import-failed', fileName: file.name, error: { code: 'invalid-input', message } };
        return false;
      }
      const result = await this.#client.callCatch('kb.importPack', { text, name: file.name });
      if (!result.ok) {
        this.#notice = { kind: 'import-failed', fileName: file.name, error: result.error };
        return false;
      }
      this.#notice = { kind: 'imported', pack: result.value, fileName: file.name };
      await this.#changed();
      return true;
    } finally {
      this.#busy = null;
    }
  }

  async exportPack(id: string): Promise<boolean> {
    if (this.#busy) return false;
    this.#busy = `export:${id}`;
    this.#notice = null;
    try {
      const result = await this.#client.callCatch('kb.exportPack', { id });
      if (!result.ok) {
        this.#notice = { kind: 'export-failed', id, error: result.error };
        return false;
      }
      this.#download(result.value.fileName, result.value.text);
      this.#notice = { kind: 'exported', fileName: result.value.fileName };
      return true;
    } finally {
      this.#busy = null;
    }
  }

  async removePack(id: string): Promise<boolean> {
    if (this.#busy) return false;
    this.#busy = `remove:${id}`;
    this.#notice = null;
    try {
      const result = await this.#client.callCatch('kb.removePack', { id });
      if (!result.ok) {
        this.#notice = { kind: 'remove-failed', id, error: result.error };
        return false;
      }
      this.#notice = { kind: 'removed', id };
      await this.#changed();
      return true;
    } finally {
      this.#busy = null;
    }
  }

  async #changed(): Promise<void> {
    this.#onChange();
    await Promise.all([this.loadPacks(), this.loadList(this.#lang), this.loadMatrix(this.#lang)]);
  }
}
