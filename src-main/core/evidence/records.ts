// Typed records read from cmdlet output. Every record names its kind; values the output did not show are left
// undefined (never guessed), cut values are listed in `cut`, and properties LEXO does not model stay in `other`.

interface RecordBase {
  /** Properties whose value PowerShell cut ("..." / "…"): they are known only by their beginning. */
  cut: string[];
  /** Properties LEXO does not model, as printed. */
  other: Record<string, string>;
}

export interface HostingProviderRecord extends RecordBase {
  kind: 'hosting-provider';
  identity?: string;
  name?: string;
  proxyFqdn?: string;
  verificationLevel?: string;
  enabled?: boolean;
  enabledSharedAddressSpace?: boolean;
  hostsOcsUsers?: boolean;
  isLocal?: boolean;
  autodiscoverUrl?: string;
  /** Read with -LocalStore: the Edge Server's replica, not the Central Management store. */
  localStore: boolean;
}

export interface AccessEdgeRecord extends RecordBase {
  kind: 'access-edge';
  identity?: string;
  allowFederatedUsers?: boolean;
  allowOutsideUsers?: boolean;
  enablePartnerDiscovery?: boolean;
  routingMethod?: string;
  localStore: boolean;
}

export interface ExternalAccessPolicyRecord extends RecordBase {
  kind: 'external-access-policy';
  identity?: string;
  enableOutsideAccess?: boolean;
  enableFederationAccess?: boolean;
}

export interface ReplicationRecord extends RecordBase {
  kind: 'cms-replication';
  replicaFqdn?: string;
  upToDate?: boolean;
  lastStatusReport?: string;
  lastUpdateCreation?: string;
}

/** Test-CsExStorageConnectivity, Test-CsUnifiedContactStore, Test-CsExUMConnectivity. */
export type SyntheticTest = 'exstorage' | 'ucs' | 'exum';

export interface SyntheticTestRecord extends RecordBase {
  kind: 'synthetic-test';
  /** Which test, from the command; undefined when the paste lost its prompt line. */
  test?: SyntheticTest;
  targetFqdn?: string;
  /** Success, Failure, or what else the output said. */
  result?: string;
  latency?: string;
  errorMessage?: string;
  diagnosis?: string;
}

export interface OAuthConfigurationRecord extends RecordBase {
  kind: 'oauth-configuration';
  identity?: string;
  /** Members of PartnerApplications / OAuthServers when the output shows those collections. */
  partnerApplications?: string[];
  oauthServers?: string[];
  realm?: string;
  serviceName?: string;
  exchangeAutodiscoverUrl?: string;
}

export interface OAuthServerRecord extends RecordBase {
  kind: 'oauth-server';
  identity?: string;
  metadataUrl?: string;
  realm?: string;
}

export interface PartnerApplicationRecord extends RecordBase {
  kind: 'partner-application';
  identity?: string;
  applicationIdentifier?: string;
  applicationTrustLevel?: string;
  enabled?: boolean;
  useOAuthServer?: boolean;
  metadataUrl?: string;
  realm?: string;
}

/** A user as Get-CsUser, Get-ADUser or Get-Mailbox shows it. */
export interface UserRecord extends RecordBase {
  kind: 'user';
  source: 'Get-CsUser' | 'Get-ADUser' | 'Get-Mailbox';
  identity?: string;
  displayName?: string;
  userPrincipalName?: string;
  /** Get-CsUser SipAddress. */
  sipAddress?: string;
  /** Get-ADUser msRTCSIP-PrimaryUserAddress ('' when shown empty). */
  primaryUserAddress?: string;
  /** proxyAddresses (Get-ADUser) or EmailAddresses (Get-Mailbox), when shown. */
  proxyAddresses?: string[];
  /** The address list was cut: a missing sip: address may be in the part not shown. */
  proxyAddressesCut?: boolean;
  /** Get-ADUser mail / EmailAddress ('' when shown empty). */
  mail?: string;
  windowsEmailAddress?: string;
  primarySmtpAddress?: string;
  externalAccessPolicy?: string;
}

export type DnsRecordType = 'CNAME' | 'SRV' | 'A' | 'AAAA' | 'SOA' | 'MISSING' | 'OTHER';

export interface DnsRecord extends RecordBase {
  kind: 'dns';
  /** Owner name, lower case, no trailing dot. */
  name: string;
  type: DnsRecordType;
  /** CNAME or SRV target, lower case, no trailing dot. */
  target?: string;
  address?: string;
  port?: number;
  priority?: number;
  weight?: number;
  section?: string;
  /** For MISSING: what the resolver said ("DNS name does not exist", "Non-existent domain", "no SRV record"). */
  reason?: string;
}

export type EvidenceRecord =
  | HostingProviderRecord
  | AccessEdgeRecord
  | ExternalAccessPolicyRecord
  | ReplicationRecord
  | SyntheticTestRecord
  | OAuthConfigurationRecord
  | OAuthServerRecord
  | PartnerApplicationRecord
  | UserRecord
  | DnsRecord;

export type EvidenceKind = EvidenceRecord['kind'];

export type RecordOf<K extends EvidenceKind> = Extract<EvidenceRecord, { kind: K }>;
