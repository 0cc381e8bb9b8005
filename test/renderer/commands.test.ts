// Commands with placeholders, the copy fallback and the external-link rule.
import { describe, expect, it, vi } from 'vitest';
import { copyText } from '../../src-renderer/lib/clipboard';
import { commandParts, commandText, placeholdersOf } from '../../src-renderer/lib/commands';
import { keyed } from '../../src-renderer/lib/keys';
import { isDocLink } from '../../src-renderer/lib/links';

describe('commands', () => {
  const cmd = 'Set-CsUser -Identity {{userSipAddress}} -SipAddress "sip:{{ userSipAddress }}@{{sipDomain}}"';

  it('cuts a command into text and placeholders, in order, with their offsets', () => {
    expect(commandParts('Get-CsHostingProvider')).toEqual([{ at: 0, text: 'Get-CsHostingProvider' }]);
    expect(commandParts('a {{sipDomain}} b')).toEqual([
      { at: 0, text: 'a ' },
      { at: 2, placeholder: 'sipDomain' },
      { at: 15, text: ' b' },
    ]);
    expect(commandParts('{{x}}{{y}}')).toEqual([
      { at: 0, placeholder: 'x' },
      { at: 5, placeholder: 'y' },
    ]);
  });

  it('writes every placeholder as <name> in the text that is shown and copied', () => {
    expect(commandText(cmd)).toBe(
      'Set-CsUser -Identity <userSipAddress> -SipAddress "sip:<userSipAddress>@<sipDomain>"',
    );
    expect(commandText('Get-CsHostingProvider')).toBe('Get-CsHostingProvider');
  });

  it('leaves braces that are not placeholders alone (PowerShell script blocks)', () => {
    const where = 'Get-CsUser | Where-Object {$_.SipAddress -like "*{{sipDomain}}"}';
    expect(commandText(where)).toBe('Get-CsUser | Where-Object {$_.SipAddress -like "*<sipDomain>"}');
    expect(commandText('@{Add="x"}')).toBe('@{Add="x"}');
  });

  it('lists the distinct placeholders', () => {
    expect(placeholdersOf(cmd)).toEqual(['userSipAddress', 'sipDomain']);
  });
});

describe('copyText', () => {
  it('uses the Clipboard API when it works', async () => {
    const writeText = vi.fn(async () => {});
    await expect(copyText('abc', { clipboard: { writeText } })).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('abc');
  });

  it('falls back to a selected text area and execCommand when the API is missing or refuses', async () => {
    const execCommand = vi.fn(() => true);
    const doc = Object.assign(document, { execCommand });
    const refuse = { writeText: vi.fn(async () => Promise.reject(new Error('NotAllowedError'))) };
    await expect(copyText('abc', { clipboard: refuse, document: doc })).resolves.toBe(true);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(document.querySelector('textarea')).toBeNull();
    await expect(copyText('abc', { document: doc })).resolves.toBe(true);
  });

  it('reports failure when nothing can copy', async () => {
    const doc = Object.assign(document, { execCommand: () => false });
    await expect(copyText('abc', { document: doc })).resolves.toBe(false);
    await expect(copyText('abc', {})).resolves.toBe(false);
  });
});

describe('isDocLink', () => {
  it.each([
    ['https://support.microsoft.com/help/2565604', true],
    ['https://learn.microsoft.com/powershell/module/skypeforbusiness/get-cshostingprovider', true],
    ['http://support.microsoft.com/help/2565604', false],
    ['https://support.microsoft.com.evil.example/help', false],
    ['https://user:pw@learn.microsoft.com/', false],
    ['https://learn.microsoft.com:8443/', false],
    ['javascript:alert(1)', false],
    ['https://github.com/MicrosoftDocs/OfficeDocs-Support', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isDocLink(url)).toBe(expected);
  });
});

describe('keyed', () => {
  it('keys items by content and numbers repeats', () => {
    expect(keyed(['a', 'b', 'a'], (x) => x).map((k) => k.key)).toEqual(['a', 'b', 'a#2']);
    expect(keyed(undefined, (x: string) => x)).toEqual([]);
  });
});
