// Server-to-server authentication: Get-CsOAuthConfiguration, Get-CsOAuthServer, Get-CsPartnerApplication.
import type { PsObject } from '../ps-output';
import type { OAuthConfigurationRecord, OAuthServerRecord, PartnerApplicationRecord } from '../records';
import { compact, Fields } from './fields';

/** "{Identity=microsoft.exchange;…}" or "microsoft.exchange" → "microsoft.exchange". */
function memberName(item: string): string {
  const at = item.indexOf('Identity=');
  if (at < 0) return item;
  const end = item.indexOf(';', at);
  return item.slice(at + 9, end < 0 ? undefined : end).trim();
}

export function oauthConfigurationFrom(obj: PsObject): OAuthConfigurationRecord {
  const f = new Fields(obj);
  const apps = f.items('partnerapplications', 'partnerApplications');
  const servers = f.items('oauthservers', 'oauthServers');
  return compact({
    kind: 'oauth-configuration',
    identity: f.value('identity'),
    partnerApplications: apps?.items.map(memberName),
    oauthServers: servers?.items.map(memberName),
    realm: f.value('realm'),
    serviceName: f.value('servicename', 'serviceName'),
    exchangeAutodiscoverUrl: f.value('exchangeautodiscoverurl', 'exchangeAutodiscoverUrl'),
    cut: f.cut,
    other: f.other(),
  });
}

export function oauthServerFrom(obj: PsObject): OAuthServerRecord {
  const f = new Fields(obj);
  return compact({
    kind: 'oauth-server',
    identity: f.value('identity'),
    metadataUrl: f.value('metadataurl', 'metadataUrl'),
    realm: f.value('realm'),
    cut: f.cut,
    other: f.other(),
  });
}

export function partnerApplicationFrom(obj: PsObject): PartnerApplicationRecord {
  const f = new Fields(obj);
  return compact({
    kind: 'partner-application',
    identity: f.value('identity'),
    applicationIdentifier: f.value('applicationidentifier', 'applicationIdentifier'),
    applicationTrustLevel: f.value('applicationtrustlevel', 'applicationTrustLevel'),
    enabled: f.bool('enabled'),
    useOAuthServer: f.bool('useoauthserver', 'useOAuthServer'),
    metadataUrl: f.value('metadataurl', 'metadataUrl'),
    realm: f.value('realm'),
    cut: f.cut,
    other: f.other(),
  });
}
