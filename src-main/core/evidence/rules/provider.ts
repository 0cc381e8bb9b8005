// Step 5: the "Exchange Online" hosting provider (Get-CsHostingProvider, on the Edge with -LocalStore).
import type { RecognizedPart } from '../recognize';
import type { HostingProviderRecord } from '../records';
import {
  accountsOf,
  CHECKLIST_KB,
  CLOUD_LABEL,
  onPremSteps,
  PROXY_FQDN,
  TOPOLOGY_LABEL,
  type Cloud,
  type EvidenceContext,
} from './context';
import { finding, listText, shown, type Outcome } from './outcome';
import { filtered, partsOf } from './parts';

const NEW_PROVIDER = (identity: string) =>
  `New-CsHostingProvider -Identity "${identity}" -Enabled $True -EnabledSharedAddressSpace {{enabledSharedAddressSpace}} ` +
  `-HostsOCSUsers $False -ProxyFqdn "{{proxyFqdn}}" -IsLocal $False -VerificationLevel UseSourceVerification`;

const KNOWN_PROXIES = Object.entries(PROXY_FQDN) as [Cloud, string][];

const fqdn = (v: string) => {
  const t = v.trim().toLowerCase();
  return t.endsWith('.') ? t.slice(0, -1) : t;
};

/** The part of a cut value that PowerShell did print. */
const prefixOf = (v: string) => (v.endsWith('...') ? v.slice(0, -3) : v.endsWith('…') ? v.slice(0, -1) : v);

/** The Exchange Online provider: an exap.um.* proxy, or a name or proxy that says Exchange Online. */
function exchangeLike(r: HostingProviderRecord): boolean {
  const proxy = r.proxyFqdn ? fqdn(prefixOf(r.proxyFqdn)) : '';
  const name = `${r.identity ?? ''} ${r.name ?? ''}`.toLowerCase();
  if (proxy.startsWith('exap.') || proxy.includes('outlook.') || proxy.includes('office365.')) return true;
  if (proxy.endsWith('lync.com') || proxy.includes('.lync.')) return false; // Skype for Business Online's provider
  return name.includes('exchange online') || name.includes('exchangeonline') || name.trim() === 'exchange';
}

type Verdict = 'right' | 'wrong' | undefined;

function proxyVerdict(r: HostingProviderRecord, ctx: EvidenceContext): Verdict {
  if (r.proxyFqdn === undefined) return undefined;
  const expected = ctx.cloud ? PROXY_FQDN[ctx.cloud] : undefined;
  const candidates = expected ? [expected] : KNOWN_PROXIES.map(([, p]) => p);
  if (r.cut.includes('proxyFqdn')) {
    const prefix = fqdn(prefixOf(r.proxyFqdn));
    return candidates.some((c) => c.startsWith(prefix)) ? undefined : 'wrong';
  }
  return candidates.includes(fqdn(r.proxyFqdn)) ? 'right' : 'wrong';
}

const capitalized = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

const label = (r: HostingProviderRecord) => r.identity ?? r.name ?? 'Exchange Online';

/** Evaluates one provider listing (the Central Management store's, or an Edge's local store). */
function evaluate(records: HostingProviderRecord[], parts: RecognizedPart[], ctx: EvidenceContext, out: Outcome): void {
  const steps = onPremSteps(ctx);
  const candidates = records.filter(exchangeLike);
  if (candidates.length === 0) {
    missing(records, parts, steps, out);
    return;
  }
  const expected = ctx.cloud ? PROXY_FQDN[ctx.cloud] : undefined;
  const best =
    candidates.find((r) => r.proxyFqdn && expected && fqdn(r.proxyFqdn) === expected) ??
    candidates.find((r) => proxyVerdict(r, ctx) === 'right') ??
    candidates[0]!;
  const id = label(best);
  out.fact('provider.exists', 'yes');

  const proxy = proxyVerdict(best, ctx);
  if (proxy) out.fact('provider.proxyFqdn', proxy);
  if (proxy === 'wrong') out.add(() => wrongProxy(best, ctx));
  if (proxy === undefined && best.cut.includes('proxyFqdn')) {
    out.add(() =>
      finding(
        'provider-proxyfqdn-cut',
        'info',
        'step-5-hosting-provider',
        `The output cut ProxyFqdn of "${id}" (${shown(best.proxyFqdn)}): LEXO cannot tell whether it is right. ` +
          `Run Get-CsHostingProvider -Identity "${id}" | Format-List * to see the whole value.`,
        [CHECKLIST_KB],
      ),
    );
  }
  if (proxy === 'right' && !ctx.cloud && best.proxyFqdn && fqdn(best.proxyFqdn) !== PROXY_FQDN.worldwide) {
    const cloud = KNOWN_PROXIES.find(([, p]) => p === fqdn(best.proxyFqdn!))?.[0];
    if (cloud) {
      out.add(() =>
        finding(
          'provider-proxyfqdn-cloud',
          'info',
          'step-5-hosting-provider',
          `ProxyFqdn ${shown(best.proxyFqdn)} is the Exchange Online address of ${CLOUD_LABEL[cloud]}; it is right only ` +
            `if the tenant is in that cloud (worldwide tenants use ${PROXY_FQDN.worldwide}).`,
          [CHECKLIST_KB],
        ),
      );
    }
  }

  const settings = settingsVerdict(best, out);
  if (settings) out.fact('provider.settings', settings);
  sharedAddressSpace(best, ctx, out);

  if (!steps) return;
  if (proxy === 'wrong' || settings === 'wrong') out.fact('step.5', 'missing');
  else if (proxy === 'right' && settings === 'right') out.fact('step.5', 'done');
}

function missing(records: HostingProviderRecord[], parts: RecognizedPart[], steps: boolean, out: Outcome): void {
  // A listing cut mid-way proves nothing about what is not in it.
  if (parts.some((p) => p.incomplete) && records.length > 0) return;
  const filter = parts.map((p) => filtered(p.command)).find((f) => f !== undefined);
  out.fact('provider.exists', 'no');
  if (steps) out.fact('step.5', 'missing');
  const seen = records.map((r) => `${label(r)} (${r.proxyFqdn ?? 'no ProxyFqdn shown'})`);
  const what =
    records.length > 0
      ? `Get-CsHostingProvider lists ${listText(seen)}, but no provider for Exchange Online (ProxyFqdn exap.um.…).`
      : filter
        ? `Get-CsHostingProvider (${parts[0]?.command ?? ''}) returned nothing: there is no such provider. If the ` +
          `Exchange Online provider was created under another name, run Get-CsHostingProvider without a filter.`
        : 'Get-CsHostingProvider returned no hosting provider at all.';
  out.add(() =>
    finding(
      'provider-missing',
      'error',
      'step-5-hosting-provider',
      `${what} Without it the Edge Server does not trust the Exchange Online Access Edge, so IM and presence in ` +
        `Outlook Web App cannot work.`,
      [CHECKLIST_KB],
      [NEW_PROVIDER('Exchange Online')],
    ),
  );
}

function wrongProxy(r: HostingProviderRecord, ctx: EvidenceContext) {
  const id = label(r);
  const expected = ctx.cloud
    ? `for ${CLOUD_LABEL[ctx.cloud]} it must be "${PROXY_FQDN[ctx.cloud]}"`
    : `that is not the Exchange Online address of any Office 365 cloud (${KNOWN_PROXIES.map(
        ([c, p]) => `${p} for ${CLOUD_LABEL[c]}`,
      ).join(', ')})`;
  return finding(
    'provider-proxyfqdn-wrong',
    'error',
    'step-5-hosting-provider',
    `The hosting provider "${id}" has ProxyFqdn ${shown(r.proxyFqdn)}; ${expected}. ProxyFqdn cannot be changed ` +
      `(Set-CsHostingProvider has no -ProxyFqdn): remove the provider and create it again.`,
    [CHECKLIST_KB],
    [`Remove-CsHostingProvider -Identity "${id}"`, NEW_PROVIDER(id)],
  );
}

interface Setting {
  field: 'enabled' | 'hostsOcsUsers' | 'isLocal' | 'verificationLevel';
  property: string;
  right: (r: HostingProviderRecord) => boolean;
  id: string;
  parameter: string;
  why: string;
}

const SETTINGS: Setting[] = [
  {
    field: 'verificationLevel',
    property: 'VerificationLevel',
    right: (r) => r.verificationLevel?.toLowerCase() === 'usesourceverification',
    id: 'provider-verification-level',
    parameter: '-VerificationLevel UseSourceVerification',
    why: 'it must be UseSourceVerification, otherwise the Edge rejects the messages from Exchange Online as unverifiable',
  },
  {
    field: 'enabled',
    property: 'Enabled',
    right: (r) => r.enabled === true,
    id: 'provider-disabled',
    parameter: '-Enabled $True',
    why: 'the connection to Exchange Online is switched off; it must be True',
  },
  {
    field: 'hostsOcsUsers',
    property: 'HostsOCSUsers',
    right: (r) => r.hostsOcsUsers === false,
    id: 'provider-hosts-ocs-users',
    parameter: '-HostsOCSUsers $False',
    why: 'that declares a provider hosting Lync users (as the Skype for Business Online provider does); for Exchange Online it must be False',
  },
  {
    field: 'isLocal',
    property: 'IsLocal',
    right: (r) => r.isLocal === false,
    id: 'provider-is-local',
    parameter: '-IsLocal $False',
    why: 'that declares the proxy part of your own topology; Exchange Online is outside it, so it must be False',
  },
];

/** VerificationLevel's values: a cut one ("UseSourceVerific...") that only one of them begins with is that one. */
const VERIFICATION_LEVELS = ['AlwaysVerifiable', 'AlwaysUnverifiable', 'UseSourceVerification'];

function completed(r: HostingProviderRecord): HostingProviderRecord {
  if (!r.verificationLevel || !r.cut.includes('verificationLevel')) return r;
  const prefix = prefixOf(r.verificationLevel).toLowerCase();
  const matches = VERIFICATION_LEVELS.filter((v) => v.toLowerCase().startsWith(prefix));
  if (matches.length !== 1) return r;
  return { ...r, verificationLevel: matches[0], cut: r.cut.filter((c) => c !== 'verificationLevel') };
}

function settingsVerdict(record: HostingProviderRecord, out: Outcome): Verdict {
  const r = completed(record);
  let wrong = false;
  const unknown: string[] = [];
  const id = label(r);
  for (const s of SETTINGS) {
    const value = r[s.field];
    if (value === undefined || r.cut.includes(s.field)) {
      unknown.push(s.property);
      continue;
    }
    if (s.right(r)) continue;
    wrong = true;
    out.add(() =>
      finding(
        s.id,
        'error',
        'step-5-hosting-provider',
        `The hosting provider "${id}" has ${s.property} ${shown(psText(value))}: ${s.why}.`,
        [CHECKLIST_KB],
        [`Set-CsHostingProvider -Identity "${id}" ${s.parameter}`],
      ),
    );
  }
  if (wrong) return 'wrong';
  if (unknown.length === 0) return 'right';
  out.add(() =>
    finding(
      'provider-settings-not-shown',
      'info',
      'step-5-hosting-provider',
      `The output does not show ${listText(unknown)} of "${id}", so LEXO cannot confirm the provider's settings. ` +
        `Run Get-CsHostingProvider -Identity "${id}" | Select-Object * to see them all.`,
      [CHECKLIST_KB],
    ),
  );
  return undefined;
}

/** EnabledSharedAddressSpace: the support article and the TechNet topic differ for Lync on-premises only. */
function sharedAddressSpace(r: HostingProviderRecord, ctx: EvidenceContext, out: Outcome): void {
  const value = r.enabledSharedAddressSpace;
  if (value === undefined) return;
  const accounts = accountsOf(ctx);
  const id = label(r);
  const fix = [`Set-CsHostingProvider -Identity "${id}" -EnabledSharedAddressSpace {{enabledSharedAddressSpace}}`];
  const both =
    'The support article (KB 2614614) creates the provider with -EnabledSharedAddressSpace $False for Lync Server ' +
    'on-premises only and $True for a hybrid deployment; the TechNet topic (hh533880) shows $True in every case.';
  if (accounts === 'onprem' && value) {
    out.add(() =>
      finding(
        'provider-shared-address-space',
        'warning',
        'step-5-hosting-provider',
        `"${id}" has EnabledSharedAddressSpace True with ${TOPOLOGY_LABEL[ctx.topology!]}. ${both} True follows ` +
          `the TechNet topic and is not an error in itself; if IM and presence in Outlook Web App still fail with ` +
          `every other setting right, set it to $False as the support article does.`,
        [CHECKLIST_KB],
        fix,
      ),
    );
  } else if (accounts === 'hybrid' && !value) {
    out.add(() =>
      finding(
        'provider-shared-address-space',
        'warning',
        'step-5-hosting-provider',
        `"${id}" has EnabledSharedAddressSpace False in ${TOPOLOGY_LABEL[ctx.topology!]}. ${both} In a hybrid the ` +
          `SIP domain is shared with Skype for Business Online, so both sources use $True here.`,
        [CHECKLIST_KB],
        fix,
      ),
    );
  } else if (accounts === undefined) {
    out.add(() =>
      finding(
        'provider-shared-address-space',
        'info',
        'step-5-hosting-provider',
        `"${id}" has EnabledSharedAddressSpace ${value ? 'True' : 'False'}. ${both} Which value to expect depends on ` +
          `the topology: tell LEXO whether Lync is on-premises only or hybrid.`,
        [CHECKLIST_KB],
      ),
    );
  }
}

/** A value as PowerShell prints it: True / False for booleans. */
const psText = (v: string | boolean) => (v === true ? 'True' : v === false ? 'False' : v);

const PROPERTY: Record<string, string> = {
  proxyFqdn: 'ProxyFqdn',
  enabled: 'Enabled',
  verificationLevel: 'VerificationLevel',
  hostsOcsUsers: 'HostsOCSUsers',
  isLocal: 'IsLocal',
  enabledSharedAddressSpace: 'EnabledSharedAddressSpace',
};

/** The Edge's replica (-LocalStore) differs from the Central Management store: replication has not reached it. */
function compareStores(cms: HostingProviderRecord[], local: HostingProviderRecord[], out: Outcome): void {
  const a = cms.filter(exchangeLike)[0];
  const b = local.filter(exchangeLike)[0];
  const differences: string[] = [];
  if (a && !b)
    differences.push(
      `the Central Management store has "${label(a)}" but the Edge's local store has no Exchange Online provider`,
    );
  if (!a && b) differences.push(`the Edge's local store has "${label(b)}" but the Central Management store has none`);
  if (a && b) {
    const fields = [
      'proxyFqdn',
      'enabled',
      'verificationLevel',
      'hostsOcsUsers',
      'isLocal',
      'enabledSharedAddressSpace',
    ] as const;
    for (const f of fields) {
      const x = a[f];
      const y = b[f];
      if (
        x !== undefined &&
        y !== undefined &&
        String(x).toLowerCase() !== String(y).toLowerCase() &&
        !a.cut.includes(f) &&
        !b.cut.includes(f)
      ) {
        differences.push(`${PROPERTY[f]} is ${psText(x)} in the Central Management store but ${psText(y)} on the Edge`);
      }
    }
  }
  if (differences.length === 0) return;
  out.fact('cms.replication', 'pending');
  out.add(() =>
    finding(
      'provider-local-store-differs',
      'warning',
      'cms-replication',
      `${capitalized(differences.join('; '))}. The change has not replicated to the Edge Server yet (it usually takes about a ` +
        `minute); check Get-CsManagementStoreReplicationStatus on an internal server.`,
      [],
      ['Invoke-CsManagementStoreReplication -ReplicaFqdn {{edgePoolFqdn}}'],
    ),
  );
}

export function providerRules(all: RecognizedPart[], ctx: EvidenceContext, out: Outcome): void {
  const { parts } = partsOf(all, 'hosting-provider');
  if (parts.length === 0) return;
  const cmsParts = parts.filter((p) => !p.command?.toLowerCase().includes('-localstore') && !isLocal(p));
  const localParts = parts.filter((p) => !cmsParts.includes(p));
  const recordsOf = (ps: RecognizedPart[]) =>
    ps.flatMap((p) => p.records.filter((r): r is HostingProviderRecord => r.kind === 'hosting-provider'));
  // The Central Management store is the configuration; the Edge's copy only tells whether it replicated.
  const main = cmsParts.length > 0 ? cmsParts : localParts;
  evaluate(recordsOf(main), main, ctx, out);
  if (cmsParts.length > 0 && localParts.length > 0) compareStores(recordsOf(cmsParts), recordsOf(localParts), out);
}

const isLocal = (p: RecognizedPart) =>
  p.records.length > 0 && p.records.every((r) => r.kind === 'hosting-provider' && r.localStore);
