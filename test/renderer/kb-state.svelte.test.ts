// Resource and KbState on their own: stale answers, lists, packs (import problems, export, remove).
import { describe, expect, it, vi } from 'vitest';
import type { ApiResult, KbEntryView, PackInfo } from '../../src-main/core/contract';
import { KbState, MAX_PACK_FILE_BYTES, type PackFile } from '../../src-renderer/lib/kb.svelte';
import { Resource } from '../../src-renderer/lib/resource.svelte';
import { ARTICLE, LIST, MATRIX, PACKS } from './fixtures';
import { deferred, fail, stubApi, value } from './helpers';

const file = (text: string, name = 'team.json'): PackFile => ({ name, size: text.length, text: async () => text });

describe('Resource', () => {
  it('keeps the newest answer when an older one arrives last', async () => {
    const resource = new Resource<string>();
    const first = deferred<ApiResult<string>>();
    const a = resource.load('a', () => first.promise);
    const b = resource.load('b', async () => value('b'));
    await b;
    first.resolve(value('a'));
    await a;
    expect(resource.value).toBe('b');
    expect(resource.key).toBe('b');
  });

  it('shows the previous value while the same key reloads, and none for another key', async () => {
    const resource = new Resource<KbEntryView>();
    await resource.load('article/kb-2565604', async () => value(ARTICLE));
    const again = deferred<ApiResult<KbEntryView>>();
    void resource.load('article/kb-2565604', () => again.promise);
    expect(resource.loading).toBe(true);
    expect(resource.value).toBe(ARTICLE);
    void resource.load('step/x', () => new Promise(() => {}));
    expect(resource.value).toBeNull();
  });

  it('holds the error, and reset() drops an answer on its way', async () => {
    const resource = new Resource<string>();
    await resource.load('x', async () => fail({ code: 'not-found', message: 'No x' }));
    expect(resource.error?.code).toBe('not-found');
    const late = deferred<ApiResult<string>>();
    const done = resource.load('x', () => late.promise);
    resource.reset();
    late.resolve(value('late'));
    await done;
    expect(resource.status).toBe('idle');
    expect(resource.value).toBeNull();
  });
});

describe('KbState', () => {
  it('lists the current tab in the given language', async () => {
    const { client, inputsOf } = stubApi({ 'kb.list': () => value({ items: LIST }) });
    const kb = new KbState({ client });
    expect(kb.tab).toBe('symptom');
    await kb.loadList('fr');
    kb.selectTab('article');
    await kb.loadList('fr');
    expect(inputsOf('kb.list')).toEqual([
      { kind: 'symptom', lang: 'fr' },
      { kind: 'article', lang: 'fr' },
    ]);
    expect(kb.list.value).toEqual(LIST);
    expect(kb.list.key).toBe('article');
  });

  it('loads the matrix and the packs', async () => {
    const { client, inputsOf } = stubApi({
      'kb.matrix': () => value(MATRIX),
      'kb.packs': () => value({ packs: PACKS }),
    });
    const kb = new KbState({ client });
    await Promise.all([kb.loadMatrix('zh-TW'), kb.loadPacks()]);
    expect(inputsOf('kb.matrix')).toEqual([{ lang: 'zh-TW' }]);
    expect(kb.matrix.value).toEqual(MATRIX);
    expect(kb.packs.value).toEqual(PACKS);
  });

  it('imports the text of the chosen file with its name, then reloads packs, lists and statistics', async () => {
    const imported: PackInfo = PACKS[1]!;
    const onChange = vi.fn();
    const { client, inputsOf } = stubApi({ 'kb.importPack': () => value(imported) });
    const kb = new KbState({ client, onChange });
    await kb.loadList('fr');

    await expect(kb.importFile(file('{"id":"team-contoso"}', 'contoso.json'))).resolves.toBe(true);
    expect(inputsOf('kb.importPack')).toEqual([{ text: '{"id":"team-contoso"}', name: 'contoso.json' }]);
    expect(kb.notice).toEqual({ kind: 'imported', pack: imported, fileName: 'contoso.json' });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(inputsOf('kb.packs')).toHaveLength(1);
    expect(inputsOf('kb.list')).toEqual([
      { kind: 'symptom', lang: 'fr' },
      { kind: 'symptom', lang: 'fr' },
    ]);
    expect(kb.busy).toBeNull();
  });

  it('keeps every problem of an invalid pack, and changes nothing', async () => {
    const issues = [
      { path: 'team.json:entries.symptom.0.title', message: 'missing zh-TW' },
      { path: 'team.json:entries.article.2.steps.0', message: 'unknown step "step-9"' },
    ];
    const onChange = vi.fn();
    const { client } = stubApi({
      'kb.importPack': () => fail({ code: 'pack-error', message: 'The content pack is invalid (2 problems)', issues }),
    });
    const kb = new KbState({ client, onChange });
    await expect(kb.importFile(file('{}'))).resolves.toBe(false);
    expect(kb.notice?.kind).toBe('import-failed');
    expect(kb.notice?.kind === 'import-failed' && kb.notice.error.issues).toEqual(issues);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('refuses a file too large for the hosts without reading it', async () => {
    const { client, inputsOf } = stubApi();
    const kb = new KbState({ client });
    const text = vi.fn(async () => '{}');
    await kb.importFile({ name: 'huge.json', size: MAX_PACK_FILE_BYTES + 1, text });
    expect(text).not.toHaveBeenCalled();
    expect(inputsOf('kb.importPack')).toEqual([]);
    expect(kb.notice?.kind).toBe('import-failed');
  });

  it('exports through the download function with the file name the host chose', async () => {
    const download = vi.fn();
    const { client } = stubApi({
      'kb.exportPack': ({ id }) => value({ fileName: `${id}-1.0.0.lexo-pack.json`, text: '{"id":"team-contoso"}\n' }),
    });
    const kb = new KbState({ client, download });
    await expect(kb.exportPack('team-contoso')).resolves.toBe(true);
    expect(download).toHaveBeenCalledWith('team-contoso-1.0.0.lexo-pack.json', '{"id":"team-contoso"}\n');
    expect(kb.notice).toEqual({ kind: 'exported', fileName: 'team-contoso-1.0.0.lexo-pack.json' });
  });

  it('removes a pack and reports a refusal', async () => {
    const onChange = vi.fn();
    const answers: ApiResult<{ removed: boolean }>[] = [
      value({ removed: true }),
      fail({ code: 'invalid-input', message: '"lexo-core" is the built-in pack and cannot be removed' }),
    ];
    const { client, inputsOf } = stubApi({ 'kb.removePack': () => answers.shift()! });
    const kb = new KbState({ client, onChange });
    await expect(kb.removePack('team-contoso')).resolves.toBe(true);
    expect(kb.notice).toEqual({ kind: 'removed', id: 'team-contoso' });
    expect(onChange).toHaveBeenCalledTimes(1);
    await expect(kb.removePack('lexo-core')).resolves.toBe(false);
    expect(kb.notice?.kind).toBe('remove-failed');
    expect(inputsOf('kb.removePack')).toEqual([{ id: 'team-contoso' }, { id: 'lexo-core' }]);
  });
});
