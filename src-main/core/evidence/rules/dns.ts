// Step 1: the DNS records for federation and client discovery. Skype for Business Online only: they all point to
// Skype for Business Online (KB 2566790). Lync Server on-premises or hybrid: they all point on-premises.
import type { RecognizedPart } from '../recognize';
import type { DnsRecord } from '../records';
import { accountsOf, CHECKLIST_KB, TOPOLOGY_LABEL, type Cloud, type EvidenceContext } from './context';
import { finding, listText, type Outcome } from './outcome';
import { partsOf } from './parts';

interface Category {
  id: 'lyncdiscover' | 'sip' | 'federation' | 'sip-tls';
  prefix: string;
  srv: boolean;
  port?: number;
  /** The record name in the zone, for DNS server commands. */
  host: string;
  /** The Skype for Business Online host it points to in each cloud. */
  online: Record<Cloud, string>;
  /** Where it points on-premises, as a placeholder. */
  onprem: string;
}

const ONLINE_DOMAINS = [
  'online.lync.com',
  'online.partner.lync.cn',
  'online.gov.skypeforbusiness.us',
  'online.dod.skypeforbusiness.us',
];

const online = (host: string): Record<Cloud, string> => ({
  worldwide: `${host}.online.lync.com`,
  '21vianet': `${host}.online.partner.lync.cn`,
  'gcc-high': `${host}.online.gov.skypeforbusiness.us`,
});

const CATEGORIES: Category[] = [
  {
    id: 'lyncdiscover',
    prefix: 'lyncdiscover.',
    srv: false,
    host: 'lyncdiscover',
    online: online('webdir'),
    onprem: '{{externalWebFqdn}}',
  },
  { id: 'sip', prefix: 'sip.', srv: false, host: 'sip', online: online('sipdir'), onprem: '{{accessEdgeFqdn}}' },
  {
    id: 'federation',
    prefix: '_sipfederationtls._tcp.',
    srv: true,
    port: 5061,
    host: '_sipfederationtls._tcp',
    online: online('sipfed'),
    onprem: '{{accessEdgeFqdn}}',
  },
  {
    id: 'sip-tls',
    prefix: '_sip._tls.',
    srv: true,
    port: 443,
    host: '_sip._tls',
    online: online('sipdir'),
    onprem: '{{accessEdgeFqdn}}',
  },
];

const ONLINE_SUFFIXES = ONLINE_DOMAINS.map((d) => `.${d}`);
const isOnlineHost = (host: string) => ONLINE_DOMAINS.includes(host) || ONLINE_SUFFIXES.some((d) => host.endsWith(d));

interface Entry {
  name: string;
  category: Category;
  target?: string;
  address?: string;
  port?: number;
  missing?: string;
  where?: 'online' | 'onprem';
}

function categoryOf(name: string): Category | undefined {
  if (isOnlineHost(name)) return undefined; // a hop of Microsoft's own chain, not the customer's record
  return CATEGORIES.find((c) => name.startsWith(c.prefix) && name.length > c.prefix.length);
}

/** The customer's four records, each by its first hop: the CNAME or SRV target, or an A record. */
function entries(records: DnsRecord[]): Entry[] {
  const byName = new Map<string, Entry>();
  for (const r of records) {
    const category = categoryOf(r.name);
    if (!category) continue;
    const e = byName.get(r.name) ?? { name: r.name, category };
    byName.set(r.name, e);
    if (r.type === 'MISSING') {
      if (!e.target && !e.address) e.missing = r.reason ?? 'no record';
    } else if ((r.type === 'CNAME' && !category.srv) || (r.type === 'SRV' && category.srv)) {
      if (r.target && !e.target) {
        e.target = r.target;
        if (r.port !== undefined) e.port = r.port;
        delete e.missing;
      }
    } else if ((r.type === 'A' || r.type === 'AAAA') && !category.srv && r.address && !e.address) {
      e.address = r.address;
      delete e.missing;
    }
  }
  const out: Entry[] = [];
  for (const e of byName.values()) {
    if (e.target) e.where = isOnlineHost(e.target) ? 'online' : 'onprem';
    else if (e.address) e.where = 'onprem'; // the name itself is an A record in the customer's zone
    if (e.where || e.missing) out.push(e);
  }
  return out;
}

const pointsTo = (e: Entry) => `${e.name} → ${e.target ?? e.address}`;
const zoneOf = (e: Entry) => e.name.slice(e.category.prefix.length);

/** Windows DNS Server commands that replace one record with the right one. */
function fixFor(e: Entry, target: string, remove: boolean): string[] {
  const cmds: string[] = [];
  const rrType = e.category.srv ? 'Srv' : 'CName';
  if (remove)
    cmds.push(
      `Remove-DnsServerResourceRecord -ZoneName "{{sipDomain}}" -Name "${e.category.host}" -RRType ${rrType} -Force`,
    );
  cmds.push(
    e.category.srv
      ? `Add-DnsServerResourceRecord -ZoneName "{{sipDomain}}" -Name "${e.category.host}" -Srv -DomainName "${target}" -Priority 100 -Weight 1 -Port ${e.category.port}`
      : `Add-DnsServerResourceRecordCName -ZoneName "{{sipDomain}}" -Name "${e.category.host}" -HostNameAlias "${target}"`,
  );
  return cmds;
}

export function dnsRules(all: RecognizedPart[], ctx: EvidenceContext, out: Outcome): void {
  const { records } = partsOf(all, 'dns');
  const list = entries(records);
  if (list.length === 0) return;
  const accounts = accountsOf(ctx);
  const cloud = ctx.cloud ?? 'worldwide';
  const resolved = list.filter((e) => e.where);
  const onlineOnes = resolved.filter((e) => e.where === 'online');
  const onpremOnes = resolved.filter((e) => e.where === 'onprem');
  const missing = list.filter((e) => !e.where);
  if (onlineOnes.length && onpremOnes.length) out.fact('dns.target', 'mixed');
  else if (onlineOnes.length) out.fact('dns.target', 'online');
  else if (onpremOnes.length) out.fact('dns.target', 'onprem');

  let wrong = false;
  if (missing.length) {
    wrong = true;
    const want = (e: Entry) => (accounts === 'online' ? e.category.online[cloud] : e.category.onprem);
    out.add(() =>
      finding(
        'dns-record-missing',
        'error',
        'step-1-dns',
        `${listText(missing.map((e) => `${e.name} (${e.missing})`))}: the record does not exist. Exchange Online and ` +
          `Outlook Web App find the user's Lync server through the federation SRV record and the lyncdiscover ` +
          `record; without them IM, presence and online meetings in OWA do not work.`,
        ['2566790', '2565604'],
        missing.flatMap((e) => fixFor(e, want(e), false)),
      ),
    );
  }
  if ((accounts === 'onprem' || accounts === 'hybrid') && onlineOnes.length) {
    wrong = true;
    out.add(() =>
      finding(
        'dns-points-online',
        'error',
        'step-1-dns',
        `${listText(onlineOnes.map(pointsTo))}: ${onlineOnes.length > 1 ? 'these records point' : 'this record points'} ` +
          `to Skype for Business Online. With ${TOPOLOGY_LABEL[ctx.topology!]} the records for federation and client ` +
          `discovery must all point to your on-premises servers, or Exchange Online looks for the users in Skype ` +
          `for Business Online.`,
        [CHECKLIST_KB],
        onlineOnes.flatMap((e) => fixFor(e, e.category.onprem, true)),
      ),
    );
  }
  if (accounts === 'online' && onpremOnes.length) {
    wrong = true;
    out.add(() =>
      finding(
        'dns-points-onprem',
        'error',
        'step-1-dns',
        `${listText(onpremOnes.map(pointsTo))}: with Skype for Business Online only, every record must point to ` +
          `Skype for Business Online (${listText(onpremOnes.map((e) => e.category.online[cloud]))}).`,
        ['2566790'],
        onpremOnes.flatMap((e) => fixFor(e, e.category.online[cloud], true)),
      ),
    );
  }
  if (accounts === undefined && onlineOnes.length && onpremOnes.length) {
    wrong = true;
    out.add(() =>
      finding(
        'dns-mixed',
        'error',
        'step-1-dns',
        `Some records point to Skype for Business Online (${listText(onlineOnes.map(pointsTo))}) and others ` +
          `on-premises (${listText(onpremOnes.map(pointsTo))}). They must all point the same way: to Skype for ` +
          `Business Online for an online-only deployment, on-premises with Lync Server on-premises or hybrid.`,
        [CHECKLIST_KB, '2566790'],
      ),
    );
  }
  const badPorts = resolved.filter(
    (e) => e.category.port !== undefined && e.port !== undefined && e.port !== e.category.port,
  );
  if (badPorts.length) {
    if (accounts === 'online') wrong = true;
    out.add(() =>
      finding(
        'dns-srv-port',
        accounts === 'online' ? 'error' : 'warning',
        'step-1-dns',
        `${listText(badPorts.map((e) => `${e.name} uses port ${e.port}`))}; the expected port is ` +
          `${listText(badPorts.map((e) => `${e.category.port} for ${e.category.host}`))}.`,
        ['2566790'],
      ),
    );
  }
  if (accounts === undefined && !wrong && resolved.length) {
    const way = onlineOnes.length ? 'to Skype for Business Online' : 'on-premises';
    out.add(() =>
      finding(
        'dns-target',
        'info',
        'step-1-dns',
        `The records point ${way} (${listText(resolved.map(pointsTo))}). That is right only for ` +
          `${onlineOnes.length ? 'a Skype for Business Online-only deployment' : 'Lync Server on-premises or a hybrid deployment'}: ` +
          `tell LEXO the topology to check them.`,
        [CHECKLIST_KB],
      ),
    );
  }
  if (wrong) {
    if (accounts !== undefined || missing.length || (onlineOnes.length && onpremOnes.length))
      out.fact('step.1', 'missing');
    return;
  }
  // Done only when the two records Exchange Online needs were both seen, pointing the right way.
  const seen = new Set(resolved.map((e) => e.category.id));
  if (accounts !== undefined && seen.has('federation') && seen.has('lyncdiscover')) out.fact('step.1', 'done');
}

/** The SIP domain the records belong to, when they all name one. */
export function dnsDomain(all: RecognizedPart[]): string | undefined {
  const domains = new Set(entries(partsOf(all, 'dns').records).map(zoneOf));
  return domains.size === 1 ? [...domains][0] : undefined;
}
