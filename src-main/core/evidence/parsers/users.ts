// Users: Get-CsUser (SipAddress), Get-ADUser (proxyAddresses, mail, msRTCSIP-PrimaryUserAddress) and Get-Mailbox
// (EmailAddresses), as objects or as the bare address list that "-ExpandProperty EmailAddresses" prints.
import type { PsLine, PsObject } from '../ps-output';
import type { UserRecord } from '../records';
import { compact, Fields } from './fields';

export function userFrom(obj: PsObject, source: UserRecord['source']): UserRecord {
  const f = new Fields(obj);
  const proxies = f.items('proxyaddresses', 'proxyAddresses') ?? f.items('emailaddresses', 'proxyAddresses');
  const identity =
    f.value('identity') ??
    f.value('samaccountname', 'identity') ??
    f.value('userprincipalname', 'userPrincipalName') ??
    f.value('distinguishedname', 'identity') ??
    f.value('alias', 'identity');
  return compact({
    kind: 'user',
    source,
    identity,
    displayName: f.value('displayname', 'displayName') ?? f.value('name', 'displayName'),
    userPrincipalName: f.value('userprincipalname', 'userPrincipalName'),
    sipAddress: f.text('sipaddress', 'sipAddress'),
    primaryUserAddress: f.text('msrtcsip-primaryuseraddress', 'primaryUserAddress'),
    proxyAddresses: proxies?.items,
    proxyAddressesCut: proxies ? proxies.cut : undefined,
    mail: f.text('mail') ?? f.text('emailaddress', 'mail'),
    windowsEmailAddress: f.value('windowsemailaddress', 'windowsEmailAddress'),
    primarySmtpAddress: f.value('primarysmtpaddress', 'primarySmtpAddress'),
    externalAccessPolicy: f.text('externalaccesspolicy', 'externalAccessPolicy'),
    cut: f.cut,
    other: f.other(),
  });
}

/** "SMTP:kim@contoso.com", "sip:kim@contoso.com", "X500:/o=…": a prefix of letters and digits, a colon, a value. */
export function isProxyAddress(t: string): boolean {
  const colon = t.indexOf(':');
  if (colon < 1 || colon > 12 || colon === t.length - 1 || t.charCodeAt(colon + 1) === 32) return false;
  // Only X.400 / X.500 addresses contain spaces ("Exchange Administrative Group (FYDIBOHF23SPDLT)").
  if (t.includes(' ') && !t.slice(0, colon).toLowerCase().startsWith('x')) return false;
  for (let i = 0; i < colon; i++) {
    const c = t.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/** The address list printed one per line; undefined unless (nearly) every line is an address with smtp or sip. */
export function proxyListFromText(lines: PsLine[], source: UserRecord['source']): UserRecord | undefined {
  const texts = lines.map((l) => l.text.trim()).filter((t) => t !== '');
  if (texts.length === 0) return undefined;
  const addresses = texts.filter(isProxyAddress);
  const mailish = addresses.some((a) => {
    const p = a.slice(0, a.indexOf(':')).toLowerCase();
    return p === 'smtp' || p === 'sip';
  });
  if (!mailish || addresses.length < texts.length * 0.8) return undefined;
  const cut = addresses.some((a) => a.endsWith('...') || a.endsWith('…'));
  return {
    kind: 'user',
    source,
    proxyAddresses: addresses,
    proxyAddressesCut: cut,
    cut: cut ? ['proxyAddresses'] : [],
    other: {},
  };
}

/** "sip:" or "SIP:" (any case), without copying the string. */
export function isSipProxy(address: string): boolean {
  return (
    (address.charCodeAt(0) | 32) === 115 &&
    (address.charCodeAt(1) | 32) === 105 &&
    (address.charCodeAt(2) | 32) === 112 &&
    address.charCodeAt(3) === 58
  );
}
