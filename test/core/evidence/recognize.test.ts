// What each part of a paste is: by its prompt line's command, else by its property names; never silent.
import { describe, expect, it } from 'vitest';
import { recognize } from '../../../src-main/core/evidence/recognize';
import { WHAT_LEXO_READS } from '../../../src-main/core/evidence/readers';
import { fixture } from './helpers';

const summary = (text: string) =>
  recognize(text).map((p) => [p.kind, p.command, p.lines.from, p.lines.to, p.records.length]);

describe('recognize', () => {
  it('a session with prompts: each command by its name, a command LEXO does not read said so', () => {
    const parts = recognize(fixture('mixed-session.utf16le-bom.txt').text);
    expect(parts.map((p) => [p.kind, p.command, p.lines, p.records.length])).toEqual([
      ['hosting-provider', 'Get-CsHostingProvider', { from: 1, to: 15 }, 1],
      [
        'access-edge',
        'Get-CsAccessEdgeConfiguration | Select-Object AllowFederatedUsers,RoutingMethod',
        { from: 16, to: 22 },
        1,
      ],
      [
        'external-access-policy',
        'Get-CsExternalAccessPolicy -Identity Global | fl Identity,EnableOutsideAccess',
        { from: 23, to: 30 },
        1,
      ],
      ['cms-replication', 'Get-CsManagementStoreReplicationStatus | ft UpToDate,ReplicaFqdn', { from: 31, to: 38 }, 2],
      [
        'not-recognized',
        'Get-CsClientPolicy -Identity Global | fl DisableEmailComparisonCheck,EnableExchangeContactSync',
        { from: 42, to: 43 },
        0,
      ],
    ]);
    expect(parts[4]!.message).toBe(
      'LEXO does not read the output of "Get-CsClientPolicy -Identity Global | fl ' +
        `DisableEmailComparisonCheck,EnableExchangeContactSync" (lines 42–43). ${WHAT_LEXO_READS}`,
    );
  });

  it('a paste without prompts: each object by its property names, consecutive ones grouped', () => {
    const parts = recognize(fixture('mixed-no-prompts.txt').text);
    expect(parts.map((p) => [p.kind, p.command, p.lines.from, p.lines.to, p.records.length])).toEqual([
      ['hosting-provider', undefined, 1, 9, 1],
      ['access-edge', undefined, 11, 15, 1],
      ['external-access-policy', undefined, 17, 20, 1],
      ['dns', undefined, 24, 24, 1],
      ['not-recognized', undefined, 26, 26, 0],
    ]);
    expect(parts[4]!.message).toBe(`LEXO could not recognize lines 26–26. ${WHAT_LEXO_READS}`);
  });

  it.each([
    ['Identity : x\nProxyFqdn : exap.um.outlook.com', 'hosting-provider'],
    ['HostsOCSUsers : False', 'hosting-provider'],
    ['AllowFederatedUsers : True', 'access-edge'],
    ['Identity : Global\nEnableOutsideAccess : True', 'external-access-policy'],
    ['UpToDate : True\nReplicaFqdn : edge.contoso.com', 'cms-replication'],
    ['Target Fqdn : fe\nResult : Success\nLatency : 00:00:01', 'synthetic-test'],
    ['Identity : Global\nExchangeAutodiscoverUrl : https://x/autodiscover/autodiscover.svc', 'oauth-configuration'],
    [
      'Identity : microsoft.sts\nMetadataUrl : https://accounts.accesscontrol.windows.net/x/metadata/json/1',
      'oauth-server',
    ],
    [
      'Identity : Exchange\nApplicationTrustLevel : Full\nMetadataUrl : https://x/metadata/json/1',
      'partner-application',
    ],
    ['SipAddress : sip:kim@contoso.com', 'user'],
    ['proxyAddresses : {SMTP:kim@contoso.com}', 'user'],
    ['EmailAddresses : {SMTP:kim@contoso.com}', 'user'],
    ['Name : sip.contoso.com\nQueryType : A\nSection : Answer\nIP4Address : 1.2.3.4', 'dns'],
  ])('%j is %s by its property names', (text, kind) => {
    expect(recognize(text).map((p) => p.kind)).toEqual([kind]);
  });

  it('a prompt line decides over the property names', () => {
    // Get-CsUser shows a HostingProvider property: it stays a user.
    const parts = recognize(
      'PS C:\\> Get-CsUser kim | fl SipAddress,HostingProvider\n\nSipAddress      : sip:kim@contoso.com\nHostingProvider : SRV:\n',
    );
    expect(parts.map((p) => p.kind)).toEqual(['user']);
  });

  it('reads an address list printed by (Get-Mailbox kim).EmailAddresses', () => {
    const parts = recognize('PS C:\\> (Get-Mailbox kim).EmailAddresses\nSIP:kim@contoso.com\nSMTP:kim@contoso.com\n');
    expect(parts.map((p) => [p.kind, p.records.length])).toEqual([['user', 1]]);
  });

  it('reads an address list and nslookup text without prompts', () => {
    expect(recognize('SMTP:kim@contoso.com\nsmtp:kim@contoso.mail.onmicrosoft.com\n').map((p) => p.kind)).toEqual([
      'user',
    ]);
    expect(recognize(fixture('nslookup-interactive.txt').text).map((p) => p.kind)).toEqual(['dns']);
  });

  it('an error without a prompt is given to the cmdlet it names', () => {
    expect(
      summary('Get-CsUser : Management object not found for identity "kim".\nAt line:1 char:1\n+ Get-CsUser kim\n'),
    ).toEqual([['user', undefined, 1, 3, 0]]);
    expect(
      summary(
        'Resolve-DnsName : sip.contoso.com : DNS name does not exist\nAt line:1 char:1\n+ Resolve-DnsName sip.contoso.com\n',
      ),
    ).toEqual([['dns', undefined, 1, 3, 1]]);
  });

  describe('not recognized', () => {
    it.each(['', '   \r\n\r\n', '\ufeff'])('empty text %j', (text) => {
      const parts = recognize(text);
      expect(parts).toHaveLength(1);
      expect(parts[0]).toMatchObject({ kind: 'not-recognized', records: [], incomplete: false });
      expect(parts[0]!.message).toBe(`The text is empty. ${WHAT_LEXO_READS}`);
    });

    it('free text', () => {
      expect(recognize('Hello, the customer says OWA shows no presence.')).toEqual([
        {
          kind: 'not-recognized',
          records: [],
          incomplete: false,
          lines: { from: 1, to: 1 },
          message: `LEXO could not recognize lines 1–1. ${WHAT_LEXO_READS}`,
        },
      ]);
    });

    it('a command LEXO does not read, and text after a known command', () => {
      const parts = recognize(fixture('not-recognized.txt').text);
      expect(parts.map((p) => [p.kind, p.command, p.lines])).toEqual([
        [
          'not-recognized',
          'Get-CsClientPolicy -Identity Global | Select-Object DisableFreeBusyInfo,DisplayPhoto',
          { from: 5, to: 8 },
        ],
      ]);
      const after = recognize('PS C:\\> Get-CsHostingProvider\nnothing like PowerShell output here\n');
      expect(after.map((p) => [p.kind, p.message])).toEqual([
        ['not-recognized', `LEXO could not read lines 2–2. ${WHAT_LEXO_READS}`],
      ]);
    });

    it('a command LEXO does not read that printed nothing', () => {
      expect(recognize('PS C:\\> cls\nPS C:\\>\n')).toEqual([
        {
          kind: 'not-recognized',
          command: 'cls',
          records: [],
          incomplete: false,
          lines: { from: 1, to: 1 },
          message: `LEXO does not read the output of "cls". ${WHAT_LEXO_READS}`,
        },
      ]);
    });

    it('objects with unknown properties', () => {
      const parts = recognize('DisableFreeBusyInfo : False\nDisplayPhoto        : AllPhotos\n');
      expect(parts.map((p) => [p.kind, p.lines])).toEqual([['not-recognized', { from: 1, to: 2 }]]);
    });

    it('says what LEXO reads, naming the commands and the DNS names', () => {
      for (const name of [
        'Get-CsHostingProvider',
        'Get-CsAccessEdgeConfiguration',
        'Get-CsExternalAccessPolicy',
        'Get-CsManagementStoreReplicationStatus',
        'Test-CsExStorageConnectivity',
        'Test-CsUnifiedContactStore',
        'Test-CsExUMConnectivity',
        'Get-CsOAuthConfiguration',
        'Get-CsPartnerApplication',
        'Get-CsUser',
        'Get-ADUser',
        'Get-Mailbox',
        'Resolve-DnsName',
        'nslookup',
        'lyncdiscover.<domain>',
        '_sipfederationtls._tcp.<domain>',
        'Format-List',
        'Format-Table',
      ]) {
        expect(WHAT_LEXO_READS).toContain(name);
      }
    });
  });
});
