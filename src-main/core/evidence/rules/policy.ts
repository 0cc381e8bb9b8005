// External access policy: a user signing in to IM from Outlook Web App counts as a remote user, so the policy
// assigned to that user must have EnableOutsideAccess True (hh533880, Lync Server 2013 version).
import type { RecognizedPart } from '../recognize';
import type { ExternalAccessPolicyRecord } from '../records';
import type { EvidenceContext } from './context';
import { finding, listText, type Outcome } from './outcome';
import { partsOf } from './parts';

const norm = (s: string) => s.trim().toLowerCase();

/** The policy a Get-CsUser ExternalAccessPolicy value names: empty means the Global policy. */
function assigned(policies: ExternalAccessPolicyRecord[], value: string): ExternalAccessPolicyRecord | undefined {
  const want = value.trim() === '' ? 'global' : norm(value);
  return policies.find((p) => {
    const id = norm(p.identity ?? '');
    return id === want || id === `tag:${want}` || (want.startsWith('tag:') && id === want.slice(4));
  });
}

export function policyRules(all: RecognizedPart[], _ctx: EvidenceContext, out: Outcome): void {
  const policies = partsOf(all, 'external-access-policy').records.filter((p) => p.enableOutsideAccess !== undefined);
  if (policies.length === 0) return;
  const users = partsOf(all, 'user').records.filter(
    (u) => u.source === 'Get-CsUser' && u.externalAccessPolicy !== undefined,
  );
  const applicable = users.map((u) => assigned(policies, u.externalAccessPolicy!)).filter((p) => p !== undefined);
  const resolved = users.length > 0 && applicable.length === users.length;
  const relevant = resolved ? applicable : policies;
  const off = relevant.filter((p) => p.enableOutsideAccess === false);
  const on = relevant.filter((p) => p.enableOutsideAccess === true);
  const names = (ps: ExternalAccessPolicyRecord[]) =>
    listText([...new Set(ps.map((p) => `"${p.identity ?? 'Global'}"`))]);
  const why =
    'A user who signs in to IM from Outlook Web App counts as a remote user, so the external access policy assigned ' +
    'to that user must allow communications with remote users.';
  const fix = [...new Set(off.map((p) => p.identity ?? 'Global'))].map(
    (id) => `Set-CsExternalAccessPolicy -Identity "${id}" -EnableOutsideAccess $True`,
  );
  if (off.length > 0 && on.length === 0) {
    out.fact('policy.outside-access', 'off');
    const whose = resolved ? ' (the policy assigned to the user)' : '';
    out.add(() =>
      finding(
        'policy-outside-access-off',
        'error',
        'external-access-policy',
        `EnableOutsideAccess is False in the external access ${off.length > 1 ? 'policies' : 'policy'} ${names(off)}${whose}. ${why}`,
        [],
        fix,
      ),
    );
  } else if (on.length > 0 && off.length === 0) {
    out.fact('policy.outside-access', 'on');
  } else {
    out.add(() =>
      finding(
        'policy-outside-access-mixed',
        'warning',
        'external-access-policy',
        `EnableOutsideAccess is True in ${names(on)} but False in ${names(off)}. ${why} Check which policy the ` +
          `affected user has (an empty ExternalAccessPolicy means the Global one).`,
        [],
        fix,
      ),
    );
  }
}
