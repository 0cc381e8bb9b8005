import { describe, expect, it } from 'vitest';
import {
  cmdletOf,
  promptCommand,
  prop,
  readPsOutput,
  type PsBlock,
  type PsObject,
  type PsPart,
} from '../../../src-main/core/evidence/ps-output';
import { collectionItems, makeValue } from '../../../src-main/core/evidence/ps-values';
import { lineBreaks } from '../../../src-main/core/evidence/ps-lines';
import { pathologicalInputs } from './bench-evidence';

const objectsOf = (part: PsPart): PsObject[] =>
  part.blocks.flatMap((b: PsBlock) => (b.format === 'text' ? [] : b.objects));

/** name → value text, in output order. */
const asRecord = (o: PsObject) => Object.fromEntries(o.props.map((p) => [p.name, p.value.text]));

const one = (text: string): PsPart => {
  const parts = readPsOutput(text);
  expect(parts).toHaveLength(1);
  return parts[0]!;
};

describe('Format-List', () => {
  it('reads several objects separated by blank lines, names padded, empty values kept', () => {
    const part = one(
      [
        '',
        'Identity                  : LyncOnline',
        'ProxyFqdn                 : sipfed.online.lync.com',
        'AutodiscoverUrl           :',
        '',
        'Identity                  : Exchange Online',
        'ProxyFqdn                 : exap.um.outlook.com',
        'AutodiscoverUrl           :',
        '',
        '',
      ].join('\n'),
    );
    expect(part.command).toBeUndefined();
    expect(part.blocks.map((b) => b.format)).toEqual(['list']);
    expect(objectsOf(part).map(asRecord)).toEqual([
      { Identity: 'LyncOnline', ProxyFqdn: 'sipfed.online.lync.com', AutodiscoverUrl: '' },
      { Identity: 'Exchange Online', ProxyFqdn: 'exap.um.outlook.com', AutodiscoverUrl: '' },
    ]);
    expect(objectsOf(part).map((o) => [o.from, o.to])).toEqual([
      [2, 4],
      [6, 8],
    ]);
  });

  it('keeps names with spaces and finds them without case or spaces', () => {
    const [obj] = objectsOf(one('Target Fqdn   : atl-cs-001.litwareinc.com\nError Message : none\n'));
    expect(obj!.props.map((p) => [p.name, p.key])).toEqual([
      ['Target Fqdn', 'targetfqdn'],
      ['Error Message', 'errormessage'],
    ]);
    expect(prop(obj!, 'targetfqdn')?.text).toBe('atl-cs-001.litwareinc.com');
  });

  it('joins a value chopped at the console width without a space, and a shorter line with one', () => {
    const width = 60;
    const chopped = 'https://autodiscover.litwareinc.com/autodiscover/autodiscover.svc/WSSecurity';
    const first = `Url     : ${chopped.slice(0, width - 10)}`;
    const text = [
      first,
      `          ${chopped.slice(width - 10)}`,
      'Message : A connection attempt failed',
      '          Inner Exception: the host did not respond',
      'Other   : x',
    ].join('\r\n');
    expect(first).toHaveLength(width);
    const [obj] = objectsOf(one(text));
    expect(asRecord(obj!)).toEqual({
      Url: chopped,
      Message: 'A connection attempt failed Inner Exception: the host did not respond',
      Other: 'x',
    });
  });

  it('keeps reading a value across an empty line inside it', () => {
    const [obj] = objectsOf(one('Error Message : first line\n\n                second line\nDiagnosis     : d\n'));
    expect(asRecord(obj!)).toEqual({ 'Error Message': 'first line second line', Diagnosis: 'd' });
  });

  it('reads properties in any order and keeps unknown ones', () => {
    const [obj] = objectsOf(one('Zeta : 1\nProxyFqdn : exap.um.outlook.com\nAlpha : 2\n'));
    expect(obj!.props.map((p) => p.name)).toEqual(['Zeta', 'ProxyFqdn', 'Alpha']);
  });

  it('starts a new object when a property repeats (a paste that lost its blank lines)', () => {
    const objects = objectsOf(one('Identity : a\nEnabled : True\nIdentity : b\nEnabled : False\n'));
    expect(objects.map(asRecord)).toEqual([
      { Identity: 'a', Enabled: 'True' },
      { Identity: 'b', Enabled: 'False' },
    ]);
  });

  it('marks the last object incomplete when the paste ends in the middle of it', () => {
    const objects = objectsOf(one('Identity : a\nEnabled : True\nIsLocal : False\n\nIdentity : b\nEnabled : Tr'));
    expect(objects.map((o) => o.incomplete)).toEqual([false, true]);
  });

  it('reads an indented paste (copied from a mail or a document)', () => {
    const objects = objectsOf(one('    Identity  : a\n    ProxyFqdn : x.y\n'));
    expect(objects.map(asRecord)).toEqual([{ Identity: 'a', ProxyFqdn: 'x.y' }]);
  });
});

describe('values', () => {
  it.each([
    ['exap.um.outl...', true],
    ['exap.um.outl…', true],
    ['exap.um.outlook.com', false],
    ['', false],
  ])('%j is cut: %s', (text, cut) => {
    expect(makeValue(text).incomplete).toBe(cut);
  });

  it('parses collections into arrays', () => {
    expect(makeValue('{SIP:a@b.com, SMTP:a@b.com}')).toEqual({
      text: '{SIP:a@b.com, SMTP:a@b.com}',
      incomplete: false,
      items: ['SIP:a@b.com', 'SMTP:a@b.com'],
    });
    expect(makeValue('{}')).toEqual({ text: '{}', incomplete: false, items: [] });
  });

  it('flags a collection cut at $FormatEnumerationLimit or by the paste', () => {
    expect(collectionItems('{a, b, c, d...}')).toEqual({ items: ['a', 'b', 'c', 'd'], cut: true });
    expect(collectionItems('{a, b, c, d…}')).toEqual({ items: ['a', 'b', 'c', 'd'], cut: true });
    expect(collectionItems('{a, b')).toEqual({ items: ['a', 'b'], cut: true });
  });

  it('does not split inside nested braces', () => {
    expect(collectionItems('{a, {b, c}, d}')).toEqual({ items: ['a', '{b, c}', 'd'], cut: false });
    expect(collectionItems('{}}}, {{')).toEqual({ items: ['}}}', '{{'], cut: true });
  });
});

describe('Format-Table', () => {
  it('reads cells by the rule under the header, numbers right-aligned', () => {
    const part = one(
      [
        'Name                                     Type   TTL   Section    NameTarget                     Priority Weight Port',
        '----                                     ----   ---   -------    ----------                     -------- ------ ----',
        '_sipfederationtls._tcp.litwareinc.com    SRV    3600  Answer     sipfed.online.lync.com              100      1 5061',
      ].join('\n'),
    );
    expect(part.blocks.map((b) => b.format)).toEqual(['table']);
    expect(objectsOf(part).map(asRecord)).toEqual([
      {
        Name: '_sipfederationtls._tcp.litwareinc.com',
        Type: 'SRV',
        TTL: '3600',
        Section: 'Answer',
        NameTarget: 'sipfed.online.lync.com',
        Priority: '100',
        Weight: '1',
        Port: '5061',
      },
    ]);
  });

  it('reads a right-aligned value wider than its header', () => {
    const part = one(['A     Port', '-     ----', 'x   123456', 'yy       1'].join('\n'));
    expect(objectsOf(part).map(asRecord)).toEqual([
      { A: 'x', Port: '123456' },
      { A: 'yy', Port: '1' },
    ]);
  });

  it('flags cells cut with "..." (Windows PowerShell) and "…" (PowerShell 7)', () => {
    const part = one(
      [
        'Identity        VerificationLevel',
        '--------        -----------------',
        'Exchange Online UseSourceVerific...',
        'Other           AlwaysVerifi…',
      ].join('\n'),
    );
    const objects = objectsOf(part);
    expect(objects.map((o) => [prop(o, 'verificationlevel')?.text, o.incomplete])).toEqual([
      ['UseSourceVerific...', true],
      ['AlwaysVerifi…', true],
    ]);
  });

  it('joins the lines of a Format-Table -Wrap row', () => {
    const part = one(
      ['Identity Description', '-------- -----------', 'Global   first part', '         second part'].join('\n'),
    );
    expect(objectsOf(part).map(asRecord)).toEqual([{ Identity: 'Global', Description: 'first part second part' }]);
  });

  it('reads a table then list objects (Resolve-DnsName) as two blocks', () => {
    const part = one(
      [
        'Name                           Type   TTL   Section    NameHost',
        '----                           ----   ---   -------    --------',
        'lyncdiscover.litwareinc.com    CNAME  3600  Answer     webdir.online.lync.com',
        '',
        'Name       : webdir0d.online.lync.com',
        'QueryType  : A',
      ].join('\n'),
    );
    expect(part.blocks.map((b) => b.format)).toEqual(['table', 'list']);
  });

  it('flags a cut column header', () => {
    const part = one(
      ['Identity ExchangeAutodiscoverAllo...', '-------- ---------------------------', 'Global   *'].join('\n'),
    );
    const [obj] = objectsOf(part);
    expect(obj!.props.map((p) => p.name)).toEqual(['Identity', 'ExchangeAutodiscoverAllo']);
    expect(obj!.incomplete).toBe(true);
  });
});

describe('prompts and commands', () => {
  it.each([
    ['PS C:\\Users\\admin> Get-CsHostingProvider', 'Get-CsHostingProvider'],
    ['PS C:\\> Get-CsHostingProvider | fl *', 'Get-CsHostingProvider | fl *'],
    ['[PS] C:\\Windows\\system32>Get-Mailbox kim', 'Get-Mailbox kim'],
    ['[atl-cs-001]: PS C:\\> Get-CsUser', 'Get-CsUser'],
    ['PS> Get-CsOAuthServer', 'Get-CsOAuthServer'],
    ['PS AD:\\> Get-ADUser kim', 'Get-ADUser kim'],
    ['C:\\Users\\admin>nslookup -type=srv _sip._tls.contoso.com', 'nslookup -type=srv _sip._tls.contoso.com'],
    ['PS C:\\>', ''],
  ])('%j runs %j', (line, command) => {
    expect(promptCommand(line)).toBe(command);
  });

  it.each(['Identity : PS C:\\> x', 'PS is a shell', 'Path : C:\\Windows', 'C:\\Windows\\System32', 'Plain text'])(
    '%j is not a prompt',
    (line) => {
      expect(promptCommand(line)).toBeUndefined();
    },
  );

  it.each([
    ['Get-CsHostingProvider -LocalStore | fl *', 'get-cshostingprovider'],
    ['(Get-Mailbox kim).EmailAddresses', 'get-mailbox'],
    ['nslookup.exe sip.contoso.com', 'nslookup'],
    ['', undefined],
  ])('%j is %j', (command, cmdlet) => {
    expect(cmdletOf(command)).toBe(cmdlet);
  });

  it('splits a session on its prompts, keeping each command', () => {
    const parts = readPsOutput(
      [
        'PS C:\\> Get-CsAccessEdgeConfiguration | Select-Object AllowFederatedUsers',
        '',
        'AllowFederatedUsers',
        '-------------------',
        '               True',
        '',
        'PS C:\\> Get-CsHostingProvider',
        'PS C:\\> Get-CsExternalAccessPolicy | fl Identity,EnableOutsideAccess',
        '',
        'Identity            : Global',
        'EnableOutsideAccess : False',
        'PS C:\\>',
      ].join('\r\n'),
    );
    expect(parts.map((p) => [p.command, p.from, p.to, p.blocks.map((b) => b.format)])).toEqual([
      ['Get-CsAccessEdgeConfiguration | Select-Object AllowFederatedUsers', 1, 6, ['table']],
      ['Get-CsHostingProvider', 7, 7, []],
      ['Get-CsExternalAccessPolicy | fl Identity,EnableOutsideAccess', 8, 11, ['list']],
    ]);
  });

  it('keeps the text before the first prompt as a part of its own', () => {
    const parts = readPsOutput('Identity : a\nPS C:\\> Get-CsUser\nSipAddress : sip:a@b.c\n');
    expect(parts.map((p) => [p.command, p.from, p.to])).toEqual([
      [undefined, 1, 1],
      ['Get-CsUser', 2, 4],
    ]);
  });
});

describe('line endings and characters', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s', (_, eol) => {
    const part = one(['Identity : a', 'Enabled  : True', '', 'Identity : b', 'Enabled  : False'].join(eol));
    expect(objectsOf(part).map(asRecord)).toEqual([
      { Identity: 'a', Enabled: 'True' },
      { Identity: 'b', Enabled: 'False' },
    ]);
  });

  it('drops a BOM character, and reads tabs, no-break spaces and trailing spaces as spaces', () => {
    const part = one('\ufeffIdentity\u00a0: a   \nEnabled\t : True\t\n');
    expect(objectsOf(part).map(asRecord)).toEqual([{ Identity: 'a', Enabled: 'True' }]);
  });

  it('splits lines in one pass over CRLF, LF and lone CR mixed', () => {
    expect(lineBreaks('\ufeffa\r\nb\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('error records and notes', () => {
  it('takes a Windows PowerShell error record out of the output', () => {
    const part = one(
      [
        'Resolve-DnsName : _sip._tls.contoso.com : DNS name does not exist',
        'At line:1 char:1',
        '+ Resolve-DnsName -Type SRV _sip._tls.contoso.com',
        '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : ResourceUnavailable: (_sip._tls.contoso.com:String) [Resolve-DnsName], Win32Exception',
        '    + FullyQualifiedErrorId : DNS_ERROR_RCODE_NAME_ERROR,Microsoft.DnsClient.Commands.ResolveDnsName',
      ].join('\n'),
    );
    expect(part.blocks).toEqual([]);
    expect(part.errors).toEqual([
      {
        command: 'Resolve-DnsName',
        message: '_sip._tls.contoso.com : DNS name does not exist',
        category: 'ResourceUnavailable: (_sip._tls.contoso.com:String) [Resolve-DnsName], Win32Exception',
        errorId: 'DNS_ERROR_RCODE_NAME_ERROR,Microsoft.DnsClient.Commands.ResolveDnsName',
        from: 1,
        to: 6,
      },
    ]);
  });

  it("reads PowerShell 7's concise errors and keeps WARNING/VERBOSE lines as notes", () => {
    const part = one(
      'VERBOSE: Workflow run-time (sec): 1.02\nGet-CsUser: Management object not found\nWARNING: slow\n',
    );
    expect(part.errors).toEqual([{ command: 'Get-CsUser', message: 'Management object not found', from: 2, to: 2 }]);
    expect(part.notes.map((n) => n.no)).toEqual([1, 3]);
  });
});

describe('pathological input', () => {
  // The bench holds the real figures; this only catches an algorithm that is no longer linear.
  it.each(Object.keys(pathologicalInputs(1024)))('reads 1 MB of %s in linear time', (name) => {
    const text = pathologicalInputs(1024 * 1024)[name]!;
    const start = performance.now();
    readPsOutput(text);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
