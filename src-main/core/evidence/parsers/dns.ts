// DNS answers as Resolve-DnsName prints them (tables, lists, "DNS name does not exist" errors) and as nslookup
// prints them (cmd.exe or interactive). Only answers are kept; which records matter is the analysis' business.
import type { PsError, PsLine, PsObject } from '../ps-output';
import type { DnsRecord, DnsRecordType } from '../records';
import { compact, Fields } from './fields';

/** Lower case, no trailing dot: how DNS names are compared. */
export function dnsName(name: string): string {
  const t = name.trim().toLowerCase();
  return t.endsWith('.') ? t.slice(0, -1) : t;
}

const TYPES: Record<string, DnsRecordType> = { cname: 'CNAME', srv: 'SRV', a: 'A', aaaa: 'AAAA', soa: 'SOA' };

function intOf(t: string | undefined): number | undefined {
  if (t === undefined || t === '') return undefined;
  const n = Number(t);
  return Number.isInteger(n) ? n : undefined;
}

export function dnsFromObject(obj: PsObject): DnsRecord | undefined {
  const f = new Fields(obj);
  const name = f.value('name');
  if (!name) return undefined;
  const typeText = (f.value('type') ?? f.value('querytype', 'type'))?.toLowerCase();
  const type: DnsRecordType = typeText ? (TYPES[typeText] ?? 'OTHER') : 'OTHER';
  const host = f.value('namehost', 'target');
  const srvTarget = f.value('nametarget', 'target');
  const soa = f.value('primaryserver', 'target');
  const target = type === 'SRV' ? srvTarget : type === 'CNAME' ? host : type === 'SOA' ? soa : undefined;
  const address =
    f.value('ipaddress', 'address') ?? f.value('ip4address', 'address') ?? f.value('ip6address', 'address');
  return compact<DnsRecord>({
    kind: 'dns',
    name: dnsName(name),
    type,
    target: target ? dnsName(target) : undefined,
    address,
    port: intOf(f.value('port')),
    priority: intOf(f.value('priority')),
    weight: intOf(f.value('weight')),
    section: f.value('section'),
    cut: f.cut,
    other: f.other(),
  });
}

/** "Resolve-DnsName : _sip._tls.contoso.com : DNS name does not exist" → the name is missing. */
export function dnsFromError(err: PsError, queryName: string | undefined): DnsRecord | undefined {
  const id = err.errorId ?? '';
  const message = err.message;
  const lower = message.toLowerCase();
  const nx = lower.includes('dns name does not exist') || id.includes('DNS_ERROR_RCODE_NAME_ERROR');
  const nodata = lower.includes('no records found') || id.includes('DNS_INFO_NO_RECORDS');
  if (!nx && !nodata) return undefined;
  const sep = message.indexOf(' : ');
  const name = sep > 0 ? dnsName(message.slice(0, sep)) : queryName;
  if (!name) return undefined;
  const reason = sep > 0 ? message.slice(sep + 3).trim() : message;
  return { kind: 'dns', name, type: 'MISSING', reason, cut: [], other: {} };
}

/** What a command line asks for: Resolve-DnsName [-Name] X [-Type T], nslookup [-type=T] X [server]. */
export function dnsQuery(command: string | undefined): { name?: string; type?: string } {
  if (!command) return {};
  const tokens = command
    .split(' ')
    .map((t) => t.replaceAll('"', '').replaceAll("'", ''))
    .filter((t) => t !== '');
  const out: { name?: string; type?: string } = {};
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '|') break;
    const lower = t.toLowerCase();
    if (lower.startsWith('-')) {
      const eq = lower.indexOf('=');
      const flag = eq > 0 ? lower.slice(0, eq) : lower;
      const inline = eq > 0 ? t.slice(eq + 1) : undefined;
      const takesValue = flag === '-name' || flag === '-type' || flag === '-server' || flag === '-querytype';
      const value = inline ?? (takesValue ? tokens[++i] : undefined);
      if (flag === '-name' && value) out.name = dnsName(value);
      if ((flag === '-type' || flag === '-q' || flag === '-querytype') && value) out.type = value.toUpperCase();
      continue;
    }
    if (!out.name) out.name = dnsName(t);
  }
  return out;
}

interface NslookupState {
  records: DnsRecord[];
  srv?: DnsRecord;
  name?: string;
  address?: string;
  aliases: string[];
  inAliases: boolean;
  inServer: boolean;
  /** A line holding only a name: the owner of the SOA lines that follow it. */
  bare?: string;
}

function record(name: string, type: DnsRecordType, extra: Partial<DnsRecord>): DnsRecord {
  return { kind: 'dns', name: dnsName(name), type, ...extra, cut: [], other: {} };
}

/** Closes a "Name: / Address: / Aliases:" answer: aliases chain to each other, the last one to Name. */
function closeAnswer(s: NslookupState): void {
  if (!s.name && s.aliases.length === 0) return;
  if (s.name) {
    const chain = [...s.aliases.map(dnsName), dnsName(s.name)];
    for (let k = 0; k + 1 < chain.length; k++) s.records.push(record(chain[k]!, 'CNAME', { target: chain[k + 1]! }));
    if (s.address) s.records.push(record(s.name, s.address.includes(':') ? 'AAAA' : 'A', { address: s.address }));
  }
  s.name = undefined;
  s.address = undefined;
  s.aliases = [];
  s.inAliases = false;
}

/** nslookup's text answers. */
export function dnsFromNslookup(lines: PsLine[]): DnsRecord[] {
  const s: NslookupState = { records: [], aliases: [], inAliases: false, inServer: false };
  for (const { text } of lines) {
    const t = text.trim();
    if (t === '') {
      closeAnswer(s);
      s.inServer = false;
      s.srv = undefined;
      continue;
    }
    if (s.inAliases && text.startsWith(' ') && !t.includes('=') && !t.includes(':')) {
      s.aliases.push(t);
      continue;
    }
    s.inAliases = false;
    if (t.startsWith('>')) continue; // interactive nslookup: "> set type=srv", "> lyncdiscover.contoso.com"
    if (t.startsWith('Server:')) {
      s.inServer = true;
      continue;
    }
    if (t.startsWith('Address:') || t.startsWith('Addresses:')) {
      if (!s.inServer && s.name && !s.address) s.address = t.slice(t.indexOf(':') + 1).trim();
      continue;
    }
    if (t.startsWith('Name:')) {
      closeAnswer(s);
      s.inServer = false;
      s.name = t.slice(5).trim();
      continue;
    }
    if (t.startsWith('Aliases:')) {
      s.aliases.push(t.slice(8).trim());
      s.inAliases = true;
      continue;
    }
    if (t.startsWith('***')) {
      const at = t.indexOf("can't find ");
      if (at < 0) continue;
      const rest = t.slice(at + 11);
      const colon = rest.lastIndexOf(': ');
      const reason = colon > 0 ? rest.slice(colon + 2).trim() : '';
      if (colon > 0 && reason.toLowerCase().includes('non-existent domain')) {
        s.records.push(record(rest.slice(0, colon), 'MISSING', { reason }));
      }
      continue;
    }
    const eq = t.indexOf(' = ');
    if (!t.includes(' ') && !t.includes(':')) {
      s.bare = t;
      continue;
    }
    if (t.includes('SRV service location')) {
      s.srv = record(t.slice(0, t.indexOf(' ')), 'SRV', {});
      s.records.push(s.srv);
      continue;
    }
    if (eq < 0) continue;
    const left = t.slice(0, eq).trim();
    const right = t.slice(eq + 3).trim();
    const key = left.toLowerCase();
    const n = intOf(right);
    if (s.srv && key === 'priority') {
      if (n !== undefined) s.srv.priority = n;
    } else if (s.srv && key === 'weight') {
      if (n !== undefined) s.srv.weight = n;
    } else if (s.srv && key === 'port') {
      if (n !== undefined) s.srv.port = n;
    } else if (s.srv && key === 'svr hostname') s.srv.target = dnsName(right);
    else if (key.endsWith(' canonical name'))
      s.records.push(record(left.slice(0, -15), 'CNAME', { target: dnsName(right) }));
    else if (key.endsWith(' internet address')) s.records.push(record(left.slice(0, -17), 'A', { address: right }));
    else if (key.endsWith(' aaaa ipv6 address')) s.records.push(record(left.slice(0, -18), 'AAAA', { address: right }));
    else if (key === 'primary name server') s.records.push(record(s.bare ?? '', 'SOA', { target: dnsName(right) }));
  }
  closeAnswer(s);
  return s.records.filter((r) => r.name !== '');
}

/** Does this text look like nslookup's? */
export function looksLikeNslookup(lines: PsLine[]): boolean {
  for (const { text } of lines) {
    const t = text.trim();
    if (
      t.startsWith('Non-authoritative answer') ||
      t.includes('SRV service location') ||
      t.includes(' canonical name = ') ||
      t.includes(' internet address = ') ||
      (t.startsWith('***') && t.includes("can't find")) ||
      t.startsWith('Aliases:') ||
      t.startsWith('svr hostname')
    ) {
      return true;
    }
  }
  return false;
}

/** Records plus what the query tells: a name asked for whose only answer is the zone's SOA has no such record. */
export function withNoData(records: DnsRecord[], query: { name?: string; type?: string }): DnsRecord[] {
  const name = query.name;
  if (!name || records.some((r) => r.name === name && r.type !== 'SOA')) return records;
  const soa = records.some((r) => r.type === 'SOA');
  if (!soa) return records;
  const type = query.type ?? 'A';
  return [...records, { kind: 'dns', name, type: 'MISSING', reason: `no ${type} record`, cut: [], other: {} }];
}
