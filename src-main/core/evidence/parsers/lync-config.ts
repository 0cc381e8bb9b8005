// Lync / Skype for Business Server configuration cmdlets: Get-CsHostingProvider, Get-CsAccessEdgeConfiguration,
// Get-CsExternalAccessPolicy, Get-CsManagementStoreReplicationStatus.
import type { PsObject } from '../ps-output';
import type {
  AccessEdgeRecord,
  ExternalAccessPolicyRecord,
  HostingProviderRecord,
  ReplicationRecord,
} from '../records';
import { compact, Fields } from './fields';

export function hostingProviderFrom(obj: PsObject, localStore: boolean): HostingProviderRecord {
  const f = new Fields(obj);
  return compact({
    kind: 'hosting-provider',
    identity: f.value('identity'),
    name: f.value('name'),
    proxyFqdn: f.value('proxyfqdn', 'proxyFqdn'),
    verificationLevel: f.value('verificationlevel', 'verificationLevel'),
    enabled: f.bool('enabled'),
    enabledSharedAddressSpace: f.bool('enabledsharedaddressspace', 'enabledSharedAddressSpace'),
    hostsOcsUsers: f.bool('hostsocsusers', 'hostsOcsUsers'),
    isLocal: f.bool('islocal', 'isLocal'),
    autodiscoverUrl: f.value('autodiscoverurl', 'autodiscoverUrl'),
    localStore,
    cut: f.cut,
    other: f.other(),
  });
}

export function accessEdgeFrom(obj: PsObject, localStore: boolean): AccessEdgeRecord {
  const f = new Fields(obj);
  let routingMethod = f.value('routingmethod', 'routingMethod');
  // Select-Object UseDnsSrvRouting shows the switch as a boolean instead of RoutingMethod.
  const srv = f.bool('usednssrvrouting', 'routingMethod');
  if (routingMethod === undefined && srv !== undefined) routingMethod = srv ? 'UseDnsSrvRouting' : 'UseDefaultRouting';
  return compact({
    kind: 'access-edge',
    identity: f.value('identity'),
    allowFederatedUsers: f.bool('allowfederatedusers', 'allowFederatedUsers'),
    allowOutsideUsers: f.bool('allowoutsideusers', 'allowOutsideUsers'),
    enablePartnerDiscovery: f.bool('enablepartnerdiscovery', 'enablePartnerDiscovery'),
    routingMethod,
    localStore,
    cut: f.cut,
    other: f.other(),
  });
}

export function externalAccessPolicyFrom(obj: PsObject): ExternalAccessPolicyRecord {
  const f = new Fields(obj);
  return compact({
    kind: 'external-access-policy',
    identity: f.value('identity'),
    enableOutsideAccess: f.bool('enableoutsideaccess', 'enableOutsideAccess'),
    enableFederationAccess: f.bool('enablefederationaccess', 'enableFederationAccess'),
    cut: f.cut,
    other: f.other(),
  });
}

export function replicationFrom(obj: PsObject): ReplicationRecord {
  const f = new Fields(obj);
  return compact({
    kind: 'cms-replication',
    replicaFqdn: f.value('replicafqdn', 'replicaFqdn'),
    upToDate: f.bool('uptodate', 'upToDate'),
    lastStatusReport: f.value('laststatusreport', 'lastStatusReport'),
    lastUpdateCreation: f.value('lastupdatecreation', 'lastUpdateCreation'),
    cut: f.cut,
    other: f.other(),
  });
}
