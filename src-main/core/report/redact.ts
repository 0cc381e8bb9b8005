// Redaction for reports that leave the company: what identifies the customer (user names, SIP and mail addresses,
// domains, tenant ids, server names, the customer's name) becomes a stable token, the same name always the same
// token within a report, so the report still reads ("user1 on server1.domain1.example"). Microsoft's own hosts are
// kept: they identify no one and the reader needs them (exap.um.outlook.com, sipdir.online.lync.com…).
//
// Use: register what the case knows (customer, users with their aliases), `learn` every text of the report, then
// `redact` each one. Learning everything first gives every name its token before any text is written.

/** Microsoft's suffixes: hosts under them are kept as they are. */
const MICROSOFT_SUFFIXES = [
  'microsoft.com',
  'microsoftonline.com',
  'microsoftonline.us',
  'microsoftonline.cn',
  'microsoft.us',
  'outlook.com',
  'outlook.cn',
  'office365.com',
  'office365.us',
  'office.com',
  'office.net',
  'lync.com',
  'skype.com',
  'skypeforbusiness.us',
  'windows.net',
  'chinacloudapi.cn',
  'azure.com',
  'live.com',
  'msft.net',
  'msn.com',
  'bing.com',
  'akamaiedge.net',
];

/** Microsoft suffixes whose first label below is the customer's (contoso.onmicrosoft.com): that label is redacted. */
const TENANT_SUFFIXES = [
  'mail.protection.outlook.com',
  'mail.protection.partner.outlook.cn',
  'mail.onmicrosoft.com',
  'onmicrosoft.com',
  'onmicrosoft.us',
  'partner.onmschina.cn',
  'onmschina.cn',
  'sharepoint.com',
  'sharepoint.cn',
  'sharepoint.us',
];

/** Service names in front of a customer's domain that tell the reader something and identify no one. */
const SERVICE_LABELS = new Set([
  'sip',
  'lyncdiscover',
  'lyncdiscoverinternal',
  'autodiscover',
  'meet',
  'dialin',
  'scheduler',
  'admin',
  'www',
  'enterpriseregistration',
  'enterpriseenrollment',
  '_sip',
  '_sips',
  '_tls',
  '_tcp',
  '_udp',
  '_sipfederationtls',
  '_sipinternal',
  '_sipinternaltls',
  '_autodiscover',
  '_xmpp-server',
]);

/** Generic top-level domains worth recognizing; two-letter country codes are recognized as a class. */
const GENERIC_TLDS = new Set(
  (
    'com net org edu gov mil int info biz name pro mobi asia tel travel local lan corp internal intranet home ' +
    'office cloud online site tech app dev io ai group company global world services solutions systems network ' +
    'email space website store shop club xyz top'
  ).split(' '),
);
/** Two-letter "top-level domains" that are really file extensions in this kind of text. */
const NOT_TLDS = new Set(['ps', 'md', 'sh', 'py', 'rs', 'js', 'ts', 'db', 'cs', 'vb', 'rb', 'mo', 'so', 'gz']);
/** Second-level labels under which a country's registrable domains sit (contoso.co.uk, contoso.com.tw). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'idv', 'gob']);

/** Directory containers every forest has: their names identify no one. */
const WELL_KNOWN_CONTAINERS = new Set(
  [
    'users',
    'computers',
    'builtin',
    'system',
    'configuration',
    'services',
    'microsoft',
    'rtc service',
    'pools',
    'lc services',
    'sites',
    'schema',
    'global settings',
    'program data',
    'foreignsecurityprincipals',
    'managed service accounts',
    'microsoft exchange',
    '1:1',
  ].map((s) => s.toLowerCase()),
);

/** Application ids of Microsoft's own services (Exchange, Skype for Business, SharePoint): not the customer's. */
const MICROSOFT_APP_ID = /^0000000[0-9a-f]-0000-0ff1-ce00-000000000000$|^00000000-0000-0000-0000-000000000000$/i;

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export interface RedactorOptions {
  /** More suffixes to keep (the KB clouds' ProxyFqdn domains). */
  keepDomains?: readonly string[];
}

export interface Redactor {
  /** The customer's name: "customer-1". */
  customer(name: string): void;
  /**
   * A person: every alias (display name, account name, identity) gets the token of their address's local part
   * ("Ken Myer", "kenmyer" and kenmyer@contoso.com all become user1).
   */
  user(aliases: readonly string[], address?: string): void;
  /** Gives a token to every identifier the text shows; call on every text before redacting any. */
  learn(text: string): void;
  redact(text: string): string;
}

// Only the syntax characters: in a unicode-mode pattern any other escape, such as \-, is an error.
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const isAsciiWordChar = (c: string) => /[A-Za-z0-9_]/.test(c);

export function createRedactor(options: RedactorOptions = {}): Redactor {
  const keep = [...MICROSOFT_SUFFIXES, ...(options.keepDomains ?? []).map((d) => d.toLowerCase())];
  const counters = { user: 0, domain: 0, server: 0, tenant: 0, customer: 0, name: 0, ou: 0 };
  /** Registrable domain → its number; the numbers a registrable domain took. */
  const domains = new Map<string, number>();
  const takenDomainNumbers = new Set<number>();
  /** A domain's first label (also its NetBIOS name and DC= part) → the number of its domain. */
  const labels = new Map<string, number>();
  const hosts = new Map<string, string>();
  const users = new Map<string, string>();
  const guids = new Map<string, string>();
  /** Names matched as words anywhere: lower-case name → token. */
  const literals = new Map<string, string>();
  let literalPattern: RegExp | null = null;

  /** Names the case gives count from 2 characters; names derived from others (labels, short names) from 3. */
  const addLiteral = (name: string, token: string, min = 3) => {
    const key = name.trim().toLowerCase();
    if (key.length < min || literals.has(key) || key === token.toLowerCase()) return;
    literals.set(key, token);
    literalPattern = null;
  };

  const userToken = (alias: string): string => {
    const key = alias.trim().toLowerCase();
    let token = users.get(key);
    if (!token) {
      token = `user${++counters.user}`;
      users.set(key, token);
    }
    return token;
  };

  const labelNumber = (label: string): number => {
    const key = label.toLowerCase();
    let n = labels.get(key);
    if (n === undefined) {
      n = ++counters.domain;
      labels.set(key, n);
      addLiteral(key, `domain${n}`);
    }
    return n;
  };

  const domainToken = (registrable: string): string => {
    const key = registrable.toLowerCase();
    let n = domains.get(key);
    if (n === undefined) {
      const first = key.split('.')[0]!;
      const byLabel = labels.get(first);
      // contoso.com and contoso.net are two domains: the second gets its own number.
      n = byLabel !== undefined && !takenDomainNumbers.has(byLabel) ? byLabel : ++counters.domain;
      domains.set(key, n);
      takenDomainNumbers.add(n);
      if (!labels.has(first)) {
        labels.set(first, n);
        addLiteral(first, `domain${n}`);
      }
    }
    return `domain${n}.example`;
  };

  const isTld = (label: string) => GENERIC_TLDS.has(label) || (/^[a-z]{2}$/.test(label) && !NOT_TLDS.has(label));
  const isKept = (fqdn: string) =>
    keep.some((s) => fqdn === s || fqdn.endsWith(`.${s}`)) || /(^|\.)(example|invalid|localhost|test)$/.test(fqdn);

  /** The token for a host or domain name; the name itself when it is Microsoft's; null when it is no host name. */
  const fqdnToken = (name: string): string | null => {
    const fqdn = name.toLowerCase();
    const parts = fqdn.split('.');
    // A file name (Get-Mailbox.txt) or a .NET type (System.Net) is no host name.
    if (parts.some((p) => p === '') || !isTld(parts.at(-1)!) || /^(system|microsoft)$/.test(parts[0]!)) return null;
    const tenantSuffix = TENANT_SUFFIXES.find((s) => fqdn.endsWith(`.${s}`));
    if (tenantSuffix) {
      const rest = fqdn.slice(0, -tenantSuffix.length - 1).split('.');
      const tenant = `domain${labelNumber(rest.at(-1)!)}.${tenantSuffix}`;
      return withPrefix(fqdn, rest.slice(0, -1), tenant);
    }
    if (isKept(fqdn)) return name;
    const size = parts.length >= 3 && SECOND_LEVEL.has(parts.at(-2)!) && parts.at(-1)!.length === 2 ? 3 : 2;
    if (parts.length < size) return null;
    return withPrefix(fqdn, parts.slice(0, -size), domainToken(parts.slice(-size).join('.')));
  };

  /** sip.contoso.com keeps its service name; any other host below a domain is a numbered server. */
  const withPrefix = (fqdn: string, prefix: string[], domain: string): string => {
    if (prefix.length === 0) return domain;
    if (prefix.every((l) => SERVICE_LABELS.has(l))) return `${prefix.join('.')}.${domain}`;
    let token = hosts.get(fqdn);
    if (!token) {
      token = `server${hostNumber(fqdn)}.${domain}`;
      hosts.set(fqdn, token);
    }
    return token;
  };

  /** A domain written as DC= parts: its registrable domain, and every label above it as a domain of its own. */
  const learnDomain = (labelsOfName: string[]) => {
    const name = labelsOfName.join('.').toLowerCase();
    const parts = name.split('.');
    if (parts.length < 2 || !isTld(parts.at(-1)!)) return;
    const size = parts.length >= 3 && SECOND_LEVEL.has(parts.at(-2)!) && parts.at(-1)!.length === 2 ? 3 : 2;
    if (isKept(name)) return;
    domainToken(parts.slice(-size).join('.'));
    for (const label of parts.slice(0, -size)) labelNumber(label);
  };

  const hostNumbers = new Map<string, number>();
  function hostNumber(fqdn: string): number {
    let n = hostNumbers.get(fqdn);
    if (n === undefined) {
      n = ++counters.server;
      hostNumbers.set(fqdn, n);
      // The server's short name (LYNC01, atl-cs-001) stands for the same server.
      const short = fqdn.split('.')[0]!;
      if (!SERVICE_LABELS.has(short)) addLiteral(short, `server${n}`);
    }
    return n;
  }

  const guidToken = (guid: string): string => {
    if (MICROSOFT_APP_ID.test(guid)) return guid;
    const key = guid.toLowerCase();
    let token = guids.get(key);
    if (!token) {
      token = `tenant-${++counters.tenant}`;
      guids.set(key, token);
    }
    return token;
  };

  const addressToken = (local: string, domain: string): string => {
    const host = fqdnToken(domain);
    // Someone at Microsoft, or no address at all (a@b.txt): left as it is.
    if (host === null || host === domain) return `${local}@${domain}`;
    return `${userToken(local)}@${host}`;
  };

  /** A distinguished name's value: users keep their token, well-known containers stay, the rest is named. */
  const dnToken = (attr: string, value: string): string => {
    const key = value.trim().toLowerCase();
    if (attr === 'dc') {
      const n = labels.get(key);
      return n === undefined ? value : `domain${n}`;
    }
    if (WELL_KNOWN_CONTAINERS.has(key) || /^\{?[0-9a-f-]{36}\}?$/i.test(key)) return value;
    const known = literals.get(key) ?? users.get(key);
    if (known) return known;
    const token = attr === 'ou' ? `ou-${++counters.ou}` : `name-${++counters.name}`;
    addLiteral(key, token);
    return token;
  };

  /** Literal names, tolerant of the line break PowerShell puts in a value wider than the console. */
  const literalSource = (): string | null => {
    if (literals.size === 0) return null;
    const names = [...literals.keys()].sort((a, b) => b.length - a.length);
    return names
      .map((name) => {
        const chars = [...name].map(escapeRe).join('(?:\\r?\\n[ \\t]+)?');
        const before = isAsciiWordChar(name[0]!) ? '(?<![\\p{L}\\p{N}_])' : '';
        const after = isAsciiWordChar(name.at(-1)!) ? '(?![\\p{L}\\p{N}_])' : '';
        return `${before}${chars}${after}`;
      })
      .join('|');
  };

  const pattern = (): RegExp => {
    if (literalPattern) return literalPattern;
    const literal = literalSource();
    literalPattern = new RegExp(
      [
        // 1, 2: an address (sip:, SMTP: prefixes stay in front of it).
        `(?<![\\w.%+-])([\\w.%+-]+)@([\\w-]+(?:\\.[\\w-]+)+)(?![\\w-])`,
        // 3: a GUID.
        `(?<![\\w-])(${GUID})(?![\\w-])`,
        // 4: a dotted name: a host, a domain, or a file name (left alone).
        `(?<![\\w.$@-])([\\w-]+(?:\\.[\\w-]+)+)(?![\\w-])`,
        // 5, 6: a distinguished name's CN or OU value.
        `\\b(CN|OU)=((?:\\\\.|[^,=\\r\\n+"\\\\<>;()])+)`,
        // 7: a name the case gave (tried before 8, so a DC= label that PowerShell wrapped is still found).
        `(${literal ?? '(?!)'})`,
        // 8: a DC= label of a known domain.
        `(?<=\\bDC=)([\\w-]+)`,
      ].join('|'),
      'giu',
    );
    return literalPattern;
  };

  const replaceOne = (
    whole: string,
    local?: string,
    addressDomain?: string,
    guid?: string,
    dotted?: string,
    dnAttr?: string,
    dnValue?: string,
    literal?: string,
    dcLabel?: string,
  ): string => {
    if (local !== undefined && addressDomain !== undefined) return addressToken(local, addressDomain);
    if (guid !== undefined) return guidToken(guid);
    if (dotted !== undefined) return fqdnToken(dotted) ?? dotted;
    if (dnAttr !== undefined && dnValue !== undefined) {
      const trimmed = dnValue.replace(/\s+$/, '');
      return `${dnAttr}=${dnToken(dnAttr.toLowerCase(), trimmed)}${dnValue.slice(trimmed.length)}`;
    }
    if (literal !== undefined) return literals.get(literal.replace(/\r?\n[ \t]+/g, '').toLowerCase()) ?? literal;
    if (dcLabel !== undefined) return dnToken('dc', dcLabel);
    return whole;
  };

  const run = (text: string): string =>
    text.replace(pattern(), (...args: unknown[]) => {
      const [whole, ...groups] = args.slice(0, 9) as [string, ...(string | undefined)[]];
      return replaceOne(whole, ...groups);
    });

  return {
    customer(name) {
      const key = name.trim().toLowerCase();
      if (!key || literals.has(key)) return;
      addLiteral(key, `customer-${++counters.customer}`, 1);
    },
    user(aliases, address) {
      const at = address?.replace(/^(sip|smtp):/i, '') ?? '';
      const local = at.includes('@') ? at.slice(0, at.indexOf('@')) : undefined;
      const token = local ? userToken(local) : undefined;
      if (at.includes('@')) run(at);
      /** The first person a name was given to keeps it: one name, one token. */
      const alias = (name: string) => {
        const key = name.trim().toLowerCase();
        const t = users.get(key) ?? token ?? userToken(name);
        if (!users.has(key)) users.set(key, t);
        addLiteral(name, t, 2);
      };
      for (const raw of aliases) {
        const a = raw.trim();
        if (!a) continue;
        if (a.includes('@')) {
          // Another address of the same person (a UPN beside the SIP address): the same user token.
          const own = a.replace(/^(sip|smtp):/i, '');
          if (token && !users.has(own.slice(0, own.indexOf('@')).toLowerCase())) {
            users.set(own.slice(0, own.indexOf('@')).toLowerCase(), token);
          }
          run(a);
          continue;
        }
        // DOMAIN\user: the NetBIOS name is the domain's first label.
        const slash = a.indexOf('\\');
        if (slash > 0 && !a.includes('=')) {
          labelNumber(a.slice(0, slash));
          alias(a.slice(slash + 1));
          continue;
        }
        if (a.includes('=')) {
          // A distinguished name: its CN is the person.
          const cn = /^CN=((?:\\.|[^,()])+)/i.exec(a)?.[1]?.trim();
          if (cn) alias(cn);
          run(a);
          continue;
        }
        alias(a);
      }
    },
    learn(text) {
      // Domains written as DC=contoso,DC=com: the labels get the domain's number before any text is redacted.
      for (const m of text.matchAll(/\bDC=[\w-]+(?:\s*,\s*DC=[\w-]+)+/gi)) {
        learnDomain([...m[0].matchAll(/DC=([\w-]+)/gi)].map((d) => d[1]!));
      }
      run(text);
    },
    redact: run,
  };
}
