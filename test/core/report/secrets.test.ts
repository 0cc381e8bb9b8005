import { beforeAll, describe, expect, it } from 'vitest';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { reportCaseFromFile, type ReportModel } from '../../../src-main/core/report/model';
import { renderReport } from '../../../src-main/core/report/render';
import { maskSecrets, SECRET_MASK } from '../../../src-main/core/report/secrets';
import { codeLines, NOW, shippedDb, wrongProxyCase } from './helpers';

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiIwMDAwMDAwNC0wMDAwLTBmZjEtY2UwMC0wMDAwMDAwMDAwMDAifQ.c2lnbmF0dXJlLXBhcnQtaGVyZQ';

/** Each line: a secret in the form it is pasted, and the secret itself, which must be gone. */
const CASES: [string, string][] = [
  ['Server=sql01;Database=lexo;User Id=sa;Password=Pa55w0rd!;', 'Pa55w0rd!'],
  [
    'DefaultEndpointsProtocol=https;AccountName=store;AccountKey=q1w2e3r4t5y6u7i8o9p0==;EndpointSuffix=core',
    'q1w2e3r4t5y6u7i8o9p0==',
  ],
  ['https://store.blob.core.windows.net/c/f.txt?sv=2020-08-04&sig=AbCdEf%2Bgh123&se=2026', 'AbCdEf%2Bgh123'],
  ['$pw = ConvertTo-SecureString "S3cret!Value" -AsPlainText -Force', 'S3cret!Value'],
  ['$pw = ConvertTo-SecureString -String Plain#Text1 -AsPlainText -Force', 'Plain#Text1'],
  ['$pw = ConvertTo-SecureString -AsPlainText -Force "Quoted(Value)"', 'Quoted(Value)'],
  ['New-LocalUser -Name svc -Password hunter2hunter2', 'hunter2hunter2'],
  ['Connect-Thing -ClientSecret "abc~DEF.123_xyz"', 'abc~DEF.123_xyz'],
  [`Authorization: Bearer ${JWT}`, JWT],
  [`token in a log line: ${JWT} end`, JWT],
  ['client_secret=Zx9~Kq8.Lm7-Pn6', 'Zx9~Kq8.Lm7-Pn6'],
  ['"password": "json-secret-1"', 'json-secret-1'],
  ['Password                  : ListPassw0rd', 'ListPassw0rd'],
  ['https://admin:UrlPass99@proxy.contoso.com:8080/', 'UrlPass99'],
  [
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1234\nabcdEFGH\n-----END RSA PRIVATE KEY-----',
    'MIIEowIBAAKCAQEA1234',
  ],
  [
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n(paste cut here)',
    'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
  ],
];

describe('maskSecrets', () => {
  it.each(CASES)('masks %s', (text, secret) => {
    const masked = maskSecrets(text);
    expect(masked.text).not.toContain(secret);
    expect(masked.text).toContain(SECRET_MASK);
    expect(masked.count).toBeGreaterThanOrEqual(1);
  });

  it('keeps what surrounds a secret, and counts each secret once', () => {
    expect(maskSecrets('User Id=sa;Password=abc;Timeout=30').text).toBe(
      `User Id=sa;Password=${SECRET_MASK};Timeout=30`,
    );
    const twice = maskSecrets('Password=one;\nPassword=two;');
    expect(twice.count).toBe(2);
    // Masking again finds nothing new.
    expect(maskSecrets(twice.text)).toMatchObject({ text: twice.text, count: 0 });
  });

  it('leaves ordinary cmdlet output alone', () => {
    const output = [
      'Identity                  : Exchange Online',
      'ProxyFqdn                 : exap.um.outlook.com',
      'PasswordNeverExpires      : True',
      'VerificationLevel         : UseSourceVerification',
      'Get-CsOAuthConfiguration | Select-Object ServiceName',
    ].join('\n');
    expect(maskSecrets(output)).toMatchObject({ text: output, count: 0 });
  });
});

describe('secrets in a report', () => {
  let db: WritableDb;
  beforeAll(() => {
    db = shippedDb();
  });

  const leaky = () =>
    wrongProxyCase(
      { notes: [{ text: 'The admin gave me the password: Password=Hunter2Secret; please rotate' }] },
      {
        evidence: [
          ...(wrongProxyCase().evidence ?? []),
          {
            name: 'connect.txt',
            text: `PS C:\\> $p = ConvertTo-SecureString "EvidenceSecret9" -AsPlainText -Force\nBearer ${JWT}`,
          },
        ],
      },
    );

  it.each(['md', 'html', 'json', 'ps1'] as const)('are masked in %s, with a visible note saying how many', (format) => {
    const { text } = renderReport(db, reportCaseFromFile(leaky()), { format, lang: 'en', now: NOW });
    for (const secret of ['Hunter2Secret', 'EvidenceSecret9', JWT]) expect(text).not.toContain(secret);
    const notice = '3 values that look like a secret (password, token, key) were masked as [secret masked].';
    if (format === 'md') expect(text).toContain(notice.replace(/[[\]]/g, '\\$&'));
    if (format === 'html' || format === 'ps1') expect(text).toContain(notice);
    if (format === 'ps1') expect(codeLines(text).join('\n')).not.toContain('secret masked');
  });

  it('are counted in the JSON', () => {
    const { text } = renderReport(db, reportCaseFromFile(leaky()), { format: 'json', lang: 'fr', now: NOW });
    const model = JSON.parse(text) as ReportModel;
    expect(model.secretsMasked).toBe(3);
    expect(model.notes[0]!.text).toBe(`The admin gave me the password: Password=${SECRET_MASK}; please rotate`);
  });
});
