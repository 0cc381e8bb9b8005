// Every fact of ../shared/DOMAIN.md, read back from the database loaded from the shipped pack: one test per
// table row and per step variant.
import { beforeAll, describe, expect, it } from 'vitest';
import { TOPOLOGIES, type Topology } from '../../../src-main/core/contract';
import { all, get, type WritableDb } from '../../../src-main/core/db/sqlite';
import { loadPack, readPack } from '../../../src-main/core/kb/pack';
import type { EntryByKind, EntryKind, StepVariant } from '../../../src-main/core/kb/pack-schema';
import { supportMatrix } from '../../../src-main/core/kb/views';
import { memoryDb, PACK_DIR } from '../../helpers/db';

let db: WritableDb;
beforeAll(() => {
  db = memoryDb();
  loadPack(db, readPack(PACK_DIR));
});

function entry<K extends EntryKind>(kind: K, id: string): EntryByKind[K] {
  const row = get<{ data: string }>(db, 'SELECT data FROM kb_entry WHERE kind = ? AND id = ?', [kind, id]);
  if (!row) throw new Error(`no ${kind} ${id} in the database`);
  return JSON.parse(row.data) as EntryByKind[K];
}

/** The variant of a step that applies to a case. */
function variant(stepId: string, topology: Topology, opts: { dirsync?: boolean; exchange?: string } = {}): StepVariant {
  const found = entry('step', stepId).variants.filter(
    (v) =>
      v.topologies.includes(topology) &&
      (v.dirsync === undefined || opts.dirsync === undefined || v.dirsync === opts.dirsync) &&
      (v.exchange === undefined || opts.exchange === undefined || v.exchange.includes(opts.exchange)),
  );
  if (found.length !== 1)
    throw new Error(`${found.length} variants of ${stepId} for ${topology} ${JSON.stringify(opts)}`);
  return found[0]!;
}

const en = (v: StepVariant) => v.text.en ?? '';
const commands = (v: StepVariant) => [...v.fix, ...v.verify].map((c) => c.command).join('\n');
const STEPS = [
  'step-1-dns',
  'step-2-sip-proxy-address',
  'step-3-mail-attribute',
  'step-4-shared-sip-address-space',
  'step-5-hosting-provider',
  'step-6-oauth-partner-apps',
  'step-7-office365-auth-trust',
];
const LYNC: Topology[] = ['lync2013-onprem', 'lync2013-hybrid', 'sfb-server-onprem', 'sfb-server-hybrid'];
const ONPREM: Topology[] = ['lync2013-onprem', 'sfb-server-onprem'];
const HYBRID: Topology[] = ['lync2013-hybrid', 'sfb-server-hybrid'];

describe('topologies', () => {
  it('sfb-online: Skype for Business Online only, the checklist stops after step 1', () => {
    expect(entry('topology', 'sfb-online')).toMatchObject({ accounts: 'online', lastStep: 1 });
  });
  it('lync2013-onprem: directory sync recommended, not required; partly supported', () => {
    expect(entry('topology', 'lync2013-onprem')).toMatchObject({
      product: 'lync-server-2013',
      accounts: 'onprem',
      dirsync: 'recommended',
      supportLevel: 'partly-supported',
    });
  });
  it('lync2013-hybrid: split SIP domain, dirsync and SSO required', () => {
    expect(entry('topology', 'lync2013-hybrid')).toMatchObject({
      product: 'lync-server-2013',
      accounts: 'hybrid',
      dirsync: 'required',
      sso: 'required',
    });
  });
  it('Skype for Business Server topologies have the same seven steps', () => {
    for (const id of ['sfb-server-onprem', 'sfb-server-hybrid'])
      expect(entry('topology', id)).toMatchObject({ product: 'sfb-server', lastStep: 7 });
  });
  it('Exchange side: exchange-online and exchange-hybrid (with Exchange Server 2013)', () => {
    expect(entry('exchange', 'exchange-online').title.en).toMatch(/Exchange Online/);
    expect(entry('exchange', 'exchange-hybrid').title.en).toMatch(/hybrid.*Exchange Server 2013/i);
  });
  it.each([
    ['worldwide', 'exap.um.outlook.com'],
    ['21vianet', 'exap.um.partner.outlook.cn'],
    ['gcc-high', 'exap.um.office365.us'],
  ])('cloud %s: the hosting provider points at %s', (cloud, fqdn) => {
    expect(entry('cloud', cloud).proxyFqdn).toBe(fqdn);
  });
});

describe('features', () => {
  it('EWS connectivity gives Outlook integration, free/busy, OOF, conversation history, hi-res photos and UCS', () => {
    const ews = all<{ id: string }>(
      db,
      "SELECT id FROM kb_entry WHERE kind = 'feature' AND json_extract(data, '$.group') = 'ews'",
    ).map((r) => r.id);
    expect(ews).toEqual(
      expect.arrayContaining([
        'outlook-integration',
        'free-busy',
        'oof',
        'conversation-history',
        'hires-photos',
        'ucs',
      ]),
    );
  });
  it('plus OWA IM & presence, OWA online meetings, and voice mail from hosted Exchange UM', () => {
    expect(entry('feature', 'owa-im-presence').group).toBe('owa');
    expect(entry('feature', 'owa-online-meeting').group).toBe('owa');
    expect(entry('feature', 'voicemail').group).toBe('um');
  });
});

describe('support matrix', () => {
  const row = (topology: string) => {
    const m = supportMatrix(db, 'en');
    return Object.fromEntries(m.features.map((f) => [f.id, f.support[topology]]));
  };
  it('sfb-online: every feature of the matrix is supported', () => {
    expect(row('sfb-online')).toMatchObject({
      'outlook-integration': 'yes',
      'owa-im-presence': 'yes',
      'owa-online-meeting': 'yes',
      ucs: 'yes',
      'hires-photos': 'yes',
    });
  });
  it('lync2013-onprem: all but UCS', () => {
    expect(row('lync2013-onprem')).toMatchObject({
      'outlook-integration': 'yes',
      'owa-im-presence': 'yes',
      'owa-online-meeting': 'yes',
      ucs: 'no',
      'hires-photos': 'yes',
    });
  });
  it('lync2013-hybrid: UCS only for the SfB Online users', () => {
    expect(row('lync2013-hybrid')).toMatchObject({
      'outlook-integration': 'yes',
      'owa-im-presence': 'yes',
      'owa-online-meeting': 'yes',
      ucs: 'partial',
      'hires-photos': 'yes',
    });
    expect(entry('feature', 'ucs').supportNote?.en).toMatch(/Skype for Business Online/);
  });
});

describe('the seven steps', () => {
  it('are numbered 1 to 7 and each has a variant for every topology', () => {
    for (const [i, id] of STEPS.entries()) {
      const step = entry('step', id);
      expect(step.number).toBe(i + 1);
      for (const t of TOPOLOGIES)
        expect(
          step.variants.some((v) => v.topologies.includes(t)),
          `${id} ${t}`,
        ).toBe(true);
    }
  });

  it('switch features on in order: EWS after 3, OWA IM and presence after 5, the Online Meeting link after 7', () => {
    expect(entry('step', 'step-3-mail-attribute').enables).toEqual(
      expect.arrayContaining(['outlook-integration', 'free-busy', 'conversation-history']),
    );
    expect(entry('step', 'step-5-hosting-provider').enables).toContain('owa-im-presence');
    expect(entry('step', 'step-7-office365-auth-trust').enables).toContain('owa-online-meeting');
    expect(entry('feature', 'free-busy').enabledAfterStep).toBe(3);
    expect(entry('feature', 'owa-im-presence').enabledAfterStep).toBe(5);
    expect(entry('feature', 'owa-online-meeting').enabledAfterStep).toBe(7);
  });

  describe('step 1: DNS', () => {
    it('sfb-online: every record points to Skype for Business Online (KB 2566790), and the checklist stops here', () => {
      const v = variant('step-1-dns', 'sfb-online');
      const text = `${en(v)}\n${commands(v)}`;
      for (const target of ['sipdir.online.lync.com', 'sipfed.online.lync.com', 'webdir.online.lync.com'])
        expect(text).toContain(target);
      expect(entry('step', 'step-1-dns').articles).toContain('kb-2566790');
      for (const later of STEPS.slice(1)) expect(variant(later, 'sfb-online').action).toBe('not-applicable');
    });
    it.each(LYNC)('%s: every record points on-premises, checked with Resolve-DnsName', (t) => {
      const v = variant('step-1-dns', t);
      expect(en(v)).toMatch(/on-premises/i);
      const cmds = commands(v);
      for (const name of [
        'lyncdiscover.{{sipDomain}}',
        'sip.{{sipDomain}}',
        '_sipfederationtls._tcp.{{sipDomain}}',
        '_sip._tls.{{sipDomain}}',
      ])
        expect(cmds).toContain(name);
      expect(cmds).toMatch(/Resolve-DnsName/);
    });
  });

  describe('step 2: Exchange Online knows the SIP address (proxyAddresses)', () => {
    it.each(ONPREM)('%s with dirsync: nothing to do', (t) => {
      expect(variant('step-2-sip-proxy-address', t, { dirsync: true }).action).toBe('nothing-to-do');
    });
    it.each(ONPREM)('%s without dirsync: add sip:user@domain on the mailbox in the EAC', (t) => {
      const v = variant('step-2-sip-proxy-address', t, { dirsync: false });
      expect(v.action).toBe('configure');
      expect(en(v)).toMatch(/Exchange Admin Center|EAC/);
      expect(`${en(v)}\n${commands(v)}`).toMatch(/sip:/i);
    });
    it.each(HYBRID)('%s: dirsync required, msRTCSIP-PrimaryUserAddress set on-premises and synchronised', (t) => {
      const v = variant('step-2-sip-proxy-address', t);
      expect(`${en(v)}\n${commands(v)}`).toContain('msRTCSIP-PrimaryUserAddress');
      expect(en(v)).toMatch(/sync/i);
    });
    it('Exchange reads the SIP address from proxyAddresses', () => {
      expect(JSON.stringify(entry('step', 'step-2-sip-proxy-address'))).toMatch(/proxyAddresses/);
    });
  });

  describe('step 3: Lync knows the Exchange email (mail attribute)', () => {
    it.each(ONPREM.flatMap((t) => [true, false].map((d) => [t, d] as const)))(
      '%s (dirsync %s): fill the on-premises AD mail attribute by hand',
      (t, dirsync) => {
        const v = variant('step-3-mail-attribute', t, { dirsync });
        expect(v.action).toBe('configure');
        expect(`${en(v)}\n${commands(v)}`).toMatch(/\bmail\b/);
      },
    );
    it.each(HYBRID)('%s: dirsync required, no other way to set it', (t) => {
      expect(en(variant('step-3-mail-attribute', t))).toMatch(/sync/i);
    });
    it('verifies EWS with Test-CsExStorageConnectivity', () => {
      expect(commands(variant('step-3-mail-attribute', 'lync2013-onprem', { dirsync: true }))).toMatch(
        /Test-CsExStorageConnectivity/,
      );
    });
  });

  describe('step 4: shared SIP address space', () => {
    it.each(LYNC)(
      '%s: Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True, verified with Get-CsAccessEdgeConfiguration',
      (t) => {
        const v = variant('step-4-shared-sip-address-space', t);
        expect(v.fix.map((c) => c.command)).toContain('Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True');
        expect(v.verify.map((c) => c.command).join()).toMatch(/Get-CsAccessEdgeConfiguration/);
      },
    );
    it('uses the official French and Chinese terms', () => {
      const step = entry('step', 'step-4-shared-sip-address-space');
      expect(step.title.fr).toMatch(/espace d'adressage SIP partagé/i);
      expect(step.title['zh-TW']).toContain('共用 SIP 位址空間');
    });
  });

  describe('step 5: hosting provider', () => {
    const NEW =
      /New-CsHostingProvider -Identity "Exchange Online" -Enabled \$True -EnabledSharedAddressSpace \{\{enabledSharedAddressSpace\}\} -HostsOCSUsers \$False -ProxyFqdn "\{\{proxyFqdn\}\}" -IsLocal \$False -VerificationLevel UseSourceVerification/;
    it.each(LYNC)('%s: New-CsHostingProvider with every value the integration needs', (t) => {
      expect(commands(variant('step-5-hosting-provider', t))).toMatch(NEW);
    });
    it.each(ONPREM)('%s: EnabledSharedAddressSpace $False per the support article', (t) => {
      expect(en(variant('step-5-hosting-provider', t))).toMatch(/\$False/);
    });
    it.each(HYBRID)('%s: EnabledSharedAddressSpace $True per the support article', (t) => {
      expect(en(variant('step-5-hosting-provider', t))).toMatch(/\$True/);
    });
    it('explains that the TechNet topic shows $True where the support article says $False for Lync only', () => {
      const topic = entry('topic', 'enabled-shared-address-space');
      expect(topic.facts).toMatchObject({
        supportArticleLyncOnly: '$False',
        supportArticleHybrid: '$True',
        technetTopic: '$True',
      });
    });
    it.each(LYNC)(
      '%s: verified after CMS replication with Get-CsManagementStoreReplicationStatus and Get-CsHostingProvider -LocalStore',
      (t) => {
        const cmds = variant('step-5-hosting-provider', t)
          .verify.map((c) => c.command)
          .join('\n');
        expect(cmds).toMatch(/Get-CsManagementStoreReplicationStatus/);
        expect(cmds).toMatch(/Get-CsHostingProvider -LocalStore/);
      },
    );
    it('ProxyFqdn cannot be changed: Set-CsHostingProvider has no -ProxyFqdn; remove and recreate', () => {
      const set = entry('cmdlet', 'set-cshostingprovider');
      expect(set.parameters.map((p) => p.name)).not.toContain('ProxyFqdn');
      expect(JSON.stringify(set.notes)).toMatch(/Remove-CsHostingProvider/);
      expect(JSON.stringify(entry('step', 'step-5-hosting-provider').variants)).toMatch(/Remove-CsHostingProvider/);
    });
    it('names the values that must hold: Enabled True, HostsOCSUsers False, IsLocal False, VerificationLevel UseSourceVerification', () => {
      const params = Object.fromEntries(
        entry('cmdlet', 'new-cshostingprovider').parameters.map((p) => [p.name, p.integrationValue]),
      );
      expect(params).toMatchObject({
        Enabled: '$True',
        HostsOCSUsers: '$False',
        IsLocal: '$False',
        VerificationLevel: 'UseSourceVerification',
      });
      expect(params.ProxyFqdn).toContain('exap.um.outlook.com');
    });
    it('uses the official French and Chinese terms', () => {
      const step = entry('step', 'step-5-hosting-provider');
      expect(step.title.fr).toMatch(/fournisseur d'hébergement/i);
      expect(step.title['zh-TW']).toContain('裝載提供者');
    });
  });

  describe('step 6: trusted applications', () => {
    it.each(LYNC)('%s with Exchange Online only: nothing to do', (t) => {
      expect(variant('step-6-oauth-partner-apps', t, { exchange: 'exchange-online' }).action).toBe('nothing-to-do');
    });
    it.each(LYNC)('%s with an Exchange 2013 hybrid: OAuth and partner applications on both sides', (t) => {
      const v = variant('step-6-oauth-partner-apps', t, { exchange: 'exchange-hybrid' });
      expect(v.action).toBe('configure');
      expect(`${en(v)}\n${commands(v)}`).toMatch(/OAuth/);
      expect(commands(v)).toMatch(/New-CsPartnerApplication|Get-CsPartnerApplication/);
    });
  });

  describe('step 7: Lync trusts the Office 365 authentication service', () => {
    it.each(LYNC)('%s: server-to-server authentication with New-CsOAuthServer and the partner application', (t) => {
      const v = variant('step-7-office365-auth-trust', t);
      expect(v.action).toBe('configure');
      expect(commands(v)).toMatch(/New-CsOAuthServer/);
    });
  });
});

describe('also in the seeds', () => {
  it('OWA IM users are remote users: the external access policy needs EnableOutsideAccess', () => {
    const topic = entry('topic', 'external-access-policy');
    expect(JSON.stringify(topic)).toMatch(/EnableOutsideAccess/);
    expect(topic.commands.map((c) => c.command).join()).toMatch(
      /Grant-CsExternalAccessPolicy|Set-CsExternalAccessPolicy/,
    );
  });
  it('CMS replication reaches the Edge in about a minute, checked on an internal server and on the Edge', () => {
    const topic = entry('topic', 'cms-replication');
    expect(topic.facts.replicationDelaySeconds).toBe(60);
    const cmds = topic.commands.map((c) => c.command).join('\n');
    expect(cmds).toMatch(/Get-CsManagementStoreReplicationStatus/);
    expect(cmds).toMatch(/Get-CsHostingProvider -LocalStore/);
    expect(topic.title.fr).toMatch(/magasin central de gestion/i);
    expect(topic.title['zh-TW']).toContain('中央管理存放區');
  });
  it('hosted Exchange UM: three modes and the Edge parameters', () => {
    const topic = entry('topic', 'hosted-exchange-um');
    expect(topic.facts.modes).toEqual(expect.arrayContaining(['on-premises', 'cross-premises', 'mixed']));
    expect(topic.facts.edgeParameters).toEqual(
      expect.arrayContaining(['UseDnsSrvRouting', 'AllowFederatedUsers', 'EnablePartnerDiscovery']),
    );
    expect(JSON.stringify(topic)).toMatch(/EnablePartnerDiscovery/);
    expect(JSON.stringify(topic)).toMatch(/proxyserver\.fabrikam\.com|Hosted Exchange UM/);
  });
});

describe('KB articles named in the support article', () => {
  it.each([
    ['2566790', 'step-1-dns'],
    ['2436962', null],
    ['2787614', null],
    ['2298541', null],
    ['2435699', null],
    ['2811654', null],
    ['2757458', null],
    ['2497721', null],
    ['2860366', null],
    ['2565604', 'step-1-dns'],
  ])('KB %s is in the database in three languages, with its link or its removal record', (kb, step) => {
    const a = entry('article', `kb-${kb}`);
    expect(a.kb).toBe(kb);
    for (const lang of ['en', 'fr', 'zh-TW'] as const) {
      expect(a.title[lang]).toBeTruthy();
      expect(a.resolution[lang]).toBeTruthy();
    }
    expect(a.status === 'published' ? a.link : a.removed?.commit).toBeTruthy();
    expect(a.sources.length).toBeGreaterThan(0);
    if (step) expect(a.steps).toContain(step);
  });
});
