// The Knowledge base screen: lists by kind, the support matrix table, content packs (import, export, remove).
import { cleanup, fireEvent, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, PackInfo } from '../../src-main/core/contract';
import { LIST, MATRIX, PACKS } from './fixtures';
import { fail, stubApi, value, type Handlers } from './helpers';
import { renderApp, visible } from './render';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  document.documentElement.lang = '';
});

function kbApi(extra: Handlers = {}) {
  let packs = [...PACKS];
  return stubApi({
    'kb.list': ({ kind }) => value({ items: LIST.map((item) => ({ ...item, kind, id: `${kind}-${item.id}` })) }),
    'kb.matrix': () => value(MATRIX),
    'kb.packs': () => value({ packs }),
    'kb.removePack': ({ id }) => {
      packs = packs.filter((p) => p.id !== id);
      return value({ removed: true });
    },
    ...extra,
  });
}

function chooseFile(input: HTMLElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  return fireEvent.change(input);
}

describe('lists by kind', () => {
  it('shows a tab per kind and lists the chosen kind, each item linking to its page', async () => {
    const { client, inputsOf } = kbApi();
    renderApp(client, { hash: '#/kb' });

    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      'Symptoms',
      'KB articles',
      'Configuration steps',
      'Cmdlets',
      'Topics',
    ]);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    const items = await screen.findAllByTestId('kb-item');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole('link').getAttribute('href')).toBe('#/kb/symptom/symptom-owa-no-presence');

    await fireEvent.click(screen.getByTestId('kb-tab-cmdlet'));
    await vi.waitFor(() => expect(screen.getByTestId('kb-list').dataset.kind).toBe('cmdlet'));
    await screen.findAllByTestId('kb-item');
    expect(screen.getByTestId('kb-list').dataset.kind).toBe('cmdlet');
    expect(within(screen.getAllByTestId('kb-item')[0]!).getByRole('link').getAttribute('href')).toBe(
      '#/kb/cmdlet/cmdlet-owa-no-presence',
    );
    expect(inputsOf('kb.list').map((i) => i.kind)).toEqual(['symptom', 'cmdlet']);
  });

  it('moves between tabs with the arrow keys', async () => {
    renderApp(kbApi().client, { hash: '#/kb' });
    const first = screen.getByTestId('kb-tab-symptom');
    await fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(screen.getByTestId('kb-tab-article').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('kb-tab-article'));
    await fireEvent.keyDown(screen.getByTestId('kb-tab-article'), { key: 'ArrowLeft' });
    await fireEvent.keyDown(screen.getByTestId('kb-tab-symptom'), { key: 'ArrowLeft' });
    expect(screen.getByTestId('kb-tab-topic').getAttribute('aria-selected')).toBe('true');
  });
});

describe('support matrix', () => {
  it('is a table with features as rows and topologies as columns, each cell in words with an icon', async () => {
    renderApp(kbApi().client, { hash: '#/kb' });
    const table = await screen.findByTestId('support-matrix');
    expect(table.tagName).toBe('TABLE');
    expect(table.getAttribute('aria-labelledby')).toBeTruthy();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => visible(h)),
    ).toEqual([
      'Feature',
      'Skype for Business Online only',
      'Lync Server 2013 on-premises only',
      'Lync Server 2013 hybrid',
    ]);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => within(h).getByRole('link').textContent),
    ).toEqual(['Free/Busy information', 'Unified Contact Store']);

    const ucs = screen.getAllByTestId('matrix-row')[1]!;
    const cells = within(ucs).getAllByTestId('matrix-cell');
    expect(cells.map((c) => c.querySelector('[data-support]')?.getAttribute('data-support'))).toEqual([
      'yes',
      'no',
      'partial',
    ]);
    expect(cells.map((c) => visible(c.querySelector('[data-support]')))).toEqual(['Yes', 'No', 'Partial']);
    for (const cell of cells) expect(cell.querySelector('svg')).not.toBeNull();

    // The note is shown with the feature, and the no/partial cells point to it.
    const note = within(ucs).getByTestId('matrix-note');
    expect(note.textContent).toBe(MATRIX.features[1]!.note);
    expect(cells[0]!.hasAttribute('aria-describedby')).toBe(false);
    expect(cells[1]!.getAttribute('aria-describedby')).toBe(note.id);
    expect(cells[2]!.getAttribute('aria-describedby')).toBe(note.id);
    expect(within(screen.getAllByTestId('matrix-row')[0]!).queryByTestId('matrix-note')).toBeNull();
  });

  it('translates the cells', async () => {
    renderApp(kbApi().client, { hash: '#/kb', language: 'zh-TW' });
    const table = await screen.findByTestId('support-matrix');
    const words = within(table)
      .getAllByTestId('matrix-cell')
      .map((c) => visible(c.querySelector('[data-support]')));
    expect(words).toEqual(['支援', '支援', '支援', '支援', '不支援', '部分支援']);
  });
});

describe('content packs', () => {
  it('lists the packs with source, version and counts, and keeps the statistics', async () => {
    renderApp(kbApi().client, { hash: '#/kb' });
    const packs = await screen.findAllByTestId('pack');
    expect(packs.map((p) => p.dataset.id)).toEqual(['lexo-core', 'team-contoso']);
    expect(visible(within(packs[0]!).getByTestId('pack-source'))).toBe('Built-in');
    expect(visible(within(packs[1]!).getByTestId('pack-source'))).toBe('Team pack');
    expect(visible(within(packs[0]!).getByTestId('pack-version'))).toBe('0.2.0');
    expect(visible(within(packs[0]!).getByTestId('pack-counts'))).toBe('7 Configuration steps, 12 KB articles');
    expect(within(packs[0]!).queryByTestId('pack-remove')).toBeNull();
    expect(within(packs[1]!).getByTestId('pack-remove')).toBeTruthy();
    expect(await screen.findByTestId('kb-stats')).toBeTruthy();
  });

  it('imports the chosen file and shows every problem of an invalid pack', async () => {
    const issues = [
      { path: 'team.json:entries.symptom.0.title', message: 'missing zh-TW' },
      { path: 'team.json:entries.article.2.steps.0', message: 'unknown step "step-9"' },
      { path: 'team.json:version', message: 'Required' },
    ];
    const error: ApiError = { code: 'pack-error', message: 'The content pack is invalid (3 problems)', issues };
    const { client, inputsOf } = kbApi({ 'kb.importPack': () => fail(error) });
    renderApp(client, { hash: '#/kb' });

    const input = screen.getByTestId('pack-import') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toContain('.json');
    expect(screen.getByLabelText('Import a team pack')).toBe(input);
    await chooseFile(input, new File(['{"id":"team-x"}'], 'team.json', { type: 'application/json' }));

    const shown = await screen.findByTestId('pack-import-error');
    expect(inputsOf('kb.importPack')).toEqual([{ text: '{"id":"team-x"}', name: 'team.json' }]);
    expect(visible(shown)).toContain('team.json was not imported: 3 problems to fix.');
    const rows = within(shown).getAllByTestId('pack-issue');
    expect(rows.map((r) => [r.querySelector('code')?.textContent, visible(r.querySelector('.issue-message'))])).toEqual(
      issues.map((i) => [i.path, i.message]),
    );
    expect(shown.closest('[role="alert"]')).not.toBeNull();
  });

  it('shows the message of a failure that lists no problems', async () => {
    const { client } = kbApi({ 'kb.importPack': () => fail({ code: 'invalid-input', message: 'not JSON' }) });
    renderApp(client, { hash: '#/kb' });
    await chooseFile(screen.getByTestId('pack-import'), new File(['nope'], 'broken.json'));
    expect(visible(await screen.findByTestId('pack-import-error'))).toContain('broken.json was not imported: not JSON');
  });

  it('confirms an import and reloads the packs and the statistics', async () => {
    const team: PackInfo = { ...PACKS[1]!, id: 'team-new', version: '2.0.0' };
    const { client, inputsOf } = kbApi({ 'kb.importPack': () => value(team) });
    renderApp(client, { hash: '#/kb' });
    await screen.findAllByTestId('pack');
    const infoCalls = inputsOf('app.info').length;
    await chooseFile(screen.getByTestId('pack-import'), new File(['{}'], 'new.json'));
    expect(visible(await screen.findByTestId('pack-imported'))).toBe('Imported team-new version 2.0.0 from new.json.');
    expect(inputsOf('kb.packs').length).toBeGreaterThanOrEqual(2);
    expect(inputsOf('app.info').length).toBe(infoCalls + 1);
  });

  it('exports a pack as a downloaded file named by the host', async () => {
    const { client, inputsOf } = kbApi({
      'kb.exportPack': ({ id }) => value({ fileName: `${id}-1.0.0.lexo-pack.json`, text: '{"format":"lexo-pack"}\n' }),
    });
    const { download } = renderApp(client, { hash: '#/kb' });
    const team = (await screen.findAllByTestId('pack'))[1]!;
    await fireEvent.click(within(team).getByTestId('pack-export'));
    await screen.findByText('Saved team-contoso-1.0.0.lexo-pack.json.');
    expect(inputsOf('kb.exportPack')).toEqual([{ id: 'team-contoso' }]);
    expect(download).toHaveBeenCalledWith('team-contoso-1.0.0.lexo-pack.json', '{"format":"lexo-pack"}\n');
  });

  it('removes a team pack only after confirmation; Cancel keeps it', async () => {
    const { client, inputsOf } = kbApi();
    renderApp(client, { hash: '#/kb' });
    const team = (await screen.findAllByTestId('pack'))[1]!;

    await fireEvent.click(within(team).getByTestId('pack-remove'));
    const confirm = within(team).getByTestId('pack-confirm');
    expect(visible(confirm)).toContain('Remove the team pack “team-contoso”?');
    expect(inputsOf('kb.removePack')).toEqual([]);
    await fireEvent.click(within(confirm).getByTestId('pack-cancel-remove'));
    expect(within(team).queryByTestId('pack-confirm')).toBeNull();
    expect(inputsOf('kb.removePack')).toEqual([]);

    await fireEvent.click(within(team).getByTestId('pack-remove'));
    await fireEvent.click(within(team).getByTestId('pack-confirm-remove'));
    await screen.findByText('Removed team-contoso.');
    expect(inputsOf('kb.removePack')).toEqual([{ id: 'team-contoso' }]);
    await vi.waitFor(() => expect(screen.getAllByTestId('pack')).toHaveLength(1));
  });
});
