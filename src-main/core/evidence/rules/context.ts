// What the analysis knows about the customer besides the evidence: topology, cloud, Exchange deployment.
import type { CaseInput, Topology } from '../../contract';

export type Cloud = NonNullable<CaseInput['cloud']>;
export type Exchange = NonNullable<CaseInput['exchange']>;

export interface EvidenceContext {
  topology?: Topology;
  cloud?: Cloud;
  exchange?: Exchange;
}

/** Where the users' Lync accounts live: all online, all on-premises, or split (hybrid). */
export type Accounts = 'online' | 'onprem' | 'hybrid';

const ACCOUNTS: Record<Topology, Accounts> = {
  'sfb-online': 'online',
  'lync2013-onprem': 'onprem',
  'sfb-server-onprem': 'onprem',
  'lync2013-hybrid': 'hybrid',
  'sfb-server-hybrid': 'hybrid',
};

export function accountsOf(ctx: EvidenceContext): Accounts | undefined {
  return ctx.topology ? ACCOUNTS[ctx.topology] : undefined;
}

/** Steps 2 to 7 concern an on-premises Lync / Skype for Business Server: the checklist stops at step 1 online. */
export const onPremSteps = (ctx: EvidenceContext) => accountsOf(ctx) !== 'online';

/** The Exchange Online Access Edge each cloud's hosting provider points at (hh533880 and its SfB Server version). */
export const PROXY_FQDN: Record<Cloud, string> = {
  worldwide: 'exap.um.outlook.com',
  '21vianet': 'exap.um.partner.outlook.cn',
  'gcc-high': 'exap.um.office365.us',
};

export const CLOUD_LABEL: Record<Cloud, string> = {
  worldwide: 'Office 365 worldwide',
  '21vianet': 'Office 365 operated by 21Vianet',
  'gcc-high': 'Office 365 GCC High',
};

export const TOPOLOGY_LABEL: Record<Topology, string> = {
  'sfb-online': 'Skype for Business Online only',
  'lync2013-onprem': 'Lync Server 2013 on-premises',
  'sfb-server-onprem': 'Skype for Business Server on-premises',
  'lync2013-hybrid': 'a Lync Server 2013 hybrid deployment',
  'sfb-server-hybrid': 'a Skype for Business Server hybrid deployment',
};

/** The support article of the 7-step checklist (seeds/001). */
export const CHECKLIST_KB = '2614614';
