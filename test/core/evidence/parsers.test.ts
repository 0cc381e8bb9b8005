// Each command, in each form it is pasted, read into typed records (the fixtures are real encodings).
import { describe, expect, it } from 'vitest';
import { recognize, type RecognizedPart } from '../../../src-main/core/evidence/recognize';
import type { EvidenceRecord } from '../../../src-main/core/evidence/records';
import { fixture } from './helpers';

const read = (name: string, encoding?: string): RecognizedPart[] => {
  const item = fixture(name);
  if (encoding) expect(item.encoding).toBe(encoding);
  return recognize(item.text);
};

const records = (parts: RecognizedPart[]): EvidenceRecord[] => parts.flatMap((p) => p.records);
const kinds = (parts: RecognizedPart[]) => parts.map((p) => p.kind);

const EXCHANGE_ONLINE = {
  kind: 'hosting-provider',
  identity: 'Exchange Online',
  name: 'Exchange Online',
  proxyFqdn: 'exap.um.outlook.com',
  verificationLevel: 'UseSourceVerification',
  enabled: true,
  enabledSharedAddressSpace: true,
  hostsOcsUsers: false,
  isLocal: false,
  localStore: false,
  cut: [],
  other: {},
};

describe('Get-CsHostingProvider', () => {
  it('Format-List, two providers, UTF-16LE with BOM and CRLF, no prompt', () => {
    const parts = read('get-cshostingprovider-hybrid.utf16le-bom.txt', 'utf-16le');
    expect(parts).toEqual([
      {
        kind: 'hosting-provider',
        records: [
          {
            kind: 'hosting-provider',
            identity: 'LyncOnline',
            name: 'LyncOnline',
            proxyFqdn: 'sipfed.online.lync.com',
            verificationLevel: 'UseSourceVerification',
            enabled: true,
            enabledSharedAddressSpace: true,
            hostsOcsUsers: true,
            isLocal: false,
            autodiscoverUrl: 'https://webdir.online.lync.com/Autodiscover/AutodiscoverService.svc/root',
            localStore: false,
            cut: [],
            other: {},
          },
          EXCHANGE_ONLINE,
        ],
        incomplete: false,
        lines: { from: 3, to: 21 },
      },
    ]);
  });

  it('Format-List with its prompt, UTF-16LE without BOM', () => {
    const parts = read('get-cshostingprovider-wrong.utf16le.txt', 'utf-16le');
    expect(parts.map((p) => [p.kind, p.command])).toEqual([
      ['hosting-provider', 'Get-CsHostingProvider -Identity "Exchange Online"'],
    ]);
    expect(records(parts)).toEqual([
      {
        ...EXCHANGE_ONLINE,
        proxyFqdn: 'exap.um.outlook.cn',
        verificationLevel: 'AlwaysVerifiable',
        enabled: false,
        hostsOcsUsers: true,
        isLocal: true,
      },
    ]);
  });

  it('Format-Table with cut cells', () => {
    const parts = read('get-cshostingprovider-table.txt');
    expect(parts.map((p) => [p.kind, p.incomplete])).toEqual([['hosting-provider', true]]);
    expect(records(parts)).toEqual([
      {
        kind: 'hosting-provider',
        identity: 'LyncOnline',
        proxyFqdn: 'sipfed.online.lync.com',
        verificationLevel: 'UseSourceVerific...',
        enabled: true,
        hostsOcsUsers: true,
        isLocal: false,
        localStore: false,
        cut: ['verificationLevel'],
        other: {},
      },
      {
        kind: 'hosting-provider',
        identity: 'Exchange Online',
        proxyFqdn: 'exap.um.outlook.com',
        verificationLevel: 'UseSourceVerific...',
        enabled: true,
        hostsOcsUsers: false,
        isLocal: false,
        localStore: false,
        cut: ['verificationLevel'],
        other: {},
      },
    ]);
  });

  it('-LocalStore | fl *, UTF-8 with BOM: the Edge replica, extra properties kept', () => {
    const parts = read('get-cshostingprovider-localstore-fl-star.utf8-bom.txt', 'utf-8-bom');
    const [r] = records(parts);
    expect(r).toMatchObject({ ...EXCHANGE_ONLINE, enabledSharedAddressSpace: false, localStore: true });
    expect(r!.other).toEqual({
      Element:
        '<HostingProvider Name="Exchange Online" ProxyFqdn="exap.um.outlook.com" Enabled="true" ' +
        'EnabledSharedAddressSpace="false" HostsOCSUsers="false" VerificationLevel="UseSourceVerification" ' +
        'IsLocal="false" xmlns="urn:schema:Microsoft.Rtc.Management.Settings.Edge.2008" />',
    });
  });

  it('a command that printed nothing is an empty answer, not a failure to read', () => {
    expect(read('get-cshostingprovider-empty.txt')).toEqual([
      {
        kind: 'hosting-provider',
        command: 'Get-CsHostingProvider',
        records: [],
        incomplete: false,
        lines: { from: 1, to: 1 },
        empty: true,
      },
    ]);
  });

  it('a paste that lost its blank lines and ends mid-object', () => {
    const parts = read('pasted-cut.txt');
    expect(parts.map((p) => [p.kind, p.incomplete, p.records.length])).toEqual([['hosting-provider', true, 2]]);
    expect(records(parts)[1]).toEqual({
      kind: 'hosting-provider',
      identity: 'Exchange Online',
      name: 'Exchange Online',
      proxyFqdn: 'exap.um.outlook.com',
      verificationLevel: 'UseSourceVerification',
      localStore: false,
      cut: [],
      other: {},
    });
  });
});

describe('Get-CsAccessEdgeConfiguration', () => {
  it('Format-List', () => {
    const [r] = records(read('get-csaccessedgeconfiguration.txt'));
    expect(r).toMatchObject({
      kind: 'access-edge',
      identity: 'Global',
      allowFederatedUsers: false,
      allowOutsideUsers: true,
      enablePartnerDiscovery: false,
      routingMethod: 'UseDnsSrvRouting',
      localStore: false,
      cut: [],
    });
    expect(Object.keys((r as { other: object }).other)).toHaveLength(15);
  });

  it('Select-Object as a table, booleans right-aligned', () => {
    expect(records(read('get-csaccessedgeconfiguration-table.txt'))).toEqual([
      {
        kind: 'access-edge',
        allowFederatedUsers: true,
        allowOutsideUsers: true,
        enablePartnerDiscovery: false,
        routingMethod: 'UseDefaultRouting',
        localStore: false,
        cut: [],
        other: {},
      },
    ]);
  });

  it('UseDnsSrvRouting shown as a boolean', () => {
    const parts = recognize(
      'PS C:\\> Get-CsAccessEdgeConfiguration | fl UseDnsSrvRouting\n\nUseDnsSrvRouting : False\n',
    );
    expect(records(parts)).toEqual([
      { kind: 'access-edge', routingMethod: 'UseDefaultRouting', localStore: false, cut: [], other: {} },
    ]);
  });
});

describe('Get-CsExternalAccessPolicy', () => {
  it('Format-List, a description wrapped at the console width', () => {
    expect(records(read('get-csexternalaccesspolicy.txt'))).toEqual([
      {
        kind: 'external-access-policy',
        identity: 'Global',
        enableOutsideAccess: false,
        enableFederationAccess: true,
        cut: [],
        other: {
          Description: '',
          EnableXmppAccess: 'False',
          EnablePublicCloudAccess: 'False',
          EnablePublicCloudAudioVideoAccess: 'False',
        },
      },
      {
        kind: 'external-access-policy',
        identity: 'Tag:RemoteAccess',
        enableOutsideAccess: true,
        enableFederationAccess: true,
        cut: [],
        other: {
          Description:
            'Remote users: telecommuters, travelling staff and IM from Outlook Web App in Exchange Online (a user ' +
            'signing in to IM from OWA counts as remote, see hh533880)',
          EnableXmppAccess: 'False',
          EnablePublicCloudAccess: 'False',
          EnablePublicCloudAudioVideoAccess: 'False',
        },
      },
    ]);
  });

  it('Select-Object as a table', () => {
    expect(records(read('get-csexternalaccesspolicy-table.txt'))).toEqual([
      {
        kind: 'external-access-policy',
        identity: 'Global',
        enableOutsideAccess: false,
        enableFederationAccess: true,
        cut: [],
        other: {},
      },
      {
        kind: 'external-access-policy',
        identity: 'Tag:NoFederation',
        enableOutsideAccess: false,
        enableFederationAccess: false,
        cut: [],
        other: {},
      },
    ]);
  });
});

describe('Get-CsManagementStoreReplicationStatus', () => {
  it('Format-List, UTF-16LE, three replicas', () => {
    const rs = records(read('get-csmanagementstorereplicationstatus.txt', 'utf-16le'));
    expect(rs.map((r) => r.kind === 'cms-replication' && [r.replicaFqdn, r.upToDate])).toEqual([
      ['atl-cs-001.litwareinc.com', true],
      ['atl-cs-002.litwareinc.com', true],
      ['atl-edge-001.litwareinc.com', false],
    ]);
    expect(rs[2]).toEqual({
      kind: 'cms-replication',
      replicaFqdn: 'atl-edge-001.litwareinc.com',
      upToDate: false,
      lastStatusReport: '8/20/2024 4:15:02 PM',
      lastUpdateCreation: '8/22/2024 9:40:31 AM',
      cut: [],
      other: { ProductVersion: '5.0.8308.0' },
    });
  });

  it('Format-Table', () => {
    const rs = records(read('get-csmanagementstorereplicationstatus-table.txt'));
    expect(rs.map((r) => r.kind === 'cms-replication' && [r.replicaFqdn, r.upToDate, r.lastStatusReport])).toEqual([
      ['atl-cs-001.litwareinc.com', true, '8/22/2024 9:42:27 AM'],
      ['atl-edge-001.litwareinc.com', true, '8/22/2024 9:42:40 AM'],
    ]);
  });

  it('filtered on UpToDate -eq $False and empty', () => {
    expect(read('get-csmanagementstorereplicationstatus-filtered-empty.txt')).toEqual([
      {
        kind: 'cms-replication',
        command: 'Get-CsManagementStoreReplicationStatus | Where-Object {$_.UpToDate -eq $False}',
        records: [],
        incomplete: false,
        lines: { from: 1, to: 1 },
        empty: true,
      },
    ]);
  });
});

describe('synthetic transactions', () => {
  it('Test-CsExStorageConnectivity, Success', () => {
    expect(records(read('test-csexstorageconnectivity-success.txt'))).toEqual([
      {
        kind: 'synthetic-test',
        test: 'exstorage',
        targetFqdn: 'atl-cs-001.litwareinc.com',
        result: 'Success',
        latency: '00:00:03.1234567',
        cut: [],
        other: {},
      },
    ]);
  });

  it('Test-CsExStorageConnectivity, Failure with an Error Message wrapped at the console width (UTF-16LE)', () => {
    expect(records(read('test-csexstorageconnectivity-failure.txt', 'utf-16le'))).toEqual([
      {
        kind: 'synthetic-test',
        test: 'exstorage',
        targetFqdn: 'atl-cs-001.litwareinc.com',
        result: 'Failure',
        latency: '00:00:00',
        errorMessage:
          'The remote server returned an error: (401) Unauthorized. Exchange did not accept the OAuth token ' +
          'presented by the Lync Server Storage Service for ' +
          'https://autodiscover.litwareinc.com/autodiscover/autodiscover.svc/WSSecurity',
        diagnosis: 'HTTP/1.1 401 Unauthorized',
        cut: [],
        other: {},
      },
    ]);
  });

  it('Test-CsExStorageConnectivity -Verbose answering 401 invalid_tenant (support article)', () => {
    const parts = read('test-csexstorageconnectivity-verbose-401.txt');
    expect(records(parts)).toEqual([
      {
        kind: 'synthetic-test',
        test: 'exstorage',
        result: 'Failure',
        errorMessage: 'HTTP/1.1 401 Unauthorizedrequest-id: 33086db3-69f9-4cdf-8ffe-ee364539e113',
        diagnosis: "The tenant for tenant guid 'contoso.com' does not exist. (invalid_tenant)",
        cut: [],
        other: {},
      },
    ]);
  });

  it('Test-CsUnifiedContactStore, Failure with a two-line message', () => {
    expect(records(read('test-csunifiedcontactstore-failure.txt'))).toEqual([
      {
        kind: 'synthetic-test',
        test: 'ucs',
        targetFqdn: 'atl-cs-001.litwareinc.com',
        result: 'Failure',
        latency: '00:00:00',
        errorMessage:
          'Unable to connect to the Exchange mailbox of the user. The Autodiscover lookup for kenmyer@litwareinc.com failed.',
        cut: [],
        other: {},
      },
    ]);
  });

  it('Test-CsExUMConnectivity, Success then Failure, two prompts', () => {
    const parts = read('test-csexumconnectivity.txt');
    expect(parts.map((p) => [p.kind, p.lines])).toEqual([
      ['synthetic-test', { from: 1, to: 10 }],
      ['synthetic-test', { from: 11, to: 26 }],
    ]);
    const failure = records(parts)[1]!;
    expect(failure).toMatchObject({ test: 'exum', result: 'Failure', latency: '00:00:00' });
    expect(failure.kind === 'synthetic-test' && failure.errorMessage).toBe(
      '10060, A connection attempt failed because the connected party did not properly respond after a period of ' +
        'time, or established connection failed because connected host has failed to respond 10.188.116.96:5061 ' +
        'Inner Exception:A connection attempt failed because the connected party did not properly respond after a ' +
        'period of time, or established connection failed because connected host has failed to respond 10.188.116.96:5061',
    );
  });

  it("Lync 2010's shape (TargetFqdn, Error) and a Format-Table", () => {
    const list = recognize(
      'TargetFqdn : atl-cs-001.litwareinc.com\nResult     : Failure\nLatency    : 00:00:00\nError      : 504 Server time-out\nDiagnosis  :\n',
    );
    expect(records(list)).toEqual([
      {
        kind: 'synthetic-test',
        targetFqdn: 'atl-cs-001.litwareinc.com',
        result: 'Failure',
        latency: '00:00:00',
        errorMessage: '504 Server time-out',
        cut: [],
        other: {},
      },
    ]);
    const table = recognize(
      'PS C:\\> Test-CsUnifiedContactStore -TargetFqdn fe.contoso.com | ft\n\nTarget Fqdn    Result  Latency  Error Message Diagnosis\n-----------    ------  -------  ------------- ---------\nfe.contoso.com Success 00:00:01\n',
    );
    expect(records(table)).toEqual([
      {
        kind: 'synthetic-test',
        test: 'ucs',
        targetFqdn: 'fe.contoso.com',
        result: 'Success',
        latency: '00:00:01',
        cut: [],
        other: {},
      },
    ]);
  });
});

describe('OAuth', () => {
  it('Get-CsOAuthConfiguration', () => {
    expect(records(read('get-csoauthconfiguration.txt'))).toEqual([
      {
        kind: 'oauth-configuration',
        identity: 'Global',
        partnerApplications: [],
        oauthServers: [],
        realm: 'litwareinc.com',
        serviceName: '00000004-0000-0ff1-ce00-000000000000',
        exchangeAutodiscoverUrl: 'https://autodiscover.litwareinc.com/autodiscover/autodiscover.xml',
        cut: [],
        other: {
          ClientAuthorizationOAuthServerIdentity: '',
          ExchangeAutodiscoverAllowedDomains: '*',
          ClientAdalAuthOverride: 'Disallowed',
          AlternateAudienceUrl: '',
        },
      },
    ]);
  });

  it('Get-CsOAuthServer', () => {
    expect(records(read('get-csoauthserver.txt'))).toEqual([
      {
        kind: 'oauth-server',
        identity: 'microsoft.sts',
        metadataUrl: 'https://accounts.accesscontrol.windows.net/litwareinc.onmicrosoft.com/metadata/json/1',
        cut: [],
        other: { AuthorizationUriOverride: '' },
      },
    ]);
  });

  it('Get-CsPartnerApplication | Format-List *', () => {
    expect(records(read('get-cspartnerapplication-fl-star.txt'))).toEqual([
      {
        kind: 'partner-application',
        identity: 'microsoft.exchange',
        applicationIdentifier: '00000002-0000-0ff1-ce00-000000000000',
        applicationTrustLevel: 'Full',
        enabled: true,
        useOAuthServer: true,
        cut: [],
        other: { AuthToken: 'Value_Not_Available', AcceptSecurityIdentifierInformation: 'False' },
      },
      {
        kind: 'partner-application',
        identity: 'Exchange',
        applicationIdentifier: '00000002-0000-0ff1-ce00-000000000000',
        applicationTrustLevel: 'Full',
        enabled: true,
        useOAuthServer: false,
        metadataUrl: 'https://autodiscover.litwareinc.com/autodiscover/metadata/json/1',
        cut: [],
        other: { AuthToken: 'Value_Not_Available', AcceptSecurityIdentifierInformation: 'False' },
      },
    ]);
  });

  it('Get-CsPartnerApplication and Get-CsOAuthServer printing nothing', () => {
    expect(read('get-cspartnerapplication-empty.txt').map((p) => [p.kind, p.empty])).toEqual([
      ['partner-application', true],
      ['oauth-server', true],
    ]);
  });
});

describe('users', () => {
  it('Get-CsUser, HomeServer chopped mid-word at the console width', () => {
    const [r] = records(read('get-csuser.txt'));
    expect(r).toMatchObject({
      kind: 'user',
      source: 'Get-CsUser',
      identity: 'CN=Ken Myer,OU=Users,OU=Litware,DC=litwareinc,DC=com',
      displayName: 'Ken Myer',
      sipAddress: 'sip:kenmyer@litwareinc.com',
      externalAccessPolicy: '',
      cut: [],
    });
    expect((r as { other: Record<string, string> }).other.HomeServer).toBe(
      'CN=Lc Services,CN=Microsoft,CN=1:1,CN=Pools,CN=RTC Service,CN=Services,CN=Configuration,DC=litwareinc,DC=com',
    );
  });

  it('Get-ADUser -Properties proxyAddresses,mail,msRTCSIP-PrimaryUserAddress', () => {
    expect(records(read('get-aduser.txt'))).toEqual([
      {
        kind: 'user',
        source: 'Get-ADUser',
        identity: 'kenmyer',
        displayName: 'Ken Myer',
        userPrincipalName: 'kenmyer@litwareinc.com',
        primaryUserAddress: 'sip:kenmyer@litwareinc.com',
        proxyAddresses: ['SMTP:kenmyer@litwareinc.com', 'smtp:kenmyer@litwareinc.mail.onmicrosoft.com'],
        proxyAddressesCut: false,
        mail: '',
        cut: [],
        other: {
          DistinguishedName: 'CN=Ken Myer,OU=Users,OU=Litware,DC=litwareinc,DC=com',
          Enabled: 'True',
          GivenName: 'Ken',
          ObjectClass: 'user',
          ObjectGUID: '5a3c1f0e-8b3f-4c4e-9d7e-2f1d6c9e4b21',
          SID: 'S-1-5-21-1004336348-1177238915-682003330-1108',
          Surname: 'Myer',
        },
      },
    ]);
  });

  it('Get-ADUser | Select-Object as a table, the address list cut', () => {
    expect(records(read('get-aduser-table.txt'))).toEqual([
      {
        kind: 'user',
        source: 'Get-ADUser',
        identity: 'pilar',
        mail: 'pilar@litwareinc.com',
        proxyAddresses: ['SIP:pilar@litwareinc.com', 'SMTP:pilar@litwareinc.com', 'smtp:pilar@litwareinc.mail'],
        proxyAddressesCut: true,
        cut: ['proxyAddresses'],
        other: {},
      },
    ]);
  });

  it('Get-Mailbox | fl, EmailAddresses wrapped and cut at $FormatEnumerationLimit (UTF-16LE)', () => {
    expect(records(read('get-mailbox-fl.txt', 'utf-16le'))).toEqual([
      {
        kind: 'user',
        source: 'Get-Mailbox',
        identity: 'kenmyer',
        userPrincipalName: 'kenmyer@litwareinc.com',
        proxyAddresses: [
          'SMTP:kenmyer@litwareinc.com',
          'smtp:ken.myer@litwareinc.com',
          'smtp:kenmyer@litwareinc.mail.onmicrosoft.com',
          'X500:/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=5a3c1f0e8b3f4c4e9d7e2f1d6c9e4b21-kenmyer',
        ],
        proxyAddressesCut: true,
        windowsEmailAddress: 'kenmyer@litwareinc.com',
        primarySmtpAddress: 'kenmyer@litwareinc.com',
        cut: ['proxyAddresses'],
        other: {},
      },
    ]);
  });

  it('Get-Mailbox | fl, a collection wrapped right after a comma', () => {
    expect(records(read('get-mailbox-fl-sip.txt'))).toEqual([
      {
        kind: 'user',
        source: 'Get-Mailbox',
        identity: 'pilar',
        proxyAddresses: [
          'SIP:pilar@litwareinc.com',
          'SMTP:pilar@litwareinc.com',
          'smtp:pilar.ackerman@litwareinc.com',
          'smtp:pilar@litwareinc.mail.onmicrosoft.com',
        ],
        proxyAddressesCut: false,
        cut: [],
        other: {},
      },
    ]);
  });

  it('Get-Mailbox | Select-Object -ExpandProperty EmailAddresses: one address a line', () => {
    expect(records(read('get-mailbox-expandproperty.txt'))).toEqual([
      {
        kind: 'user',
        source: 'Get-Mailbox',
        proxyAddresses: [
          'SMTP:kenmyer@litwareinc.com',
          'smtp:kenmyer@litwareinc.mail.onmicrosoft.com',
          'X500:/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=5a3c1f0e8b3f4c4e9d7e2f1d6c9e4b21-kenmyer',
        ],
        proxyAddressesCut: false,
        cut: [],
        other: {},
      },
    ]);
  });

  it('(Get-ADUser kim -Properties proxyAddresses).proxyAddresses', () => {
    const parts = recognize(
      'PS C:\\> (Get-ADUser kim -Properties proxyAddresses).proxyAddresses\nsip:kim@contoso.com\nSMTP:kim@contoso.com\n',
    );
    expect(records(parts)).toEqual([
      {
        kind: 'user',
        source: 'Get-ADUser',
        proxyAddresses: ['sip:kim@contoso.com', 'SMTP:kim@contoso.com'],
        proxyAddressesCut: false,
        cut: [],
        other: {},
      },
    ]);
  });

  it('Get-CsUser answering "Management object not found"', () => {
    expect(read('get-csuser-not-found.txt')).toEqual([
      {
        kind: 'user',
        command: 'Get-CsUser -Identity "sip:nobody@litwareinc.com"',
        records: [],
        incomplete: false,
        lines: { from: 1, to: 8 },
        errors: ['Get-CsUser : Management object not found for identity "sip:nobody@litwareinc.com".'],
      },
    ]);
  });
});

describe('DNS', () => {
  it('Resolve-DnsName: SRV table with an Additional A record, CNAME chain with its A record', () => {
    const parts = read('resolve-dnsname-online.txt');
    expect(parts.map((p) => [p.kind, p.command])).toEqual([
      ['dns', 'Resolve-DnsName -Type SRV _sipfederationtls._tcp.litwareinc.com'],
      ['dns', 'Resolve-DnsName lyncdiscover.litwareinc.com'],
    ]);
    expect(records(parts)).toEqual([
      {
        kind: 'dns',
        name: '_sipfederationtls._tcp.litwareinc.com',
        type: 'SRV',
        target: 'sipfed.online.lync.com',
        port: 5061,
        priority: 100,
        weight: 1,
        section: 'Answer',
        cut: [],
        other: { TTL: '3600' },
      },
      {
        kind: 'dns',
        name: 'sipfed.online.lync.com',
        type: 'A',
        address: '52.112.66.70',
        section: 'Additional',
        cut: [],
        other: { TTL: '60' },
      },
      {
        kind: 'dns',
        name: 'lyncdiscover.litwareinc.com',
        type: 'CNAME',
        target: 'webdir.online.lync.com',
        section: 'Answer',
        cut: [],
        other: { TTL: '3600' },
      },
      {
        kind: 'dns',
        name: 'webdir.online.lync.com',
        type: 'CNAME',
        target: 'webdir0d.online.lync.com',
        section: 'Answer',
        cut: [],
        other: { TTL: '300' },
      },
      {
        kind: 'dns',
        name: 'webdir0d.online.lync.com',
        type: 'A',
        address: '52.112.196.50',
        section: 'Answer',
        cut: [],
        other: { TTL: '60' },
      },
    ]);
  });

  it('Resolve-DnsName on-premises records, A tables (UTF-16LE)', () => {
    const rs = records(read('resolve-dnsname-onprem.txt', 'utf-16le'));
    expect(rs.map((r) => r.kind === 'dns' && [r.name, r.type, r.target ?? r.address, r.port])).toEqual([
      ['_sipfederationtls._tcp.litwareinc.com', 'SRV', 'access.litwareinc.com', 5061],
      ['access.litwareinc.com', 'A', '131.107.155.10', undefined],
      ['_sip._tls.litwareinc.com', 'SRV', 'access.litwareinc.com', 443],
      ['lyncdiscover.litwareinc.com', 'A', '131.107.155.20', undefined],
      ['sip.litwareinc.com', 'A', '131.107.155.10', undefined],
    ]);
  });

  it('Resolve-DnsName: "DNS name does not exist" and an SOA-only answer are missing records', () => {
    const parts = read('resolve-dnsname-missing.txt');
    const rs = records(parts);
    expect(rs.map((r) => r.kind === 'dns' && [r.name, r.type, r.reason ?? r.target ?? r.address])).toEqual([
      ['_sipfederationtls._tcp.litwareinc.com', 'MISSING', 'DNS name does not exist'],
      ['litwareinc.com', 'SOA', 'ns1.litwareinc.com'],
      ['_sip._tls.litwareinc.com', 'MISSING', 'no SRV record'],
      ['lyncdiscover.litwareinc.com', 'CNAME', 'lyncweb.litwareinc.com'],
      ['lyncweb.litwareinc.com', 'A', '131.107.155.20'],
    ]);
    expect(parts[0]!.errors).toEqual([
      'Resolve-DnsName : _sipfederationtls._tcp.litwareinc.com : DNS name does not exist',
    ]);
  });

  it('nslookup from cmd.exe: SRV, Aliases chains, "Non-existent domain"', () => {
    const parts = read('nslookup-online.txt');
    expect(kinds(parts)).toEqual(['dns', 'dns', 'dns', 'dns']);
    expect(
      records(parts).map((r) => r.kind === 'dns' && [r.name, r.type, r.target ?? r.address ?? r.reason, r.port]),
    ).toEqual([
      ['_sip._tls.litwareinc.com', 'SRV', 'sipdir.online.lync.com', 443],
      ['sip.litwareinc.com', 'CNAME', 'sipdir.online.lync.com', undefined],
      ['sipdir.online.lync.com', 'A', '52.112.66.12', undefined],
      ['lyncdiscover.litwareinc.com', 'CNAME', 'webdir.online.lync.com', undefined],
      ['webdir.online.lync.com', 'CNAME', 'webdir.online.lync.com.edgekey.net', undefined],
      ['webdir.online.lync.com.edgekey.net', 'CNAME', 's-0005-office.config.skype.com', undefined],
      ['s-0005-office.config.skype.com', 'AAAA', '2603:1037::15', undefined],
      ['_sipfederationtls._tcp.litwareinc.com', 'MISSING', 'Non-existent domain', undefined],
    ]);
  });

  it('interactive nslookup without prompts: SRV and "canonical name"', () => {
    const parts = read('nslookup-interactive.txt');
    expect(records(parts)).toEqual([
      {
        kind: 'dns',
        name: '_sipfederationtls._tcp.litwareinc.com',
        type: 'SRV',
        priority: 0,
        weight: 0,
        port: 5061,
        target: 'access.litwareinc.com',
        cut: [],
        other: {},
      },
      {
        kind: 'dns',
        name: 'lyncdiscover.litwareinc.com',
        type: 'CNAME',
        target: 'webdir.online.lync.com',
        cut: [],
        other: {},
      },
    ]);
  });

  it("PowerShell 7's concise DNS error", () => {
    const parts = recognize(
      'PS C:\\> Resolve-DnsName sip.contoso.com\nResolve-DnsName: sip.contoso.com : DNS name does not exist\n',
    );
    expect(records(parts)).toEqual([
      { kind: 'dns', name: 'sip.contoso.com', type: 'MISSING', reason: 'DNS name does not exist', cut: [], other: {} },
    ]);
  });
});

describe('every command as a Format-Table (Select-Object of four properties or fewer)', () => {
  // The rule under each header, as PowerShell draws it ("Target Fqdn" is one column).
  const table = (command: string, header: string, row: string) => {
    const rule = header.replace('Target Fqdn', 'Target_Fqdn').replace(/\S/g, '-');
    return `PS C:\\> ${command}\n\n${header}\n${rule}\n${row}\n\n`;
  };
  it.each([
    [
      table(
        'Get-CsHostingProvider | ft Identity,ProxyFqdn',
        'Identity        ProxyFqdn',
        'Exchange Online exap.um.outlook.com',
      ),
      { kind: 'hosting-provider', identity: 'Exchange Online', proxyFqdn: 'exap.um.outlook.com' },
    ],
    [
      table(
        'Get-CsAccessEdgeConfiguration | ft Identity,AllowFederatedUsers',
        'Identity AllowFederatedUsers',
        'Global                 False',
      ),
      { kind: 'access-edge', identity: 'Global', allowFederatedUsers: false },
    ],
    [
      table(
        'Get-CsExternalAccessPolicy | ft Identity,EnableOutsideAccess',
        'Identity EnableOutsideAccess',
        'Global                 True',
      ),
      { kind: 'external-access-policy', identity: 'Global', enableOutsideAccess: true },
    ],
    [
      table('Get-CsManagementStoreReplicationStatus | ft', 'UpToDate ReplicaFqdn', '   False edge.contoso.com'),
      { kind: 'cms-replication', replicaFqdn: 'edge.contoso.com', upToDate: false },
    ],
    [
      table(
        'Test-CsExStorageConnectivity -SipUri sip:kim@contoso.com | ft',
        'Target Fqdn    Result  Latency',
        'fe.contoso.com Failure 00:00:00',
      ),
      { kind: 'synthetic-test', test: 'exstorage', targetFqdn: 'fe.contoso.com', result: 'Failure' },
    ],
    [
      table(
        'Test-CsExUMConnectivity -TargetFqdn fe.contoso.com | ft',
        'Target Fqdn    Result  Latency',
        'fe.contoso.com Success 00:00:02',
      ),
      { kind: 'synthetic-test', test: 'exum', result: 'Success' },
    ],
    [
      table(
        'Get-CsOAuthConfiguration | Select-Object Identity,Realm,ServiceName,ExchangeAutodiscoverUrl',
        'Identity Realm       ServiceName                          ExchangeAutodiscoverUrl',
        'Global   contoso.com 00000004-0000-0ff1-ce00-000000000000 https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc',
      ),
      {
        kind: 'oauth-configuration',
        realm: 'contoso.com',
        exchangeAutodiscoverUrl: 'https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc',
      },
    ],
    [
      table(
        'Get-CsOAuthServer | Select-Object Identity,MetadataUrl',
        'Identity      MetadataUrl',
        'microsoft.sts https://accounts.accesscontrol.windows.net/contoso.com/metadata/json/1',
      ),
      { kind: 'oauth-server', identity: 'microsoft.sts' },
    ],
    [
      table(
        'Get-CsPartnerApplication | ft Identity,ApplicationTrustLevel,UseOAuthServer,Enabled',
        'Identity           ApplicationTrustLevel UseOAuthServer Enabled',
        'microsoft.exchange Full                            True    True',
      ),
      { kind: 'partner-application', identity: 'microsoft.exchange', useOAuthServer: true, enabled: true },
    ],
    [
      table(
        'Get-CsUser kim | Select-Object SipAddress,ExternalAccessPolicy',
        'SipAddress          ExternalAccessPolicy',
        'sip:kim@contoso.com Tag:RemoteAccess',
      ),
      {
        kind: 'user',
        source: 'Get-CsUser',
        sipAddress: 'sip:kim@contoso.com',
        externalAccessPolicy: 'Tag:RemoteAccess',
      },
    ],
    [
      table(
        'Get-Mailbox kim | Select-Object PrimarySmtpAddress,WindowsEmailAddress',
        'PrimarySmtpAddress WindowsEmailAddress',
        'kim@contoso.com    kim@contoso.com',
      ),
      {
        kind: 'user',
        source: 'Get-Mailbox',
        primarySmtpAddress: 'kim@contoso.com',
        windowsEmailAddress: 'kim@contoso.com',
      },
    ],
    [
      table(
        'Resolve-DnsName sip.contoso.com',
        'Name            Type TTL  Section IPAddress',
        'sip.contoso.com A    3600 Answer  131.107.1.1',
      ),
      { kind: 'dns', name: 'sip.contoso.com', type: 'A', address: '131.107.1.1' },
    ],
  ])('%#: %j', (text, expected) => {
    const parts = recognize(text);
    expect(parts.map((p) => p.kind)).toEqual([expected.kind]);
    expect(records(parts)).toEqual([expect.objectContaining(expected)]);
  });

  it('the same commands as Format-List *: Get-CsAccessEdgeConfiguration | fl * keeps every property', () => {
    const text =
      'PS C:\\> Get-CsAccessEdgeConfiguration | fl *\n\nIdentity            : Global\nAllowFederatedUsers : True\nRoutingMethod       : UseDnsSrvRouting\nElement             : <AccessEdgeConfiguration xmlns="urn:schema:Microsoft.Rtc.Management.Settings.Edge.2008" />\n';
    expect(records(recognize(text))).toEqual([
      {
        kind: 'access-edge',
        identity: 'Global',
        allowFederatedUsers: true,
        routingMethod: 'UseDnsSrvRouting',
        localStore: false,
        cut: [],
        other: {
          Element: '<AccessEdgeConfiguration xmlns="urn:schema:Microsoft.Rtc.Management.Settings.Edge.2008" />',
        },
      },
    ]);
  });
});
