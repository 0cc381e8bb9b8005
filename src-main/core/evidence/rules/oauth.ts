// Steps 6 and 7: server-to-server authentication. Step 6 (Exchange hybrid only): Lync and an on-premises Exchange
// are partner applications of each other. Step 7 (Lync Server on-premises or hybrid): Lync trusts the Office 365
// authentication service (OAuth server microsoft.sts) and Exchange Online as partner application microsoft.exchange.
import type { RecognizedPart } from '../recognize';
import type { PartnerApplicationRecord } from '../records';
import { CHECKLIST_KB, onPremSteps, type EvidenceContext } from './context';
import { finding, shown, type Outcome } from './outcome';
import { filtered, partsOf } from './parts';

const EXCHANGE_ONLINE_APP = 'microsoft.exchange';

interface App {
  identity: string;
  record?: PartnerApplicationRecord;
}

/** Exchange Online's partner application (step 7) versus an on-premises Exchange's (step 6). */
const isOnlineApp = (a: App) => a.identity.toLowerCase() === EXCHANGE_ONLINE_APP || a.record?.useOAuthServer === true;

function partnerApps(all: RecognizedPart[]): { known: boolean; apps: App[] } {
  const { parts, records } = partsOf(all, 'partner-application');
  const config = partsOf(all, 'oauth-configuration').records.filter((c) => c.partnerApplications !== undefined);
  // An unfiltered Get-CsPartnerApplication, or the configuration's own list, tells what exists.
  const listed =
    parts.some((p) => !p.incomplete && !filtered(p.command)) ||
    config.some((c) => !c.cut.includes('partnerApplications'));
  const apps: App[] = records.map((r) => ({
    identity: r.identity ?? r.applicationIdentifier ?? 'partner application',
    record: r,
  }));
  for (const c of config) {
    for (const name of c.partnerApplications!) {
      if (!apps.some((a) => a.identity.toLowerCase() === name.toLowerCase())) apps.push({ identity: name });
    }
  }
  return { known: listed, apps };
}

function oauthServers(all: RecognizedPart[]): { known: boolean; servers: string[]; metadata: string[] } {
  const { parts, records } = partsOf(all, 'oauth-server');
  const config = partsOf(all, 'oauth-configuration').records.filter((c) => c.oauthServers !== undefined);
  const known = parts.some((p) => !p.incomplete) || config.some((c) => !c.cut.includes('oauthServers'));
  const servers = [...records.map((r) => r.identity ?? 'OAuth server'), ...config.flatMap((c) => c.oauthServers!)];
  return { known, servers, metadata: records.map((r) => r.metadataUrl ?? '') };
}

export function oauthRules(all: RecognizedPart[], ctx: EvidenceContext, out: Outcome): void {
  const hasAny = ['partner-application', 'oauth-server', 'oauth-configuration'].some((k) =>
    all.some((p) => p.kind === k),
  );
  if (!hasAny) return;
  const steps = onPremSteps(ctx);
  const { known: appsKnown, apps } = partnerApps(all);
  const { known: serversKnown, servers } = oauthServers(all);

  if (apps.length > 0) out.fact('oauth.partner-apps', 'yes');
  else if (appsKnown) out.fact('oauth.partner-apps', 'no');
  if (servers.length > 0) out.fact('oauth.server', 'yes');
  else if (serversKnown) out.fact('oauth.server', 'no');

  for (const a of apps.filter((x) => x.record?.enabled === false)) {
    out.add(() =>
      finding(
        'partner-app-disabled',
        'error',
        isOnlineApp(a) ? 'step-7-office365-auth-trust' : 'step-6-oauth-partner-apps',
        `The partner application "${a.identity}" is disabled (Enabled False): Lync does not accept its tokens.`,
        [CHECKLIST_KB],
        [`Set-CsPartnerApplication -Identity "${a.identity}" -Enabled $True`],
      ),
    );
  }

  // Step 6: only with an on-premises Exchange (hybrid); nothing to do with Exchange Online alone.
  const onpremApps = apps.filter((a) => !isOnlineApp(a));
  const exchangeHybrid = ctx.exchange === 'exchange-hybrid' || ctx.exchange === 'exchange-onprem';
  if (appsKnown && onpremApps.length === 0 && ctx.exchange !== 'exchange-online') {
    if (exchangeHybrid && steps) out.fact('step.6', 'missing');
    out.add(() =>
      finding(
        'partner-app-missing',
        exchangeHybrid ? 'error' : 'info',
        'step-6-oauth-partner-apps',
        `Lync has no partner application for an on-premises Exchange Server${apps.length ? ` (it has ${apps.map((a) => `"${a.identity}"`).join(', ')})` : ''}. ` +
          (exchangeHybrid
            ? 'With an Exchange hybrid deployment, Lync and Exchange must each be a partner application of the other ' +
              '(OAuth server-to-server authentication).'
            : 'This matters only with an Exchange hybrid deployment (Exchange Server 2013 with Exchange Online); ' +
              'with Exchange Online alone step 6 has nothing to do.'),
        [CHECKLIST_KB],
        exchangeHybrid
          ? [
              'New-CsPartnerApplication -Identity Exchange -ApplicationTrustLevel Full -MetadataUrl "https://autodiscover.{{sipDomain}}/autodiscover/metadata/json/1"',
              '& "$env:ExchangeInstallPath\\Scripts\\Configure-EnterprisePartnerApplication.ps1" -AuthMetaDataUrl "https://{{frontEndPoolFqdn}}/metadata/json/1" -ApplicationType Lync',
            ]
          : [],
      ),
    );
  } else if (exchangeHybrid && steps && onpremApps.some((a) => a.record?.enabled !== false)) {
    out.fact('step.6', 'done');
  }

  // Step 7: Lync Server (on-premises or hybrid) trusts the Office 365 authentication service.
  if (!steps) return;
  if (serversKnown && servers.length === 0) {
    out.fact('step.7', 'missing');
    out.add(() =>
      finding(
        'oauth-server-missing',
        'error',
        'step-7-office365-auth-trust',
        'Lync has no OAuth server: it does not trust the Office 365 authentication service (microsoft.sts), so ' +
          'Exchange Online cannot authenticate to it and Outlook Web App does not offer the Online Meeting link.',
        [CHECKLIST_KB],
        [
          'New-CsOAuthServer -Identity microsoft.sts -MetadataUrl "https://accounts.accesscontrol.windows.net/{{tenant}}/metadata/json/1"',
          'New-CsPartnerApplication -Identity microsoft.exchange -ApplicationIdentifier 00000002-0000-0ff1-ce00-000000000000 -ApplicationTrustLevel Full -UseOAuthServer',
        ],
      ),
    );
  }
  const onlineApp = apps.find(isOnlineApp);
  if (appsKnown && !onlineApp) {
    out.fact('step.7', 'missing');
    out.add(() =>
      finding(
        'partner-app-exchange-online-missing',
        'error',
        'step-7-office365-auth-trust',
        `Lync has no partner application for Exchange Online (${EXCHANGE_ONLINE_APP}, using the OAuth server): ` +
          "Lync does not accept Exchange Online's server-to-server tokens.",
        [CHECKLIST_KB],
        [
          'New-CsPartnerApplication -Identity microsoft.exchange -ApplicationIdentifier 00000002-0000-0ff1-ce00-000000000000 -ApplicationTrustLevel Full -UseOAuthServer',
        ],
      ),
    );
  } else if (onlineApp?.record && onlineApp.record.useOAuthServer === false) {
    out.fact('step.7', 'missing');
    out.add(() =>
      finding(
        'partner-app-no-oauth-server',
        'error',
        'step-7-office365-auth-trust',
        `The partner application "${onlineApp.identity}" has UseOAuthServer False: Exchange Online's tokens are ` +
          'issued by the Office 365 authentication service, so it must use the OAuth server.',
        [CHECKLIST_KB],
        ['Set-CsPartnerApplication -Identity microsoft.exchange -ApplicationTrustLevel Full -UseOAuthServer'],
      ),
    );
  } else if (servers.length > 0 && onlineApp && onlineApp.record?.enabled !== false) {
    out.fact('step.7', 'done');
  }

  const url = partsOf(all, 'oauth-configuration').records.find(
    (c) => c.exchangeAutodiscoverUrl,
  )?.exchangeAutodiscoverUrl;
  if (url && url.toLowerCase().endsWith('.xml')) {
    out.add(() =>
      finding(
        'oauth-autodiscover-url',
        'warning',
        'step-6-oauth-partner-apps',
        `ExchangeAutodiscoverUrl is ${shown(url)}: it must end in autodiscover.svc, not autodiscover.xml.`,
        [],
        ['Set-CsOAuthConfiguration -Identity global -ExchangeAutodiscoverUrl "{{exchangeAutodiscoverUrl}}"'],
      ),
    );
  }
}
