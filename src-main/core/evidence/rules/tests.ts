// Synthetic transactions: a failed Test-Cs* command, with its Error Message and Diagnosis, points at the step
// that carries the connection it tests.
import type { RecognizedPart } from '../recognize';
import type { SyntheticTest, SyntheticTestRecord } from '../records';
import { CHECKLIST_KB, type EvidenceContext } from './context';
import { finding, type Outcome } from './outcome';
import { partsOf } from './parts';

const CMDLET: Record<SyntheticTest, string> = {
  exstorage: 'Test-CsExStorageConnectivity',
  ucs: 'Test-CsUnifiedContactStore',
  exum: 'Test-CsExUMConnectivity',
};

/** Server-to-server authentication failures belong to step 6 with an on-premises Exchange, step 7 with Exchange Online. */
function authStep(ctx: EvidenceContext): string {
  return ctx.exchange === 'exchange-online' ? 'step-7-office365-auth-trust' : 'step-6-oauth-partner-apps';
}

function conclusionFor(
  r: SyntheticTestRecord,
  ctx: EvidenceContext,
): { conclusion: string; severity: 'error' | 'info'; note: string } {
  const text = `${r.errorMessage ?? ''} ${r.diagnosis ?? ''}`.toLowerCase();
  if (r.test === 'exum') {
    return {
      conclusion: 'hosted-um-edge',
      severity: 'error',
      note: 'Voice mail on hosted Exchange UM goes through the Edge Server and the hosting provider.',
    };
  }
  if (r.test === 'ucs' && ctx.topology === 'lync2013-onprem') {
    return {
      conclusion: 'not-supported',
      severity: 'info',
      note: 'The Unified Contact Store is not supported with Lync Server 2013 on-premises and Exchange Online: this failure is expected, not a fault to fix.',
    };
  }
  if (text.includes('invalid_tenant') || text.includes('tenant for tenant guid')) {
    return {
      conclusion: 'article-sfb-and-exchange-integration-fails',
      severity: 'error',
      note: 'An "invalid_tenant" answer is what Exchange says when its accepted domains use wildcards (*.contoso.com), which server-to-server authentication does not support.',
    };
  }
  if (text.includes('401') || text.includes('unauthorized') || text.includes('token') || text.includes('oauth')) {
    return {
      conclusion: authStep(ctx),
      severity: 'error',
      note: "A 401 means Exchange did not accept Lync's server-to-server (OAuth) token.",
    };
  }
  if (text.includes('autodiscover') || text.includes('smtp') || text.includes('mailbox')) {
    return {
      conclusion: 'step-3-mail-attribute',
      severity: 'error',
      note: "Lync could not find the mailbox: it locates it through Autodiscover on the user's e-mail address (the AD mail attribute).",
    };
  }
  return {
    conclusion: authStep(ctx),
    severity: 'error',
    note: "The test checks Lync's server-to-server connection to Exchange.",
  };
}

const sentence = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);

export function testRules(all: RecognizedPart[], ctx: EvidenceContext, out: Outcome): void {
  const { records } = partsOf(all, 'synthetic-test');
  for (const r of records) {
    const result = (r.result ?? '').toLowerCase();
    if (result === 'success' || result === '') continue;
    const name = r.test ? CMDLET[r.test] : 'A Lync synthetic transaction';
    const { conclusion, severity, note } = conclusionFor(r, ctx);
    const target = r.targetFqdn ? ` against ${r.targetFqdn}` : '';
    const error = r.errorMessage ? ` Error: ${sentence(r.errorMessage)}` : '';
    const diagnosis = r.diagnosis ? ` Diagnosis: ${sentence(r.diagnosis)}` : '';
    out.add(() =>
      finding(
        `test-${r.test ?? 'synthetic'}-failed`,
        severity,
        conclusion,
        `${name} returned ${r.result}${target}.${error}${diagnosis} ${note}`,
        conclusion.startsWith('step-') ? [CHECKLIST_KB] : [],
      ),
    );
  }
}
