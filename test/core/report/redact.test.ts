import { beforeAll, describe, expect, it } from 'vitest';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { reportCaseFromFile, type ReportModel } from '../../../src-main/core/report/model';
import { createRedactor } from '../../../src-main/core/report/redact';
import { renderReport } from '../../../src-main/core/report/render';
import { codeLines, NOW, shippedDb, unfinishedCase, wrongProxyCase } from './helpers';

/** Learn, then redact: how a report uses the redactor. */
function redactAll(texts: string[], setup?: (r: ReturnType<typeof createRedactor>) => void): string[] {
  const r = createRedactor();
  setup?.(r);
  for (const t of texts) r.learn(t);
  return texts.map((t) => r.redact(t));
}

describe('createRedactor', () => {
  it('gives addresses, domains and servers stable tokens, the same name the same token', () => {
    const [a, b] = redactAll([
      'sip:kenmyer@litwareinc.com on atl-cs-001.litwareinc.com',
      'KenMyer@LitwareInc.com again, and sip.litwareinc.com, atl-cs-001.litwareinc.com and fabrikam.com',
    ]);
    expect(a).toBe('sip:user1@domain1.example on server1.domain1.example');
    expect(b).toBe('user1@domain1.example again, and sip.domain1.example, server1.domain1.example and domain2.example');
  });

  it('keeps Microsoft hosts and application ids, file names, versions and addresses that are not names', () => {
    const text = [
      'ProxyFqdn exap.um.outlook.com, sipdir.online.lync.com., exap.um.partner.outlook.cn, exap.um.office365.us',
      'https://accounts.accesscontrol.windows.net/metadata, login.microsoftonline.com',
      'AppPrincipalId 00000004-0000-0ff1-ce00-000000000000',
      '.\\Get-Mailbox.txt, C:\\Photos\\user.jpg, System.Net, 5.0.8308.0, 10.0.0.1, $_.RecordData.DomainName',
    ].join('\n');
    expect(redactAll([text])[0]).toBe(text);
  });

  it('turns tenant GUIDs and tenant names into tokens', () => {
    const [text] = redactAll([
      'https://accounts.accesscontrol.windows.net/9a1b2c3d-4e5f-6789-abcd-ef0123456789/metadata/json/1 ' +
        'contoso.onmicrosoft.com contoso.mail.onmicrosoft.com 9A1B2C3D-4E5F-6789-ABCD-EF0123456789 contoso.com',
    ]);
    expect(text).toBe(
      'https://accounts.accesscontrol.windows.net/tenant-1/metadata/json/1 ' +
        'domain1.onmicrosoft.com domain1.mail.onmicrosoft.com tenant-1 domain1.example',
    );
  });

  it('knows a person by every name: display name, account, DOMAIN\\account, DN and address', () => {
    const [text] = redactAll(
      ['Ken Myer (LITWARE\\kenmyer, CN=Ken Myer,OU=Sales,OU=Litware,DC=litwareinc,DC=com) kenmyer@litwareinc.com'],
      (r) =>
        r.user(['Ken Myer', 'LITWARE\\kenmyer', 'CN=Ken Myer,OU=Sales,DC=litwareinc,DC=com'], 'kenmyer@litwareinc.com'),
    );
    // LITWARE is the NetBIOS name and an OU: the same name, the same token.
    expect(text).toBe('user1 (domain2\\user1, CN=user1,OU=ou-1,OU=domain2,DC=domain1,DC=com) user1@domain1.example');
  });

  it('gives a second address of the same person the same user, and keeps a name with the first person', () => {
    const [text] = redactAll(['ken.myer@litwareinc.com kenmyer@litwareinc.com Admin ana@fabrikam.com'], (r) => {
      r.user(['ken.myer@litwareinc.com', 'Admin'], 'sip:kenmyer@litwareinc.com');
      r.user(['Admin'], 'ana@fabrikam.com');
    });
    expect(text).toBe('user1@domain1.example user1@domain1.example user1 user2@domain2.example');
  });

  it('finds a name that PowerShell wrapped at the console width', () => {
    const paste = 'HomeServer : CN=Lc Services,CN=Microsoft,DC=li\n             twareinc,DC=com';
    const [text] = redactAll(['DC=litwareinc,DC=com', paste]).slice(1);
    expect(text).toBe('HomeServer : CN=Lc Services,CN=Microsoft,DC=domain1,DC=com');
  });

  it('replaces the customer name wherever it is written, words only', () => {
    const [text] = redactAll(['Woodgrove Bank called; woodgrove bank again; Woodgrove Banking is another'], (r) =>
      r.customer('Woodgrove Bank'),
    );
    expect(text).toBe('customer-1 called; customer-1 again; Woodgrove Banking is another');
  });
});

describe('a redacted report', () => {
  let db: WritableDb;
  beforeAll(() => {
    db = shippedDb();
  });

  /** Every name of the case as the customer wrote it: none may be left in a redacted report. */
  const ORIGINALS = [
    'litwareinc',
    'Litware',
    'kenmyer',
    'Ken Myer',
    'atl-cs-001',
    'edge01',
    'Contoso Pharmaceuticals',
    'c0ffee00-1234-5678-9abc-def012345678',
    'fabrikam',
    'INC-4711 Contoso Pharmaceuticals',
  ];
  const file = () =>
    wrongProxyCase(
      {
        title: 'Contoso Pharmaceuticals: Ken Myer has no presence in OWA',
        customer: 'Contoso Pharmaceuticals',
        ticket: 'INC-4711 Contoso Pharmaceuticals',
        notes: [{ text: 'Spoke with kenmyer@litwareinc.com; the Edge is edge01.litwareinc.com, the pool atl-cs-001.' }],
        history: [{ at: '2026-03-01T09:00:00Z', type: 'details-changed', detail: 'customer: Contoso Pharmaceuticals' }],
      },
      {
        names: {
          edgePoolFqdn: 'edge01.litwareinc.com',
          userIdentity: 'LITWARE\\kenmyer',
          tenant: 'c0ffee00-1234-5678-9abc-def012345678',
          tenantDomain: 'fabrikam.onmicrosoft.com',
        },
      },
    );

  it.each(['md', 'html', 'json', 'ps1'] as const)('%s names no one', (format) => {
    const { text, fileName } = renderReport(db, reportCaseFromFile(file()), {
      format,
      lang: 'en',
      redact: true,
      now: NOW,
    });
    for (const name of ORIGINALS) {
      expect(text.toLowerCase(), name).not.toContain(name.toLowerCase());
      expect(fileName.toLowerCase()).not.toContain(name.toLowerCase());
    }
    // What identifies no one stays: Microsoft's names and the engine's fix.
    expect(text).toContain('exap.um.outlook.com');
    expect(text).toContain('Remove-CsHostingProvider -Identity');
  });

  it('uses one token per name across names, evidence, notes, commands and findings', () => {
    const { text } = renderReport(db, reportCaseFromFile(file()), {
      format: 'json',
      lang: 'en',
      redact: true,
      now: NOW,
    });
    const model = JSON.parse(text) as ReportModel;
    expect(model.redacted).toBe(true);
    const name = (field: string) => model.environment.names.find((n) => n.field === field)?.value;
    const address = name('userSipAddress')!;
    const edge = name('edgePoolFqdn')!;
    expect(address).toMatch(/^user\d+@domain\d+\.example$/);
    expect(edge).toMatch(/^server\d+\.domain\d+\.example$/);
    expect(name('sipDomain')).toBe(address.split('@')[1]);
    expect(name('userIdentity')).toMatch(new RegExp(`^domain\\d+\\\\${address.split('@')[0]}$`));
    expect(name('tenant')).toBe('tenant-1');
    expect(model.notes[0]!.text).toContain(address);
    expect(model.notes[0]!.text).toContain(edge);
    expect(model.evidence[1]!.text).toContain(`sip:${address}`);
    expect(model.case.customer).toBe('customer-1');
    expect(model.case.title).toBe(`customer-1: ${address.split('@')[0]} has no presence in OWA`);
    expect(model.history[0]!.detail).toBe('customer: customer-1');
  });

  it('keeps the script runnable: commands keep their shape, only names change', () => {
    const open = unfinishedCase();
    const plain = codeLines(renderReport(db, reportCaseFromFile(open), { format: 'ps1', lang: 'en', now: NOW }).text);
    const redacted = codeLines(
      renderReport(db, reportCaseFromFile(open), { format: 'ps1', lang: 'en', redact: true, now: NOW }).text,
    );
    expect(plain.join('\n')).toContain('fabrikam.com');
    expect(redacted.join('\n')).not.toContain('fabrikam');
    const shape = (line: string) =>
      line.replace(/\b[\w-]+@|\b(?:[\w-]+\.)*(?:fabrikam\.com|domain\d+\.example)\b/g, 'NAME');
    expect(redacted.map(shape)).toEqual(plain.map(shape));
  });
});
