// The facts the evidence analyzers set, and the values each can take: the diagnostic tree reads exactly these.
export const EVIDENCE_FACTS = {
  'step.1': ['done', 'missing'],
  'step.2': ['done', 'missing'],
  'step.3': ['done', 'missing'],
  'step.4': ['done', 'missing'],
  'step.5': ['done', 'missing'],
  'step.6': ['done', 'missing'],
  'step.7': ['done', 'missing'],
  'provider.exists': ['yes', 'no'],
  'provider.proxyFqdn': ['right', 'wrong'],
  /** Enabled, HostsOCSUsers, IsLocal and VerificationLevel. */
  'provider.settings': ['right', 'wrong'],
  'edge.allow-federated-users': ['yes', 'no'],
  'policy.outside-access': ['on', 'off'],
  'cms.replication': ['current', 'pending'],
  'user.sip-address': ['yes', 'no'],
  'user.mail': ['set', 'empty'],
  'oauth.partner-apps': ['yes', 'no'],
  'oauth.server': ['yes', 'no'],
  'dns.target': ['online', 'onprem', 'mixed'],
} as const satisfies Record<string, readonly string[]>;

export type EvidenceFactName = keyof typeof EVIDENCE_FACTS;
