// Facts and findings from evidence, in the case's context: asserted exactly.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/core/contract';
import {
  analyzeEvidence,
  evaluateEvidence,
  recognizeEvidence,
  type EvidenceContext,
} from '../../../src-main/core/evidence/analyze';
import { Outcome } from '../../../src-main/core/evidence/rules/outcome';
import { fixture } from './helpers';

const analyze = (files: string[], ctx: EvidenceContext = {}) => analyzeEvidence(files.map(fixture), ctx);
const ids = (findings: Finding[]) => findings.map((f) => [f.id, f.severity, f.conclusion]);
const byId = (findings: Finding[], id: string) => findings.find((f) => f.id === id)!;

const NEW_PROVIDER =
  'New-CsHostingProvider -Identity "Exchange Online" -Enabled $True -EnabledSharedAddressSpace {{enabledSharedAddressSpace}} ' +
  '-HostsOCSUsers $False -ProxyFqdn "{{proxyFqdn}}" -IsLocal $False -VerificationLevel UseSourceVerification';
const BOTH_SOURCES =
  'The support article (KB 2614614) creates the provider with -EnabledSharedAddressSpace $False for Lync Server ' +
  'on-premises only and $True for a hybrid deployment; the TechNet topic (hh533880) shows $True in every case.';

describe('step 5: the hosting provider', () => {
  it('right provider in a hybrid: step 5 done, nothing to report', () => {
    const r = analyze(['get-cshostingprovider-hybrid.utf16le-bom.txt'], {
      topology: 'lync2013-hybrid',
      cloud: 'worldwide',
    });
    expect(r.facts).toEqual({
      'provider.exists': 'yes',
      'provider.proxyFqdn': 'right',
      'provider.settings': 'right',
      'step.5': 'done',
    });
    expect(r.findings).toEqual([]);
  });

  it('EnabledSharedAddressSpace True with Lync on-premises only: a warning that explains both sources', () => {
    const r = analyze(['get-cshostingprovider-hybrid.utf16le-bom.txt'], {
      topology: 'lync2013-onprem',
      cloud: 'worldwide',
    });
    expect(r.facts['step.5']).toBe('done');
    expect(r.findings).toEqual([
      {
        id: 'provider-shared-address-space',
        severity: 'warning',
        conclusion: 'step-5-hosting-provider',
        message:
          `"Exchange Online" has EnabledSharedAddressSpace True with Lync Server 2013 on-premises. ${BOTH_SOURCES} ` +
          'True follows the TechNet topic and is not an error in itself; if IM and presence in Outlook Web App still ' +
          'fail with every other setting right, set it to $False as the support article does.',
        kb: ['2614614'],
        fix: [
          'Set-CsHostingProvider -Identity "Exchange Online" -EnabledSharedAddressSpace {{enabledSharedAddressSpace}}',
        ],
      },
    ]);
  });

  it('EnabledSharedAddressSpace False in a hybrid, and without a topology', () => {
    const text = fixture('get-cshostingprovider-localstore-fl-star.utf8-bom.txt');
    const hybrid = analyzeEvidence([text], { topology: 'sfb-server-hybrid' });
    expect(ids(hybrid.findings)).toEqual([['provider-shared-address-space', 'warning', 'step-5-hosting-provider']]);
    expect(hybrid.findings[0]!.message).toContain(
      'EnabledSharedAddressSpace False in a Skype for Business Server hybrid deployment',
    );
    const unknown = analyzeEvidence([text]);
    expect(ids(unknown.findings)).toEqual([['provider-shared-address-space', 'info', 'step-5-hosting-provider']]);
    expect(unknown.findings[0]!.message).toBe(
      `"Exchange Online" has EnabledSharedAddressSpace False. ${BOTH_SOURCES} Which value to expect depends on the ` +
        'topology: tell LEXO whether Lync is on-premises only or hybrid.',
    );
  });

  it('every wrong setting, each with its own fix; a wrong ProxyFqdn means remove and recreate', () => {
    const r = analyze(['get-cshostingprovider-wrong.utf16le.txt'], { topology: 'lync2013-hybrid', cloud: '21vianet' });
    expect(r.facts).toEqual({
      'provider.exists': 'yes',
      'provider.proxyFqdn': 'wrong',
      'provider.settings': 'wrong',
      'step.5': 'missing',
    });
    expect(r.findings).toEqual([
      {
        id: 'provider-proxyfqdn-wrong',
        severity: 'error',
        conclusion: 'step-5-hosting-provider',
        message:
          'The hosting provider "Exchange Online" has ProxyFqdn "exap.um.outlook.cn"; for Office 365 operated by ' +
          '21Vianet it must be "exap.um.partner.outlook.cn". ProxyFqdn cannot be changed (Set-CsHostingProvider has ' +
          'no -ProxyFqdn): remove the provider and create it again.',
        kb: ['2614614'],
        fix: ['Remove-CsHostingProvider -Identity "Exchange Online"', NEW_PROVIDER],
      },
      {
        id: 'provider-verification-level',
        severity: 'error',
        conclusion: 'step-5-hosting-provider',
        message:
          'The hosting provider "Exchange Online" has VerificationLevel "AlwaysVerifiable": it must be ' +
          'UseSourceVerification, otherwise the Edge rejects the messages from Exchange Online as unverifiable.',
        kb: ['2614614'],
        fix: ['Set-CsHostingProvider -Identity "Exchange Online" -VerificationLevel UseSourceVerification'],
      },
      {
        id: 'provider-disabled',
        severity: 'error',
        conclusion: 'step-5-hosting-provider',
        message:
          'The hosting provider "Exchange Online" has Enabled "False": the connection to Exchange Online is switched ' +
          'off; it must be True.',
        kb: ['2614614'],
        fix: ['Set-CsHostingProvider -Identity "Exchange Online" -Enabled $True'],
      },
      {
        id: 'provider-hosts-ocs-users',
        severity: 'error',
        conclusion: 'step-5-hosting-provider',
        message:
          'The hosting provider "Exchange Online" has HostsOCSUsers "True": that declares a provider hosting Lync ' +
          'users (as the Skype for Business Online provider does); for Exchange Online it must be False.',
        kb: ['2614614'],
        fix: ['Set-CsHostingProvider -Identity "Exchange Online" -HostsOCSUsers $False'],
      },
      {
        id: 'provider-is-local',
        severity: 'error',
        conclusion: 'step-5-hosting-provider',
        message:
          'The hosting provider "Exchange Online" has IsLocal "True": that declares the proxy part of your own ' +
          'topology; Exchange Online is outside it, so it must be False.',
        kb: ['2614614'],
        fix: ['Set-CsHostingProvider -Identity "Exchange Online" -IsLocal $False'],
      },
    ]);
  });

  it('a ProxyFqdn of no cloud, the cloud unknown', () => {
    const r = analyze(['get-cshostingprovider-wrong.utf16le.txt']);
    expect(byId(r.findings, 'provider-proxyfqdn-wrong').message).toBe(
      'The hosting provider "Exchange Online" has ProxyFqdn "exap.um.outlook.cn"; that is not the Exchange Online ' +
        'address of any Office 365 cloud (exap.um.outlook.com for Office 365 worldwide, exap.um.partner.outlook.cn for ' +
        'Office 365 operated by 21Vianet, exap.um.office365.us for Office 365 GCC High). ProxyFqdn cannot be changed ' +
        '(Set-CsHostingProvider has no -ProxyFqdn): remove the provider and create it again.',
    );
  });

  it('the cloud decides whether a ProxyFqdn is right: changing the context re-evaluates', () => {
    const read = recognizeEvidence([fixture('get-cshostingprovider-hybrid.utf16le-bom.txt')]);
    const copy = structuredClone(read);
    const per = (cloud: EvidenceContext['cloud']) =>
      evaluateEvidence(read, { topology: 'lync2013-hybrid', cloud }).facts['provider.proxyFqdn'];
    expect([per('worldwide'), per('21vianet'), per('gcc-high'), per(undefined)]).toEqual([
      'right',
      'wrong',
      'wrong',
      'right',
    ]);
    expect(read).toEqual(copy);
  });

  it('a ProxyFqdn of another cloud, the cloud unknown: right, with a note', () => {
    const text = 'Identity : Exchange Online\nProxyFqdn : exap.um.office365.us\n';
    const r = analyzeEvidence([{ name: 'p.txt', text }]);
    expect(r.facts).toEqual({ 'provider.exists': 'yes', 'provider.proxyFqdn': 'right' });
    expect(byId(r.findings, 'provider-proxyfqdn-cloud').message).toBe(
      'ProxyFqdn "exap.um.office365.us" is the Exchange Online address of Office 365 GCC High; it is right only if ' +
        'the tenant is in that cloud (worldwide tenants use exap.um.outlook.com).',
    );
  });

  it('only the Skype for Business Online provider: the Exchange Online one is missing', () => {
    const r = analyze(['get-cshostingprovider-no-exchange.txt'], { topology: 'lync2013-hybrid' });
    expect(r.facts).toEqual({ 'provider.exists': 'no', 'step.5': 'missing' });
    expect(r.findings).toEqual([
      {
        id: 'provider-missing',
        severity: 'error',
        conclusion: 'step-5-hosting-provider',
        message:
          'Get-CsHostingProvider lists LyncOnline (sipfed.online.lync.com), but no provider for Exchange Online ' +
          '(ProxyFqdn exap.um.…). Without it the Edge Server does not trust the Exchange Online Access Edge, so IM ' +
          'and presence in Outlook Web App cannot work.',
        kb: ['2614614'],
        fix: [NEW_PROVIDER],
      },
    ]);
  });

  it('no provider at all, or none by that name, or only a hosted UM provider', () => {
    expect(byId(analyze(['get-cshostingprovider-empty.txt']).findings, 'provider-missing').message).toMatch(
      /^Get-CsHostingProvider returned no hosting provider at all\./,
    );
    const named = analyzeEvidence([
      { name: 'x', text: 'PS C:\\> Get-CsHostingProvider -Identity "Exchange Online"\nPS C:\\>' },
    ]);
    expect(named.facts).toEqual({ 'provider.exists': 'no', 'step.5': 'missing' });
    expect(byId(named.findings, 'provider-missing').message).toMatch(
      /^Get-CsHostingProvider \(Get-CsHostingProvider -Identity "Exchange Online"\) returned nothing: there is no such provider\./,
    );
    const um = analyzeEvidence([
      {
        name: 'x',
        text: 'Identity : Hosted Exchange UM\nProxyFqdn : proxyserver.fabrikam.com\nHostsOCSUsers : False\n',
      },
    ]);
    expect(um.facts).toEqual({ 'provider.exists': 'no', 'step.5': 'missing' });
  });

  it('a table with a cut VerificationLevel that only UseSourceVerification begins with', () => {
    const r = analyze(['get-cshostingprovider-table.txt'], { topology: 'lync2013-onprem', cloud: 'worldwide' });
    expect(r.facts).toEqual({
      'provider.exists': 'yes',
      'provider.proxyFqdn': 'right',
      'provider.settings': 'right',
      'step.5': 'done',
    });
    expect(r.findings).toEqual([]);
  });

  it('a cut ProxyFqdn is not judged; settings not shown are said so', () => {
    const text = 'Identity  ProxyFqdn\n--------  ---------\nExchange  exap.um.outl...\n';
    const r = analyzeEvidence([{ name: 't', text }], { cloud: 'worldwide' });
    expect(r.facts).toEqual({ 'provider.exists': 'yes' });
    expect(ids(r.findings)).toEqual([
      ['provider-proxyfqdn-cut', 'info', 'step-5-hosting-provider'],
      ['provider-settings-not-shown', 'info', 'step-5-hosting-provider'],
    ]);
    expect(byId(r.findings, 'provider-settings-not-shown').message).toBe(
      'The output does not show VerificationLevel, Enabled, HostsOCSUsers and IsLocal of "Exchange", so LEXO cannot ' +
        'confirm the provider\'s settings. Run Get-CsHostingProvider -Identity "Exchange" | Select-Object * to see them all.',
    );
  });

  it('the Edge local store differs from the Central Management store: replication pending', () => {
    const r = analyze(
      ['get-cshostingprovider-hybrid.utf16le-bom.txt', 'get-cshostingprovider-localstore-fl-star.utf8-bom.txt'],
      {
        topology: 'lync2013-hybrid',
      },
    );
    expect(r.facts).toEqual({
      'provider.exists': 'yes',
      'provider.proxyFqdn': 'right',
      'provider.settings': 'right',
      'step.5': 'done',
      'cms.replication': 'pending',
    });
    expect(r.findings).toEqual([
      {
        id: 'provider-local-store-differs',
        severity: 'warning',
        conclusion: 'cms-replication',
        message:
          'EnabledSharedAddressSpace is True in the Central Management store but False on the Edge. The change has ' +
          'not replicated to the Edge Server yet (it usually takes about a minute); check ' +
          'Get-CsManagementStoreReplicationStatus on an internal server.',
        kb: [],
        fix: ['Invoke-CsManagementStoreReplication -ReplicaFqdn {{edgePoolFqdn}}'],
      },
    ]);
  });

  it('Skype for Business Online only: the provider is read, step 5 is not set', () => {
    const r = analyze(['get-cshostingprovider-no-exchange.txt'], { topology: 'sfb-online' });
    expect(r.facts).toEqual({ 'provider.exists': 'no' });
  });
});

describe('step 4 and the Edge', () => {
  it('AllowFederatedUsers False', () => {
    const r = analyze(['get-csaccessedgeconfiguration.txt'], { topology: 'lync2013-onprem' });
    expect(r.facts).toEqual({ 'edge.allow-federated-users': 'no', 'step.4': 'missing' });
    expect(r.findings).toEqual([
      {
        id: 'edge-federation-off',
        severity: 'error',
        conclusion: 'step-4-shared-sip-address-space',
        message:
          'AllowFederatedUsers is False in the Access Edge configuration (Global). That switch also governs the shared ' +
          'SIP address space with Exchange Online: while it is off, the Edge Server refuses the traffic, so IM and ' +
          'presence in Outlook Web App cannot work.',
        kb: ['2614614'],
        fix: ['Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True'],
      },
    ]);
  });

  it('AllowFederatedUsers True but default routing', () => {
    const r = analyze(['get-csaccessedgeconfiguration-table.txt'], { topology: 'lync2013-onprem' });
    expect(r.facts).toEqual({ 'edge.allow-federated-users': 'yes', 'step.4': 'done' });
    expect(r.findings).toEqual([
      {
        id: 'edge-default-routing',
        severity: 'warning',
        conclusion: 'step-5-hosting-provider',
        message:
          'RoutingMethod is UseDefaultRouting: an Edge Server that uses default routing instead of DNS SRV routing ' +
          'cannot federate with a hosting provider, the Exchange Online one included.',
        kb: [],
        fix: ['Set-CsAccessEdgeConfiguration -UseDnsSrvRouting'],
      },
    ]);
  });

  it('the Edge local store behind the Central Management store', () => {
    const cms = 'PS C:\\> Get-CsAccessEdgeConfiguration | fl AllowFederatedUsers\n\nAllowFederatedUsers : True\n';
    const edge =
      'PS C:\\> Get-CsAccessEdgeConfiguration -LocalStore | fl AllowFederatedUsers\n\nAllowFederatedUsers : False\n';
    const r = analyzeEvidence(
      [
        { name: 'cms', text: cms },
        { name: 'edge', text: edge },
      ],
      { topology: 'lync2013-onprem' },
    );
    expect(r.facts).toEqual({ 'edge.allow-federated-users': 'yes', 'step.4': 'done', 'cms.replication': 'pending' });
    expect(ids(r.findings)).toEqual([['edge-local-store-differs', 'warning', 'cms-replication']]);
  });
});

describe('external access policy', () => {
  it('EnableOutsideAccess False in every policy', () => {
    const r = analyze(['get-csexternalaccesspolicy-table.txt']);
    expect(r.facts).toEqual({ 'policy.outside-access': 'off' });
    expect(r.findings).toEqual([
      {
        id: 'policy-outside-access-off',
        severity: 'error',
        conclusion: 'external-access-policy',
        message:
          'EnableOutsideAccess is False in the external access policies "Global" and "Tag:NoFederation". A user who ' +
          'signs in to IM from Outlook Web App counts as a remote user, so the external access policy assigned to that ' +
          'user must allow communications with remote users.',
        kb: [],
        fix: [
          'Set-CsExternalAccessPolicy -Identity "Global" -EnableOutsideAccess $True',
          'Set-CsExternalAccessPolicy -Identity "Tag:NoFederation" -EnableOutsideAccess $True',
        ],
      },
    ]);
  });

  it("policies that differ: no fact until the user's policy is known", () => {
    const r = analyze(['get-csexternalaccesspolicy.txt']);
    expect(r.facts).toEqual({});
    expect(ids(r.findings)).toEqual([['policy-outside-access-mixed', 'warning', 'external-access-policy']]);
  });

  it("the user's policy decides: empty means Global, a tag names its policy", () => {
    const policies = fixture('get-csexternalaccesspolicy.txt');
    const global = analyzeEvidence([policies, fixture('get-csuser.txt')]);
    expect(global.facts).toEqual({ 'policy.outside-access': 'off' });
    expect(byId(global.findings, 'policy-outside-access-off').message).toContain(
      'in the external access policy "Global" (the policy assigned to the user)',
    );
    const tagged = analyzeEvidence([
      policies,
      {
        name: 'u',
        text: 'PS C:\\> Get-CsUser kim | Select-Object SipAddress,ExternalAccessPolicy\n\nSipAddress          ExternalAccessPolicy\n----------          --------------------\nsip:kim@contoso.com RemoteAccess\n',
      },
    ]);
    expect(tagged.facts).toEqual({ 'policy.outside-access': 'on' });
    expect(tagged.findings).toEqual([]);
  });
});

describe('Central Management store replication', () => {
  it('a replica not up to date', () => {
    const r = analyze(['get-csmanagementstorereplicationstatus.txt']);
    expect(r.facts).toEqual({ 'cms.replication': 'pending' });
    expect(r.findings).toEqual([
      {
        id: 'cms-replication-pending',
        severity: 'warning',
        conclusion: 'cms-replication',
        message:
          'UpToDate is False for atl-edge-001.litwareinc.com (last status report 8/20/2024 4:15:02 PM): the latest ' +
          'configuration changes (hosting provider, Access Edge settings) have not reached that server yet. Changes ' +
          'normally replicate within about a minute; a replica that stays behind needs attention.',
        kb: [],
        fix: ['Invoke-CsManagementStoreReplication -ReplicaFqdn atl-edge-001.litwareinc.com'],
      },
    ]);
  });

  it('all up to date, shown or filtered out', () => {
    expect(analyze(['get-csmanagementstorereplicationstatus-table.txt']).facts).toEqual({
      'cms.replication': 'current',
    });
    expect(analyze(['get-csmanagementstorereplicationstatus-filtered-empty.txt']).facts).toEqual({
      'cms.replication': 'current',
    });
    // Without the filter, an empty answer says nothing.
    expect(
      analyzeEvidence([{ name: 'x', text: 'PS C:\\> Get-CsManagementStoreReplicationStatus\nPS C:\\>' }]).facts,
    ).toEqual({});
  });
});

describe('steps 2 and 3: the user', () => {
  it('no SIP proxy address and an empty mail attribute (Get-ADUser)', () => {
    const r = analyze(['get-aduser.txt'], { topology: 'lync2013-onprem' });
    expect(r.facts).toEqual({
      'user.sip-address': 'no',
      'step.2': 'missing',
      'user.mail': 'empty',
      'step.3': 'missing',
    });
    expect(r.findings).toEqual([
      {
        id: 'user-no-sip-address',
        severity: 'error',
        conclusion: 'step-2-sip-proxy-address',
        message:
          'The on-premises AD proxyAddresses of kenmyer@litwareinc.com hold no SIP address (read: ' +
          'SMTP:kenmyer@litwareinc.com, smtp:kenmyer@litwareinc.mail.onmicrosoft.com). Exchange Online finds the ' +
          'user\'s Lync account through a "sip:" address there; without it Outlook Web App cannot connect to Lync. ' +
          'With directory synchronization, add it on-premises and let the sync carry it; without it, add ' +
          '"sip:user@domain" to the mailbox in the Exchange admin center.',
        kb: ['2614614'],
        fix: ['Set-ADUser -Identity {{userIdentity}} -Add @{proxyAddresses="sip:{{userSipAddress}}"}'],
      },
      {
        id: 'user-mail-empty',
        severity: 'error',
        conclusion: 'step-3-mail-attribute',
        message:
          "The on-premises AD mail attribute of kenmyer@litwareinc.com is empty. Lync finds the user's Exchange Online " +
          'mailbox (Autodiscover, EWS) from this address: without it there is no Outlook integration, conversation ' +
          'history or Free/Busy. A user who never had an on-premises mailbox needs it filled in by hand.',
        kb: ['2614614', '2787614'],
        fix: ['Set-ADUser -Identity {{userIdentity}} -Replace @{mail="{{userMail}}"}'],
      },
    ]);
    expect(r.names).toEqual({
      userSipAddress: 'kenmyer@litwareinc.com',
      sipDomain: 'litwareinc.com',
      userIdentity: 'kenmyer',
      userMail: 'kenmyer@litwareinc.com',
    });
  });

  it('in a hybrid the messages say that directory synchronization carries the attributes', () => {
    const r = analyze(['get-aduser.txt'], { topology: 'lync2013-hybrid' });
    expect(byId(r.findings, 'user-no-sip-address').message).toContain(
      'In a hybrid deployment directory synchronization is required: set msRTCSIP-PrimaryUserAddress on-premises',
    );
    expect(byId(r.findings, 'user-mail-empty').message).toContain('it must come through directory synchronization');
  });

  it('msRTCSIP-PrimaryUserAddress empty in a hybrid', () => {
    const text =
      'PS C:\\> Get-ADUser kim -Properties msRTCSIP-PrimaryUserAddress,proxyAddresses\n\nmsRTCSIP-PrimaryUserAddress :\nproxyAddresses              : {sip:kim@contoso.com, SMTP:kim@contoso.com}\nSamAccountName              : kim\n';
    const r = analyzeEvidence([{ name: 'u', text }], { topology: 'lync2013-hybrid' });
    expect(r.facts).toEqual({ 'user.sip-address': 'yes', 'step.2': 'missing' });
    expect(ids(r.findings)).toEqual([['user-no-primary-user-address', 'error', 'step-2-sip-proxy-address']]);
    expect(r.findings[0]!.fix).toEqual([
      'Enable-CsUser -Identity "{{userIdentity}}" -RegistrarPool "{{frontEndPoolFqdn}}" -SipAddress "sip:{{userSipAddress}}"',
    ]);
  });

  it('the mailbox addresses (-ExpandProperty) without a SIP address: the fix adds it to the mailbox', () => {
    const r = analyze(['get-mailbox-expandproperty.txt'], { topology: 'lync2013-onprem' });
    expect(r.facts).toEqual({ 'user.sip-address': 'no', 'step.2': 'missing' });
    expect(byId(r.findings, 'user-no-sip-address').fix).toEqual([
      'Set-Mailbox -Identity "{{userIdentity}}" -EmailAddresses @{Add="sip:{{userSipAddress}}"}',
    ]);
  });

  it('a cut address list without the SIP address decides nothing', () => {
    const r = analyze(['get-mailbox-fl.txt'], { topology: 'lync2013-onprem' });
    expect(r.facts).toEqual({});
    expect(r.findings).toEqual([
      {
        id: 'user-addresses-cut',
        severity: 'info',
        conclusion: 'step-2-sip-proxy-address',
        message:
          'The address list of kenmyer@litwareinc.com was cut by PowerShell ("..."), and the part shown has no SIP ' +
          'address: it may be in the part not shown. Run the command again with "| Select-Object -ExpandProperty EmailAddresses".',
        kb: ['2614614'],
        fix: [],
      },
    ]);
  });

  it('the SIP address present, and the mail attribute set', () => {
    expect(analyze(['get-mailbox-fl-sip.txt'], { topology: 'lync2013-onprem' }).facts).toEqual({
      'user.sip-address': 'yes',
      'step.2': 'done',
    });
    expect(analyze(['get-aduser-table.txt'], { topology: 'lync2013-onprem' }).facts).toEqual({
      'user.sip-address': 'yes',
      'step.2': 'done',
      'user.mail': 'set',
      'step.3': 'done',
    });
  });

  it('Lync and Exchange disagree on the SIP address', () => {
    const r = analyzeEvidence([
      fixture('get-csuser.txt'),
      { name: 'mbx', text: 'EmailAddresses : {SIP:ken.myer@litwareinc.com, SMTP:kenmyer@litwareinc.com}' },
    ]);
    expect(r.facts).toEqual({ 'user.sip-address': 'yes' });
    expect(byId(r.findings, 'user-sip-mismatch').message).toBe(
      'Lync has the SIP address "sip:kenmyer@litwareinc.com" but the address list holds sip:ken.myer@litwareinc.com: ' +
        'Exchange Online looks the user up by the sip: address, so the two must be the same (format included).',
    );
  });
});

describe('step 1: DNS', () => {
  it('records pointing to Skype for Business Online with Lync on-premises', () => {
    const r = analyze(['resolve-dnsname-online.txt'], { topology: 'lync2013-onprem' });
    expect(r.facts).toEqual({ 'dns.target': 'online', 'step.1': 'missing' });
    expect(r.findings).toEqual([
      {
        id: 'dns-points-online',
        severity: 'error',
        conclusion: 'step-1-dns',
        message:
          '_sipfederationtls._tcp.litwareinc.com → sipfed.online.lync.com and lyncdiscover.litwareinc.com → ' +
          'webdir.online.lync.com: these records point to Skype for Business Online. With Lync Server 2013 ' +
          'on-premises the records for federation and client discovery must all point to your on-premises servers, ' +
          'or Exchange Online looks for the users in Skype for Business Online.',
        kb: ['2614614'],
        fix: [
          'Remove-DnsServerResourceRecord -ZoneName "{{sipDomain}}" -Name "_sipfederationtls._tcp" -RRType Srv -Force',
          'Add-DnsServerResourceRecord -ZoneName "{{sipDomain}}" -Name "_sipfederationtls._tcp" -Srv -DomainName "{{accessEdgeFqdn}}" -Priority 100 -Weight 1 -Port 5061',
          'Remove-DnsServerResourceRecord -ZoneName "{{sipDomain}}" -Name "lyncdiscover" -RRType CName -Force',
          'Add-DnsServerResourceRecordCName -ZoneName "{{sipDomain}}" -Name "lyncdiscover" -HostNameAlias "{{externalWebFqdn}}"',
        ],
      },
    ]);
    expect(r.names).toEqual({ sipDomain: 'litwareinc.com' });
  });

  it('the same records are right for Skype for Business Online only', () => {
    const r = analyze(['resolve-dnsname-online.txt'], { topology: 'sfb-online' });
    expect(r.facts).toEqual({ 'dns.target': 'online', 'step.1': 'done' });
    expect(r.findings).toEqual([]);
  });

  it('on-premises records: right for Lync on-premises, wrong for Skype for Business Online (21Vianet)', () => {
    expect(analyze(['resolve-dnsname-onprem.txt'], { topology: 'sfb-server-onprem' })).toMatchObject({
      facts: { 'dns.target': 'onprem', 'step.1': 'done' },
      findings: [],
    });
    const online = analyze(['resolve-dnsname-onprem.txt'], { topology: 'sfb-online', cloud: '21vianet' });
    expect(online.facts).toEqual({ 'dns.target': 'onprem', 'step.1': 'missing' });
    expect(ids(online.findings)).toEqual([['dns-points-onprem', 'error', 'step-1-dns']]);
    expect(online.findings[0]!.kb).toEqual(['2566790']);
    expect(online.findings[0]!.fix).toContain(
      'Add-DnsServerResourceRecord -ZoneName "{{sipDomain}}" -Name "_sipfederationtls._tcp" -Srv -DomainName "sipfed.online.partner.lync.cn" -Priority 100 -Weight 1 -Port 5061',
    );
  });

  it('missing records (Resolve-DnsName errors, an SOA-only answer)', () => {
    const r = analyze(['resolve-dnsname-missing.txt'], { topology: 'lync2013-onprem' });
    expect(r.facts).toEqual({ 'dns.target': 'onprem', 'step.1': 'missing' });
    expect(r.findings).toEqual([
      {
        id: 'dns-record-missing',
        severity: 'error',
        conclusion: 'step-1-dns',
        message:
          '_sipfederationtls._tcp.litwareinc.com (DNS name does not exist) and _sip._tls.litwareinc.com (no SRV record): ' +
          "the record does not exist. Exchange Online and Outlook Web App find the user's Lync server through the " +
          'federation SRV record and the lyncdiscover record; without them IM, presence and online meetings in OWA do not work.',
        kb: ['2566790', '2565604'],
        fix: [
          'Add-DnsServerResourceRecord -ZoneName "{{sipDomain}}" -Name "_sipfederationtls._tcp" -Srv -DomainName "{{accessEdgeFqdn}}" -Priority 100 -Weight 1 -Port 5061',
          'Add-DnsServerResourceRecord -ZoneName "{{sipDomain}}" -Name "_sip._tls" -Srv -DomainName "{{accessEdgeFqdn}}" -Priority 100 -Weight 1 -Port 443',
        ],
      },
    ]);
  });

  it('nslookup: records online and one missing', () => {
    const r = analyze(['nslookup-online.txt'], { topology: 'sfb-online' });
    expect(r.facts).toEqual({ 'dns.target': 'online', 'step.1': 'missing' });
    expect(ids(r.findings)).toEqual([['dns-record-missing', 'error', 'step-1-dns']]);
    expect(r.findings[0]!.fix).toEqual([
      'Add-DnsServerResourceRecord -ZoneName "{{sipDomain}}" -Name "_sipfederationtls._tcp" -Srv -DomainName "sipfed.online.lync.com" -Priority 100 -Weight 1 -Port 5061',
    ]);
  });

  it('records pointing both ways, the topology unknown', () => {
    const r = analyze(['nslookup-interactive.txt']);
    expect(r.facts).toEqual({ 'dns.target': 'mixed', 'step.1': 'missing' });
    expect(ids(r.findings)).toEqual([['dns-mixed', 'error', 'step-1-dns']]);
  });

  it('records pointing one way, the topology unknown: a note, no step', () => {
    const r = analyze(['resolve-dnsname-onprem.txt']);
    expect(r.facts).toEqual({ 'dns.target': 'onprem' });
    expect(ids(r.findings)).toEqual([['dns-target', 'info', 'step-1-dns']]);
  });

  it('a federation SRV record on the wrong port', () => {
    const text =
      'Name                              Type TTL  Section NameTarget             Priority Weight Port\n' +
      '----                              ---- ---  ------- ----------             -------- ------ ----\n' +
      '_sipfederationtls._tcp.contoso.com SRV  3600 Answer  sipfed.online.lync.com 100      1      443\n';
    const r = analyzeEvidence([{ name: 'd', text }], { topology: 'sfb-online' });
    expect(r.facts).toEqual({ 'dns.target': 'online', 'step.1': 'missing' });
    expect(r.findings).toEqual([
      {
        id: 'dns-srv-port',
        severity: 'error',
        conclusion: 'step-1-dns',
        message:
          '_sipfederationtls._tcp.contoso.com uses port 443; the expected port is 5061 for _sipfederationtls._tcp.',
        kb: ['2566790'],
        fix: [],
      },
    ]);
  });
});

describe('steps 6 and 7: server-to-server authentication', () => {
  it('no OAuth server, no partner application, an Exchange hybrid', () => {
    const r = analyze(['get-csoauthconfiguration.txt'], { topology: 'lync2013-hybrid', exchange: 'exchange-hybrid' });
    expect(r.facts).toEqual({
      'oauth.partner-apps': 'no',
      'oauth.server': 'no',
      'step.6': 'missing',
      'step.7': 'missing',
    });
    expect(ids(r.findings)).toEqual([
      ['partner-app-missing', 'error', 'step-6-oauth-partner-apps'],
      ['oauth-server-missing', 'error', 'step-7-office365-auth-trust'],
      ['partner-app-exchange-online-missing', 'error', 'step-7-office365-auth-trust'],
      ['oauth-autodiscover-url', 'warning', 'step-6-oauth-partner-apps'],
    ]);
    expect(byId(r.findings, 'oauth-server-missing')).toEqual({
      id: 'oauth-server-missing',
      severity: 'error',
      conclusion: 'step-7-office365-auth-trust',
      message:
        'Lync has no OAuth server: it does not trust the Office 365 authentication service (microsoft.sts), so ' +
        'Exchange Online cannot authenticate to it and Outlook Web App does not offer the Online Meeting link.',
      kb: ['2614614'],
      fix: [
        'New-CsOAuthServer -Identity microsoft.sts -MetadataUrl "https://accounts.accesscontrol.windows.net/{{tenant}}/metadata/json/1"',
        'New-CsPartnerApplication -Identity microsoft.exchange -ApplicationIdentifier 00000002-0000-0ff1-ce00-000000000000 -ApplicationTrustLevel Full -UseOAuthServer',
      ],
    });
    expect(byId(r.findings, 'partner-app-missing').fix).toEqual([
      'New-CsPartnerApplication -Identity Exchange -ApplicationTrustLevel Full -MetadataUrl "https://autodiscover.{{sipDomain}}/autodiscover/metadata/json/1"',
      '& "$env:ExchangeInstallPath\\Scripts\\Configure-EnterprisePartnerApplication.ps1" -AuthMetaDataUrl "https://{{frontEndPoolFqdn}}/metadata/json/1" -ApplicationType Lync',
    ]);
  });

  it('Exchange Online only: step 6 has nothing to do; unknown Exchange: a note', () => {
    const online = analyze(['get-csoauthconfiguration.txt'], {
      topology: 'lync2013-onprem',
      exchange: 'exchange-online',
    });
    expect(online.facts).toEqual({ 'oauth.partner-apps': 'no', 'oauth.server': 'no', 'step.7': 'missing' });
    expect(online.findings.map((f) => f.id)).not.toContain('partner-app-missing');
    const unknown = analyze(['get-cspartnerapplication-empty.txt'], { topology: 'lync2013-onprem' });
    expect(ids(unknown.findings)).toContainEqual(['partner-app-missing', 'info', 'step-6-oauth-partner-apps']);
  });

  it('both partner applications and the OAuth server: steps 6 and 7 done', () => {
    const r = analyze(['get-cspartnerapplication-fl-star.txt', 'get-csoauthserver.txt'], {
      topology: 'lync2013-hybrid',
      exchange: 'exchange-hybrid',
    });
    expect(r.facts).toEqual({ 'oauth.partner-apps': 'yes', 'oauth.server': 'yes', 'step.6': 'done', 'step.7': 'done' });
    expect(r.findings).toEqual([]);
  });

  it('Skype for Business Online only: no step 6 or 7', () => {
    const r = analyze(['get-cspartnerapplication-empty.txt'], { topology: 'sfb-online' });
    expect(r.facts).toEqual({ 'oauth.partner-apps': 'no', 'oauth.server': 'no' });
  });

  it('microsoft.exchange not using the OAuth server, or disabled', () => {
    const text =
      'Identity       : microsoft.exchange\nApplicationTrustLevel : Full\nEnabled : False\nUseOAuthServer : False\n';
    const r = analyzeEvidence(
      [{ name: 'p', text: `PS C:\\> Get-CsPartnerApplication\n${text}` }, fixture('get-csoauthserver.txt')],
      {
        topology: 'lync2013-onprem',
      },
    );
    expect(r.facts).toEqual({ 'oauth.partner-apps': 'yes', 'oauth.server': 'yes', 'step.7': 'missing' });
    expect(ids(r.findings)).toEqual([
      ['partner-app-disabled', 'error', 'step-7-office365-auth-trust'],
      ['partner-app-no-oauth-server', 'error', 'step-7-office365-auth-trust'],
      ['partner-app-missing', 'info', 'step-6-oauth-partner-apps'],
    ]);
  });
});

describe('synthetic transactions', () => {
  it('a 401 from Test-CsExStorageConnectivity: step 6 with an on-premises Exchange, step 7 with Exchange Online', () => {
    const read = recognizeEvidence([fixture('test-csexstorageconnectivity-failure.txt')]);
    const hybrid = evaluateEvidence(read, { exchange: 'exchange-hybrid' });
    expect(hybrid.findings).toEqual([
      {
        id: 'test-exstorage-failed',
        severity: 'error',
        conclusion: 'step-6-oauth-partner-apps',
        message:
          'Test-CsExStorageConnectivity returned Failure against atl-cs-001.litwareinc.com. Error: The remote server ' +
          'returned an error: (401) Unauthorized. Exchange did not accept the OAuth token presented by the Lync Server ' +
          'Storage Service for https://autodiscover.litwareinc.com/autodiscover/autodiscover.svc/WSSecurity. Diagnosis: ' +
          "HTTP/1.1 401 Unauthorized. A 401 means Exchange did not accept Lync's server-to-server (OAuth) token.",
        kb: ['2614614'],
        fix: [],
      },
    ]);
    expect(evaluateEvidence(read, { exchange: 'exchange-online' }).findings[0]!.conclusion).toBe(
      'step-7-office365-auth-trust',
    );
  });

  it('invalid_tenant: the support article on wildcard accepted domains', () => {
    const r = analyze(['test-csexstorageconnectivity-verbose-401.txt']);
    expect(ids(r.findings)).toEqual([['test-exstorage-failed', 'error', 'article-sfb-and-exchange-integration-fails']]);
    expect(r.findings[0]!.message).toContain(
      "Diagnosis: The tenant for tenant guid 'contoso.com' does not exist. (invalid_tenant)",
    );
  });

  it('Test-CsUnifiedContactStore: not supported with Lync 2013 on-premises, the mailbox lookup otherwise', () => {
    expect(ids(analyze(['test-csunifiedcontactstore-failure.txt'], { topology: 'lync2013-onprem' }).findings)).toEqual([
      ['test-ucs-failed', 'info', 'not-supported'],
    ]);
    expect(ids(analyze(['test-csunifiedcontactstore-failure.txt'], { topology: 'lync2013-hybrid' }).findings)).toEqual([
      ['test-ucs-failed', 'error', 'step-3-mail-attribute'],
    ]);
  });

  it('Test-CsExUMConnectivity: hosted UM through the Edge; successes say nothing', () => {
    const r = analyze(['test-csexumconnectivity.txt', 'test-csexstorageconnectivity-success.txt']);
    expect(ids(r.findings)).toEqual([['test-exum-failed', 'error', 'hosted-um-edge']]);
    expect(r.findings[0]!.message).toContain('Error: 10060, A connection attempt failed');
    expect(r.facts).toEqual({});
  });
});

describe('mixed pastes and several items', () => {
  it('a whole session (UTF-16LE): facts from every command, per part too', () => {
    const r = analyze(['mixed-session.utf16le-bom.txt'], { topology: 'lync2013-onprem', cloud: 'worldwide' });
    expect(r.facts).toEqual({
      'edge.allow-federated-users': 'yes',
      'step.4': 'done',
      'provider.exists': 'yes',
      'provider.proxyFqdn': 'right',
      'provider.settings': 'right',
      'step.5': 'done',
      'policy.outside-access': 'on',
      'cms.replication': 'current',
    });
    expect(ids(r.findings)).toEqual([['provider-shared-address-space', 'warning', 'step-5-hosting-provider']]);
    expect(r.items.map((i) => [i.name, i.parts.map((p) => [p.kind, p.facts])])).toEqual([
      [
        'mixed-session.utf16le-bom.txt',
        [
          [
            'hosting-provider',
            { 'provider.exists': 'yes', 'provider.proxyFqdn': 'right', 'provider.settings': 'right', 'step.5': 'done' },
          ],
          ['access-edge', { 'edge.allow-federated-users': 'yes', 'step.4': 'done' }],
          ['external-access-policy', { 'policy.outside-access': 'on' }],
          ['cms-replication', { 'cms.replication': 'current' }],
          ['not-recognized', {}],
        ],
      ],
    ]);
  });

  it('outputs without prompts, and notes the engineer typed', () => {
    const r = analyze(['mixed-no-prompts.txt'], { topology: 'lync2013-onprem' });
    expect(r.facts).toEqual({
      'dns.target': 'online',
      'step.1': 'missing',
      'edge.allow-federated-users': 'yes',
      'step.4': 'done',
      'provider.exists': 'yes',
      'provider.proxyFqdn': 'right',
      'provider.settings': 'right',
      'step.5': 'done',
      'policy.outside-access': 'off',
    });
    expect(ids(r.findings)).toEqual([
      ['dns-points-online', 'error', 'step-1-dns'],
      ['policy-outside-access-off', 'error', 'external-access-policy'],
    ]);
    expect(r.items[0]!.parts.at(-1)).toMatchObject({ kind: 'not-recognized', lines: { from: 26, to: 26 } });
  });

  it('several files at once: a value that says something is wrong wins', () => {
    const r = analyze(['get-mailbox-fl-sip.txt', 'get-aduser.txt'], { topology: 'lync2013-onprem' });
    expect(r.facts['user.sip-address']).toBe('no');
    expect(r.facts['step.2']).toBe('missing');
    expect(r.items.map((i) => i.name)).toEqual(['get-mailbox-fl-sip.txt', 'get-aduser.txt']);
  });

  it('an empty item, and no items at all', () => {
    const r = analyzeEvidence([{ name: 'empty.txt', text: '' }]);
    expect(r).toMatchObject({ facts: {}, findings: [], names: {} });
    expect(r.items[0]!.parts.map((p) => [p.kind, p.message?.startsWith('The text is empty.')])).toEqual([
      ['not-recognized', true],
    ]);
    expect(analyzeEvidence([])).toEqual({ facts: {}, findings: [], items: [], names: {} });
  });

  it('is pure: the same evidence and context give the same answer, as JSON', () => {
    const files = ['mixed-session.utf16le-bom.txt', 'get-aduser.txt', 'resolve-dnsname-missing.txt'];
    const a = analyze(files, { topology: 'lync2013-hybrid' });
    const b = analyze(files, { topology: 'lync2013-hybrid' });
    expect(JSON.parse(JSON.stringify(a))).toEqual(b);
  });
});

describe('outcome', () => {
  it('a value that says something is wrong wins; DNS both ways is mixed', () => {
    const out = new Outcome();
    out.fact('step.5', 'done');
    out.fact('step.5', 'missing');
    out.fact('step.5', 'done');
    out.fact('dns.target', 'online');
    out.fact('dns.target', 'onprem');
    expect(out.facts).toEqual({ 'step.5': 'missing', 'dns.target': 'mixed' });
  });
});
