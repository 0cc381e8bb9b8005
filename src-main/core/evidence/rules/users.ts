// Steps 2 and 3: Exchange Online knows the user's SIP address (a sip: proxy address), and Lync knows the user's
// Exchange e-mail address (the on-premises AD mail attribute).
import type { RecognizedPart } from '../recognize';
import type { UserRecord } from '../records';
import { isSipProxy } from '../parsers/users';
import { accountsOf, CHECKLIST_KB, onPremSteps, type EvidenceContext } from './context';
import { finding, listText, shown, type Outcome } from './outcome';
import { partsOf } from './parts';

const who = (u: UserRecord) => u.userPrincipalName ?? u.identity ?? u.sipAddress ?? u.displayName ?? 'the user';

const where = (u: UserRecord) =>
  u.source === 'Get-Mailbox' ? 'The mailbox EmailAddresses' : 'The on-premises AD proxyAddresses';

function sipAddressRules(users: UserRecord[], ctx: EvidenceContext, out: Outcome): void {
  const withList = users.filter((u) => u.proxyAddresses !== undefined);
  const hybrid = accountsOf(ctx) === 'hybrid';
  const steps = onPremSteps(ctx);
  const lacking = withList.filter((u) => !u.proxyAddresses!.some(isSipProxy));
  const decidedNo = lacking.filter((u) => !u.proxyAddressesCut);
  const cutOnly = lacking.filter((u) => u.proxyAddressesCut);
  if (decidedNo.length > 0) {
    out.fact('user.sip-address', 'no');
    if (steps) out.fact('step.2', 'missing');
    const u = decidedNo[0]!;
    const read = u.proxyAddresses!.length ? u.proxyAddresses!.join(', ') : 'none at all';
    const fix =
      u.source === 'Get-Mailbox'
        ? ['Set-Mailbox -Identity "{{userIdentity}}" -EmailAddresses @{Add="sip:{{userSipAddress}}"}']
        : ['Set-ADUser -Identity {{userIdentity}} -Add @{proxyAddresses="sip:{{userSipAddress}}"}'];
    const more = decidedNo.length > 1 ? ` (also ${listText(decidedNo.slice(1).map(who))})` : '';
    const hybridNote = hybrid
      ? ' In a hybrid deployment directory synchronization is required: set msRTCSIP-PrimaryUserAddress on-premises ' +
        '(enable the user for Lync) and let the sync carry the address.'
      : ' With directory synchronization, add it on-premises and let the sync carry it; without it, add ' +
        '"sip:user@domain" to the mailbox in the Exchange admin center.';
    out.add(() =>
      finding(
        'user-no-sip-address',
        'error',
        'step-2-sip-proxy-address',
        `${where(u)} of ${who(u)}${more} hold no SIP address (read: ${read}). Exchange Online finds the user's ` +
          `Lync account through a "sip:" address there; without it Outlook Web App cannot connect to Lync.${hybridNote}`,
        [CHECKLIST_KB],
        fix,
      ),
    );
  } else if (withList.length > 0 && cutOnly.length === 0) {
    out.fact('user.sip-address', 'yes');
  }
  if (cutOnly.length > 0) {
    out.add(() =>
      finding(
        'user-addresses-cut',
        'info',
        'step-2-sip-proxy-address',
        `The address list of ${listText(cutOnly.map(who))} was cut by PowerShell ("..."), and the part shown has no ` +
          `SIP address: it may be in the part not shown. Run the command again with ` +
          `"| Select-Object -ExpandProperty ${cutOnly[0]!.source === 'Get-Mailbox' ? 'EmailAddresses' : 'proxyAddresses'}".`,
        [CHECKLIST_KB],
      ),
    );
  }

  // In a hybrid, msRTCSIP-PrimaryUserAddress is set on-premises and synchronised.
  const noPrimary = users.filter((u) => u.source === 'Get-ADUser' && u.primaryUserAddress === '');
  if (noPrimary.length > 0) {
    if (hybrid) out.fact('step.2', 'missing');
    out.add(() =>
      finding(
        'user-no-primary-user-address',
        hybrid ? 'error' : 'warning',
        'step-2-sip-proxy-address',
        `msRTCSIP-PrimaryUserAddress is empty for ${listText(noPrimary.map(who))}: the user is not enabled for Lync ` +
          `on-premises.${hybrid ? ' In a hybrid deployment this attribute, synchronised to Office 365, is how Exchange Online learns the SIP address.' : ''}`,
        [CHECKLIST_KB],
        [
          'Enable-CsUser -Identity "{{userIdentity}}" -RegistrarPool "{{frontEndPoolFqdn}}" -SipAddress "sip:{{userSipAddress}}"',
        ],
      ),
    );
  }

  // The SIP address Lync uses must be the one Exchange holds.
  const lyncSip = [...new Set(users.map((u) => u.sipAddress?.toLowerCase()).filter((s): s is string => !!s))];
  const exchangeSip = [
    ...new Set(withList.flatMap((u) => u.proxyAddresses!.filter(isSipProxy).map((a) => a.toLowerCase()))),
  ];
  const mismatch = lyncSip.length === 1 && exchangeSip.length > 0 && !exchangeSip.includes(lyncSip[0]!);
  if (mismatch) {
    out.add(() =>
      finding(
        'user-sip-mismatch',
        'warning',
        'step-2-sip-proxy-address',
        `Lync has the SIP address ${shown(lyncSip[0])} but the address list holds ${listText(exchangeSip)}: Exchange ` +
          `Online looks the user up by the sip: address, so the two must be the same (format included).`,
        [CHECKLIST_KB],
        ['Set-Mailbox -Identity "{{userIdentity}}" -EmailAddresses @{Add="sip:{{userSipAddress}}"}'],
      ),
    );
  }

  // Done only when the address is there, complete, the same as Lync's, and (hybrid) synchronised from on-premises.
  const complete = decidedNo.length === 0 && cutOnly.length === 0 && withList.length > 0 && noPrimary.length === 0;
  if (steps && complete && !mismatch && (!hybrid || users.some((u) => u.primaryUserAddress)))
    out.fact('step.2', 'done');
}

function mailRules(users: UserRecord[], ctx: EvidenceContext, out: Outcome): void {
  const ad = users.filter((u) => u.source === 'Get-ADUser' && u.mail !== undefined && !u.cut.includes('mail'));
  if (ad.length === 0) return;
  const steps = onPremSteps(ctx);
  const empty = ad.filter((u) => u.mail === '');
  if (empty.length === 0) {
    out.fact('user.mail', 'set');
    if (steps) out.fact('step.3', 'done');
    return;
  }
  out.fact('user.mail', 'empty');
  if (steps) out.fact('step.3', 'missing');
  const hybrid = accountsOf(ctx) === 'hybrid';
  out.add(() =>
    finding(
      'user-mail-empty',
      'error',
      'step-3-mail-attribute',
      `The on-premises AD mail attribute of ${listText(empty.map(who))} is empty. Lync finds the user's Exchange ` +
        `Online mailbox (Autodiscover, EWS) from this address: without it there is no Outlook integration, ` +
        `conversation history or Free/Busy. ${
          hybrid
            ? 'In a hybrid deployment it must come through directory synchronization: set it on-premises, then sync.'
            : 'A user who never had an on-premises mailbox needs it filled in by hand.'
        }`,
      [CHECKLIST_KB, '2787614'],
      ['Set-ADUser -Identity {{userIdentity}} -Replace @{mail="{{userMail}}"}'],
    ),
  );
}

export function userRules(all: RecognizedPart[], ctx: EvidenceContext, out: Outcome): void {
  const { records } = partsOf(all, 'user');
  if (records.length === 0) return;
  sipAddressRules(records, ctx, out);
  mailRules(records, ctx, out);
}
