// Entry pages (#/kb/<kind>/<id>) with stubbed kb.get views: every field shows, commands copy as shown.
import { cleanup, fireEvent, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KbEntryView, KbKind, Lang } from '../../src-main/core/contract';
import { ARTICLE, CMDLET, MATRIX, STEP, SYMPTOM, TOPIC } from './fixtures';
import { deferred, fail, stubApi, value } from './helpers';
import { go, renderApp, text, visible } from './render';

const VIEWS: KbEntryView[] = [ARTICLE, STEP, CMDLET, SYMPTOM, TOPIC];

function entriesApi(views: KbEntryView[] = VIEWS) {
  return stubApi({
    'kb.get': ({ kind, id, lang }: { kind: KbKind; id: string; lang?: Lang }) => {
      const view = views.find((v) => v.kind === kind && v.id === id);
      if (!view) return fail({ code: 'not-found', message: `No ${kind} "${id}" in the knowledge base` });
      return value({
        ...view,
        lang: lang ?? 'en',
        title: lang === 'en' || !lang ? view.title : `${view.title} (${lang})`,
      });
    },
    'kb.matrix': () => value(MATRIX),
  });
}

let writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  writeText = vi.fn(async (_text: string) => {});
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

afterEach(() => {
  cleanup();
  document.documentElement.lang = '';
});

function section(testId: string): HTMLElement {
  return screen.getByTestId(testId);
}

function headings(level: number): string[] {
  return screen.getAllByRole('heading', { level }).map((h) => visible(h));
}

describe('article page', () => {
  it('shows the KB number, title, status with date, retired badge, applies-to and every section', async () => {
    renderApp(entriesApi().client, { hash: '#/kb/article/kb-2565604' });
    await screen.findByTestId('article-page');

    expect(headings(1)).toEqual([ARTICLE.title]);
    expect(text('kind-badge')).toBe('KB article');
    expect(text('article-kb')).toBe('KB 2565604');
    expect(visible(section('article-status'))).toBe('Removed by Microsoft on April 18, 2023');
    expect(text('article-retired')).toBe('Retired product');
    const removed = visible(section('article-removed'));
    expect(removed).toContain('MicrosoftDocs/OfficeDocs-Support');
    expect(removed).toContain(ARTICLE.removed!.path);
    expect(removed).toContain(ARTICLE.removed!.commit);

    const applies = section('article-applies-to');
    expect(within(applies).getByRole('link', { name: 'Skype for Business Online only' }).getAttribute('href')).toBe(
      '#/kb/topology/sfb-online',
    );
    expect(within(applies).getByRole('link', { name: 'Exchange Online only' }).getAttribute('href')).toBe(
      '#/kb/exchange/exchange-online',
    );
    expect(within(applies).getByRole('link', { name: 'Office 365 worldwide' })).toBeTruthy();
    expect(visible(applies)).toContain('Outlook Web App');
    expect(visible(applies)).toContain('Skype for Business Online, Exchange Online');

    expect(visible(section('article-symptoms'))).toContain(ARTICLE.symptoms);
    expect(visible(section('article-cause'))).toContain(ARTICLE.cause);
    // Line breaks of the resolution are kept in the text (shown with white-space: pre-line).
    expect(screen.getByTestId('article-resolution-text').textContent).toBe(ARTICLE.resolution);
    expect(visible(section('article-verify'))).toContain(ARTICLE.verify);
    expect(screen.getAllByTestId('article-error').map((e) => e.textContent)).toEqual(ARTICLE.errors);
    expect(headings(2)).toEqual(
      expect.arrayContaining([
        'Applies to',
        'Symptoms',
        'Error messages',
        'Cause',
        'Resolution',
        'Commands',
        'Sources',
      ]),
    );

    const seeAlso = section('article-see-also');
    for (const link of [...ARTICLE.steps, ...ARTICLE.features, ...ARTICLE.cmdlets, ...ARTICLE.related]) {
      expect(within(seeAlso).getByRole('link', { name: link.title }).getAttribute('href')).toBe(
        `#/kb/${link.kind}/${link.id}`,
      );
    }
    expect(visible(seeAlso)).toContain('KB 2566790');
  });

  it('renders the public Microsoft link as an external link that cannot reach back, with a copy button', async () => {
    renderApp(entriesApi().client, { hash: '#/kb/article/kb-2565604' });
    const linkSection = await screen.findByTestId('article-link');
    const link = within(linkSection).getByRole('link');
    expect(link.getAttribute('href')).toBe('https://support.microsoft.com/help/2565604');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noreferrer noopener');
    await fireEvent.click(within(linkSection).getByTestId('copy-link'));
    expect(writeText).toHaveBeenCalledWith('https://support.microsoft.com/help/2565604');
  });

  it('cites every source with title, path and address; a non-Microsoft address stays text', async () => {
    renderApp(entriesApi().client, { hash: '#/kb/article/kb-2565604' });
    const sources = await screen.findAllByTestId('source');
    expect(sources).toHaveLength(2);
    expect(visible(sources[0])).toContain('MicrosoftDocs/OfficeDocs-Support');
    expect(visible(sources[0])).toContain(ARTICLE.sources[0]!.path!);
    expect(visible(sources[0])).toContain('https://github.com/MicrosoftDocs/OfficeDocs-Support');
    expect(within(sources[0]!).queryByRole('link')).toBeNull();
    expect(within(sources[1]!).getByRole('link').getAttribute('href')).toBe(
      'https://support.microsoft.com/help/2565604',
    );
  });

  it('shows a published article as Published, without removal details', async () => {
    const published = { ...ARTICLE, status: 'published' as const, removed: undefined, retiredProduct: false };
    renderApp(entriesApi([published]).client, { hash: '#/kb/article/kb-2565604' });
    await screen.findByTestId('article-page');
    expect(text('article-status')).toBe('Published');
    expect(screen.queryByTestId('article-removed')).toBeNull();
    expect(screen.queryByTestId('article-retired')).toBeNull();
  });

  it('copies an error message exactly', async () => {
    renderApp(entriesApi().client, { hash: '#/kb/article/kb-2565604' });
    await fireEvent.click(await screen.findByTestId('copy-error'));
    expect(writeText).toHaveBeenCalledWith(ARTICLE.errors[0]);
  });
});

describe('commands', () => {
  it('marks placeholders visibly and copies the command as shown, with <name> where a value goes', async () => {
    renderApp(entriesApi().client, { hash: '#/kb/article/kb-2565604' });
    const command = await screen.findByTestId('command');

    const placeholder = within(command).getByTestId('command-placeholder');
    expect(placeholder.tagName).toBe('MARK');
    expect(placeholder.textContent).toBe('<sipDomain>');
    expect(placeholder.getAttribute('title')).toBe('Value to fill in');
    expect(placeholder.getAttribute('aria-label')).toBe('Value to fill in: <sipDomain>');
    expect(within(command).getByTestId('command-text').textContent).toBe(
      'Resolve-DnsName -Type SRV _sipfederationtls._tcp.<sipDomain>',
    );
    expect(visible(command)).toContain('Replace before running: <sipDomain>');
    expect(visible(command)).toContain('Check the federation SRV record');
    expect(visible(command)).toContain('Run in: Any Windows PowerShell');

    const button = within(command).getByTestId('copy-command');
    expect(button.getAttribute('aria-label')).toBe('Copy command');
    await fireEvent.click(button);
    expect(writeText).toHaveBeenCalledWith('Resolve-DnsName -Type SRV _sipfederationtls._tcp.<sipDomain>');
    const status = within(command).getByTestId('copy-status');
    expect(status.getAttribute('role')).toBe('status');
    await vi.waitFor(() => expect(visible(status)).toBe('Copied'));
  });

  it('falls back when the Clipboard API is missing, and says so when copying is impossible', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const execCommand = vi.fn(() => false);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    renderApp(entriesApi().client, { hash: '#/kb/article/kb-2565604' });
    const command = await screen.findByTestId('command');
    await fireEvent.click(within(command).getByTestId('copy-command'));
    await vi.waitFor(() => expect(visible(within(command).getByTestId('copy-status'))).toContain('Could not copy'));
    expect(execCommand).toHaveBeenCalledWith('copy');
    Reflect.deleteProperty(document, 'execCommand');
  });
});

describe('step page', () => {
  it('shows number, explanation, enabled features, a block per variant with its condition, action and commands', async () => {
    renderApp(entriesApi().client, { hash: '#/kb/step/step-5-hosting-provider' });
    await screen.findByTestId('step-page');

    expect(headings(1)).toEqual([STEP.title]);
    expect(text('step-number')).toBe('Step 5');
    expect(visible(section('step-explanation'))).toContain(STEP.explanation);
    expect(
      within(section('step-enables')).getByRole('link', { name: 'IM and presence in Outlook on the web' }),
    ).toBeTruthy();

    const variants = screen.getAllByTestId('step-variant');
    expect(variants.map((v) => v.dataset.id)).toEqual(['onprem', 'online']);
    const [onprem, online] = variants as [HTMLElement, HTMLElement];
    expect(within(onprem).getByRole('heading', { level: 3 }).textContent).toBe(
      'Lync Server 2013 on-premises only, Lync Server 2013 hybrid',
    );
    expect(visible(within(onprem).getByTestId('variant-action'))).toBe('Configure');
    expect(visible(within(onprem).getByTestId('variant-dirsync'))).toBe('With directory synchronization');
    expect(within(onprem).getByRole('link', { name: 'Exchange Online only' })).toBeTruthy();
    expect(visible(onprem)).toContain(STEP.variants[0]!.text);
    expect(
      within(onprem)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['Fix', 'Verify']);
    const commands = within(onprem)
      .getAllByTestId('command-text')
      .map((c) => c.textContent);
    expect(commands[0]).toContain('-ProxyFqdn "<proxyFqdn>"');
    expect(commands[1]).toBe('Get-CsHostingProvider -Identity "Exchange Online"');

    expect(visible(within(online).getByTestId('variant-action'))).toBe('Nothing to do');
    expect(within(online).queryAllByTestId('command')).toHaveLength(0);
    expect(within(online).queryByTestId('variant-dirsync')).toBeNull();

    expect(within(section('step-cmdlets')).getByRole('link', { name: 'New-CsHostingProvider' })).toBeTruthy();
    expect(visible(section('step-articles'))).toContain('KB 2614614');
    expect(within(section('step-topics')).getByRole('link', { name: 'OWA integration' })).toBeTruthy();
    expect(visible(section('sources'))).toContain('Lync/owa.md');
  });

  it('copies a fix command with the placeholder marker', async () => {
    renderApp(entriesApi().client, { hash: '#/kb/step/step-5-hosting-provider' });
    const [first] = await screen.findAllByTestId('copy-command');
    await fireEvent.click(first!);
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('-ProxyFqdn "<proxyFqdn>" -IsLocal $False'));
  });
});

describe('cmdlet page', () => {
  it('shows module, where to run it, syntax, parameters with the integration value, notes, examples, links', async () => {
    renderApp(entriesApi().client, { hash: '#/kb/cmdlet/get-cshostingprovider' });
    await screen.findByTestId('cmdlet-page');

    expect(headings(1)).toEqual(['Get-CsHostingProvider']);
    expect(text('cmdlet-module')).toBe('SkypeForBusiness');
    expect(text('cmdlet-run-on')).toBe('Lync Server Management Shell');
    expect(screen.getByTestId('cmdlet-syntax-line').textContent).toBe(CMDLET.syntax[0]);

    const table = within(section('cmdlet-parameters')).getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Parameter', 'Type', 'Description', 'Value for this integration', 'Note']);
    const row = within(table).getByTestId('cmdlet-parameter');
    expect(within(row).getByRole('rowheader').textContent).toBe('-Identity');
    expect(within(row).getByTestId('parameter-value').textContent).toBe('Exchange Online');
    expect(visible(row)).toContain('The name is the one chosen when it was created.');

    expect(visible(section('cmdlet-notes'))).toContain('exap.um.outlook.com');
    expect(within(section('cmdlet-examples')).getByTestId('command-text').textContent).toBe(
      'Get-CsHostingProvider -Identity "Exchange Online"',
    );
    const seeAlso = section('cmdlet-see-also');
    expect(within(seeAlso).getByRole('link', { name: 'New-CsHostingProvider' }).getAttribute('href')).toBe(
      '#/kb/cmdlet/new-cshostingprovider',
    );
    expect(within(seeAlso).getByRole('link', { name: '5. Hosting provider for Exchange Online' })).toBeTruthy();
    expect(within(section('cmdlet-link')).getByRole('link').getAttribute('href')).toBe(CMDLET.link);
  });
});

describe('symptom and topic pages', () => {
  it('symptom: phrases, features, steps and known issues', async () => {
    renderApp(entriesApi().client, { hash: '#/kb/symptom/owa-no-presence' });
    await screen.findByTestId('symptom-page');
    expect(visible(section('symptom-phrases'))).toContain('presence missing in OWA');
    expect(within(section('symptom-features')).getAllByRole('link')).toHaveLength(1);
    expect(within(section('symptom-steps')).getAllByRole('link')).toHaveLength(1);
    expect(visible(section('symptom-articles'))).toContain('KB 2565604');
  });

  it('topic: paragraphs, commands, facts in words, and a source that is not Microsoft stays text', async () => {
    renderApp(entriesApi().client, { hash: '#/kb/topic/topic-owa-integration' });
    await screen.findByTestId('topic-page');
    expect(screen.getByTestId('topic-body').querySelectorAll('p')).toHaveLength(2);
    expect(within(section('topic-commands')).getByTestId('command-text').textContent).toBe(
      'Get-CsAccessEdgeConfiguration',
    );
    const facts = visible(section('topic-facts'));
    expect(facts).toContain('exap.um.outlook.com');
    expect(facts).toContain('sharedAddressSpace Yes');
    expect(facts).toContain('worldwide, gcc-high');
    expect(within(section('sources')).queryByRole('link')).toBeNull();
    expect(visible(section('sources'))).toContain('http://example.com/not-microsoft');
  });
});

describe('loading, language and not found', () => {
  it('asks kb.get in the UI language and reloads when the language changes', async () => {
    const { client, inputsOf } = entriesApi();
    renderApp(client, { hash: '#/kb/article/kb-2565604' });
    await screen.findByTestId('article-page');
    await fireEvent.change(screen.getByTestId('lang-select'), { target: { value: 'fr' } });
    await screen.findByText(`${ARTICLE.title} (fr)`);
    expect(inputsOf('kb.get')).toEqual([
      { kind: 'article', id: 'kb-2565604', lang: 'en' },
      { kind: 'article', id: 'kb-2565604', lang: 'fr' },
    ]);
    expect(text('article-retired')).toBe('Produit retiré');
    expect(visible(section('article-status'))).toBe('Retiré par Microsoft le 18 avril 2023');
  });

  it('shows a loading state, then the page', async () => {
    const later = deferred<ReturnType<typeof value<KbEntryView>>>();
    const { client } = stubApi({ 'kb.get': () => later.promise });
    renderApp(client, { hash: '#/kb/step/step-5-hosting-provider' });
    expect(screen.getByTestId('entry-loading').getAttribute('role')).toBe('status');
    later.resolve(value(STEP));
    expect(await screen.findByTestId('step-page')).toBeTruthy();
  });

  it('says clearly that an entry does not exist', async () => {
    renderApp(entriesApi().client, { hash: '#/kb/article/kb-9999999' });
    const missing = await screen.findByTestId('entry-not-found');
    expect(visible(missing)).toContain('This entry is not in the knowledge base');
    expect(visible(missing)).toContain('kb-9999999');
    expect(headings(1)).toEqual(['This entry is not in the knowledge base']);
  });

  it('names another failure and retries', async () => {
    const answers = [fail({ code: 'database-error', message: 'disk I/O error' }), value<KbEntryView>(SYMPTOM)];
    const { client } = stubApi({ 'kb.get': () => answers.shift()! });
    renderApp(client, { hash: '#/kb/symptom/owa-no-presence' });
    const error = await screen.findByTestId('entry-error');
    expect(visible(error)).toContain('kb.get');
    expect(visible(error)).toContain('disk I/O error');
    await fireEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('symptom-page')).toBeTruthy();
  });

  it('follows links between entries, with Knowledge base current in the navigation', async () => {
    renderApp(entriesApi().client, { hash: '#/kb/article/kb-2565604' });
    await screen.findByTestId('article-page');
    expect(screen.getByTestId('nav-kb').getAttribute('aria-current')).toBe('true');
    go('#/kb/cmdlet/get-cshostingprovider');
    expect(await screen.findByTestId('cmdlet-page')).toBeTruthy();
    expect(screen.queryByTestId('article-page')).toBeNull();
  });
});
