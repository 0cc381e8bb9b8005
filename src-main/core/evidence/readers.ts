// What LEXO can read: for each kind of evidence, the commands that print it, the property names that give it
// away when the prompt line is missing, and how one printed object becomes a record.
import type { PsObject } from './ps-output';
import type { EvidenceKind, EvidenceRecord, SyntheticTest, UserRecord } from './records';
import { dnsFromObject } from './parsers/dns';
import { accessEdgeFrom, externalAccessPolicyFrom, hostingProviderFrom, replicationFrom } from './parsers/lync-config';
import { oauthConfigurationFrom, oauthServerFrom, partnerApplicationFrom } from './parsers/oauth';
import { SYNTHETIC_TEST_CMDLETS, syntheticTestFrom } from './parsers/synthetic-test';
import { userFrom } from './parsers/users';

export interface ReadContext {
  command?: string;
  cmdlet?: string;
}

export interface Reader {
  kind: EvidenceKind;
  /** Lower-case cmdlet or program names whose output this reader takes. */
  cmdlets: string[];
  /** Weights of the property names that point at this kind; an object needs 3 or more to be taken. */
  signature: Record<string, number>;
  fromObject(obj: PsObject, ctx: ReadContext): EvidenceRecord | undefined;
}

const hasFlag = (command: string | undefined, flag: string) =>
  command !== undefined && command.toLowerCase().includes(flag.toLowerCase());

const USER_SOURCES: Record<string, UserRecord['source']> = {
  'get-csuser': 'Get-CsUser',
  'get-csaduser': 'Get-CsUser',
  'get-aduser': 'Get-ADUser',
  'get-mailbox': 'Get-Mailbox',
  'get-recipient': 'Get-Mailbox',
  'get-mailuser': 'Get-Mailbox',
  'get-remotemailbox': 'Get-Mailbox',
};

/** Which cmdlet printed a user object, from its property names when the prompt line is missing. */
function userSource(obj: PsObject, cmdlet: string | undefined): UserRecord['source'] {
  const known = cmdlet ? USER_SOURCES[cmdlet] : undefined;
  if (known) return known;
  const keys = new Set(obj.props.map((p) => p.key));
  if (keys.has('sipaddress') || keys.has('registrarpool')) return 'Get-CsUser';
  if (keys.has('emailaddresses') || keys.has('primarysmtpaddress') || keys.has('recipienttypedetails')) {
    return 'Get-Mailbox';
  }
  return 'Get-ADUser';
}

export const READERS: Reader[] = [
  {
    kind: 'hosting-provider',
    cmdlets: ['get-cshostingprovider'],
    signature: { proxyfqdn: 3, hostsocsusers: 3, enabledsharedaddressspace: 3, verificationlevel: 2, islocal: 1 },
    fromObject: (obj, ctx) => hostingProviderFrom(obj, hasFlag(ctx.command, '-LocalStore')),
  },
  {
    kind: 'access-edge',
    cmdlets: ['get-csaccessedgeconfiguration'],
    signature: {
      allowfederatedusers: 3,
      enablepartnerdiscovery: 3,
      usednssrvrouting: 3,
      beclearinghouse: 3,
      routingmethod: 2,
      allowoutsideusers: 2,
      allowanonymoususers: 2,
      marksourceverifiableonoutgoingmessages: 3,
    },
    fromObject: (obj, ctx) => accessEdgeFrom(obj, hasFlag(ctx.command, '-LocalStore')),
  },
  {
    kind: 'external-access-policy',
    cmdlets: ['get-csexternalaccesspolicy'],
    signature: { enableoutsideaccess: 3, enablefederationaccess: 3, enablepubliccloudaccess: 3, enablexmppaccess: 2 },
    fromObject: (obj) => externalAccessPolicyFrom(obj),
  },
  {
    kind: 'cms-replication',
    cmdlets: ['get-csmanagementstorereplicationstatus'],
    signature: { uptodate: 3, replicafqdn: 2, laststatusreport: 2, lastupdatecreation: 2, productversion: 1 },
    fromObject: (obj) => replicationFrom(obj),
  },
  {
    kind: 'synthetic-test',
    cmdlets: Object.keys(SYNTHETIC_TEST_CMDLETS),
    signature: { result: 1, targetfqdn: 1, latency: 1, diagnosis: 1, errormessage: 1, error: 1 },
    fromObject: (obj, ctx) =>
      syntheticTestFrom(
        obj,
        ctx.cmdlet ? (SYNTHETIC_TEST_CMDLETS[ctx.cmdlet] as SyntheticTest | undefined) : undefined,
      ),
  },
  {
    kind: 'oauth-configuration',
    cmdlets: ['get-csoauthconfiguration'],
    signature: {
      exchangeautodiscoverurl: 3,
      partnerapplications: 3,
      oauthservers: 3,
      clientauthorizationoauthserveridentity: 3,
      exchangeautodiscoveralloweddomains: 3,
      clientadalauthoverride: 3,
      servicename: 1,
    },
    fromObject: (obj) => oauthConfigurationFrom(obj),
  },
  {
    kind: 'oauth-server',
    cmdlets: ['get-csoauthserver'],
    signature: { metadataurl: 2, authorizationurioverride: 3 },
    fromObject: (obj) => oauthServerFrom(obj),
  },
  {
    kind: 'partner-application',
    cmdlets: ['get-cspartnerapplication'],
    signature: {
      applicationtrustlevel: 3,
      applicationidentifier: 3,
      useoauthserver: 3,
      acceptsecurityidentifierinformation: 3,
      authtoken: 2,
    },
    fromObject: (obj) => partnerApplicationFrom(obj),
  },
  {
    kind: 'user',
    cmdlets: Object.keys(USER_SOURCES),
    signature: {
      sipaddress: 3,
      registrarpool: 3,
      proxyaddresses: 3,
      'msrtcsip-primaryuseraddress': 3,
      emailaddresses: 3,
      mail: 2,
      windowsemailaddress: 2,
      primarysmtpaddress: 2,
      recipienttypedetails: 2,
      samaccountname: 1,
      userprincipalname: 1,
      distinguishedname: 1,
    },
    fromObject: (obj, ctx) => userFrom(obj, userSource(obj, ctx.cmdlet)),
  },
  {
    kind: 'dns',
    cmdlets: ['resolve-dnsname', 'nslookup'],
    signature: {
      namehost: 3,
      nametarget: 3,
      ip4address: 2,
      ip6address: 2,
      querytype: 2,
      section: 1,
      ttl: 1,
      ipaddress: 1,
    },
    fromObject: (obj) => dnsFromObject(obj),
  },
];

const BY_CMDLET = new Map<string, Reader>();
for (const r of READERS) for (const c of r.cmdlets) BY_CMDLET.set(c, r);

export function readerForCmdlet(cmdlet: string | undefined): Reader | undefined {
  return cmdlet ? BY_CMDLET.get(cmdlet) : undefined;
}

const PARTNER_KEYS = new Set(['applicationtrustlevel', 'applicationidentifier', 'useoauthserver', 'authtoken']);

/** An OAuth server has an Identity and a MetadataUrl, and none of a partner application's own fields. */
function oauthServerScore(obj: PsObject, score: number): number {
  if (obj.props.some((p) => PARTNER_KEYS.has(p.key))) return 0;
  return obj.props.some((p) => p.key === 'identity') ? score + 1 : 0;
}

/** The reader an object's property names point at, or undefined when none scores 3. */
export function readerForObject(obj: PsObject): Reader | undefined {
  let best: Reader | undefined;
  let bestScore = 0;
  for (const r of READERS) {
    let score = 0;
    for (const p of obj.props) score += r.signature[p.key] ?? 0;
    // A synthetic test needs its Result; an OAuth server is an OAuth server only without partner-app fields.
    if (r.kind === 'synthetic-test' && !obj.props.some((p) => p.key === 'result')) score = 0;
    if (r.kind === 'oauth-server') score = oauthServerScore(obj, score);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return bestScore >= 3 ? best : undefined;
}

/** For "not recognized" messages: what LEXO can read. */
export const WHAT_LEXO_READS =
  'LEXO reads the output of Get-CsHostingProvider, Get-CsAccessEdgeConfiguration, Get-CsExternalAccessPolicy, ' +
  'Get-CsManagementStoreReplicationStatus, Test-CsExStorageConnectivity, Test-CsUnifiedContactStore, ' +
  'Test-CsExUMConnectivity, Get-CsOAuthConfiguration, Get-CsOAuthServer, Get-CsPartnerApplication, Get-CsUser, ' +
  'Get-ADUser (proxyAddresses, mail, msRTCSIP-PrimaryUserAddress), Get-Mailbox (EmailAddresses), and ' +
  'Resolve-DnsName or nslookup for lyncdiscover.<domain>, sip.<domain>, _sipfederationtls._tcp.<domain> and ' +
  '_sip._tls.<domain>; as PowerShell prints it (Format-List, Format-Table, "| fl *"), with or without the ' +
  '"PS C:\\>" prompt lines.';
