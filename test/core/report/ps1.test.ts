// The remediation script. pwsh is not installed where the tests run, so the script is checked structurally: it
// reads as PowerShell (strings and comments closed, brackets balanced), and each line of code is either the fixed
// template or one of the engine's commands.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src-main/core/contract';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import {
  buildReport,
  reportCaseFromFile,
  type ReportCommand,
  type ReportModel,
} from '../../../src-main/core/report/model';
import { renderPs1 } from '../../../src-main/core/report/ps1';
import {
  codeLines,
  NOW,
  proxyPromptCase,
  readPowerShell,
  shippedDb,
  unfinishedCase,
  wrongProxyCase,
  type CaseFile,
} from './helpers';

let db: WritableDb;
beforeAll(() => {
  db = shippedDb();
});

const modelOf = (file: CaseFile, lang: Lang = 'en') => buildReport(db, reportCaseFromFile(file), lang, NOW);

/** The template's lines, with every single-quoted string written as ''. */
const TEMPLATE = [
  /^\[CmdletBinding\(SupportsShouldProcess = \$true\)\]$/,
  /^param\(\)$/,
  /^\$ErrorActionPreference = ''$/,
  /^if \(-not \(Get-Command -Name '' -ErrorAction SilentlyContinue\)\) \{ (throw|Write-Warning) '' \}$/,
  /^if \(\$PSCmdlet\.ShouldProcess\('', ''\)\) \{$/,
  /^try \{ \$lexoFound = @\(Get-[A-Za-z]+ -Identity '' -ErrorAction Stop\) \} catch \{ \$lexoFound = @\(\) \}$/,
  /^try \{ \$lexoFound = @\(Get-DnsServerResourceRecord -ZoneName '' -Name '' -RRType [A-Za-z]+ -ErrorAction Stop\) \} catch \{ \$lexoFound = @\(\) \}$/,
  /^if \(\$lexoFound\.Count -(eq|gt) 0\) \{$/,
  /^\} elseif \(@\(\$lexoFound \| Where-Object \{ \$_\.ProxyFqdn -ne '' \}\)\.Count -gt 0\) \{$/,
  /^(Write-Host|Write-Warning) ''$/,
  /^Write-Warning \('' \+ \$_\)$/,
  /^try \{$/,
  /^\} catch \{$/,
  /^\} else \{$/,
  /^\}$/,
];
const SINGLE_QUOTED =
  /['\u2018\u2019\u201a\u201b](?:[^'\u2018\u2019\u201a\u201b]|['\u2018\u2019\u201a\u201b]{2})*['\u2018\u2019\u201a\u201b]/g;

/** Every line of code is the template or an engine command (possibly piped to Out-Host); returns the commands run. */
function checkScript(script: string, model: ReportModel): string[] {
  expect(() => readPowerShell(script)).not.toThrow();
  const engine = [...model.fix, ...model.verify, ...model.checks].map((c) => c.command);
  const commands: string[] = [];
  for (const line of codeLines(script)) {
    const t = line.trim();
    const asCommand = t.replace(/ \| Out-Host$/, '');
    if (engine.includes(t) || engine.includes(asCommand)) {
      commands.push(asCommand);
      continue;
    }
    const shape = t.replace(SINGLE_QUOTED, "''");
    expect(
      TEMPLATE.some((re) => re.test(shape)),
      `not template nor engine command: ${line}`,
    ).toBe(true);
  }
  return commands;
}

/** The fix commands the script runs are each inside an `if ($PSCmdlet.ShouldProcess(...))` block. */
function expectGuarded(script: string, model: ReportModel) {
  const lines = codeLines(script);
  const fix = model.fix.map((c) => c.command);
  lines.forEach((line, i) => {
    if (!fix.includes(line.trim())) return;
    const indent = /^ */.exec(line)![0].length;
    let j = i - 1;
    while (j >= 0 && /^ */.exec(lines[j]!)![0].length >= indent) j--;
    expect(lines[j], `guard of ${line.trim()}`).toMatch(/if \(\$PSCmdlet\.ShouldProcess\(/);
  });
}

const command = (text: string, extra: Partial<ReportCommand> = {}): ReportCommand => ({
  command: text,
  unfilled: [...text.matchAll(/<(\w+)>/g)].map((m) => m[1]!),
  ...extra,
});

describe('scripts from real cases', () => {
  it.each(['en', 'fr', 'zh-TW'] as const)(
    'wrong ProxyFqdn (%s): reads as PowerShell, removes and recreates once, after a look',
    (lang) => {
      const model = modelOf(wrongProxyCase(), lang);
      const script = renderPs1(model);
      const run = checkScript(script, model);
      expectGuarded(script, model);
      const code = codeLines(script).map((l) => l.trim());
      const look = code.findIndex((l) => l.startsWith('try { $lexoFound = @(Get-CsHostingProvider -Identity'));
      const wrong = code.findIndex((l) => l.includes("$_.ProxyFqdn -ne 'exap.um.outlook.com'"));
      const remove = code.indexOf('Remove-CsHostingProvider -Identity "Exchange Online"');
      expect(look).toBeGreaterThanOrEqual(0);
      expect(wrong).toBeGreaterThan(look);
      expect(remove).toBeGreaterThan(wrong);
      expect(code[remove + 1]).toMatch(/^New-CsHostingProvider /);
      // The cmdlets are checked before anything runs; a missing one stops the script with where to run it.
      const firstCheck = code.findIndex((l) => l.startsWith("if (-not (Get-Command -Name 'Remove-CsHostingProvider'"));
      expect(firstCheck).toBeGreaterThanOrEqual(0);
      expect(firstCheck).toBeLessThan(look);
      expect(code[firstCheck]).toMatch(/\{ throw '.*Lync Server/);
      // Each verify command runs at the end.
      for (const v of model.verify) expect(run).toContain(v.command);
    },
  );

  it('an unfinished case: only checks, each on its own, and nothing that changes anything', () => {
    const model = modelOf(unfinishedCase());
    const script = renderPs1(model);
    const run = checkScript(script, model);
    expect(run.length).toBeGreaterThan(0);
    for (const c of run) expect(model.checks.map((x) => x.command)).toContain(c);
    expect(codeLines(script).join('\n')).not.toMatch(/\$PSCmdlet\.ShouldProcess|\{ throw /);
  });

  it('a client-side fix (KB 2298541) is guarded too, and not checked as a cmdlet', () => {
    const model = modelOf(proxyPromptCase());
    const script = renderPs1(model);
    checkScript(script, model);
    expectGuarded(script, model);
    expect(codeLines(script).map((l) => l.trim())).toContain('inetcpl.cpl');
    expect(script).not.toContain("Get-Command -Name 'inetcpl.cpl'");
  });
});

describe('the script template', () => {
  let base: ReportModel;
  beforeAll(() => {
    base = modelOf(wrongProxyCase());
  });
  const script = (fix: ReportCommand[], verify: ReportCommand[] = []) => {
    const model = { ...base, fix, verify };
    const text = renderPs1(model);
    checkScript(text, model);
    expectGuarded(text, model);
    return { text, code: codeLines(text).map((l) => l.trim()) };
  };

  it('creates only what is missing: New- after a look with Get-, Set- when it exists', () => {
    const { code } = script([
      command('New-CsExternalAccessPolicy -Identity "OWA Users" -EnableOutsideAccess $True'),
      command('Set-CsExternalAccessPolicy -Identity "OWA Users" -EnableOutsideAccess $True'),
      command('Grant-CsExternalAccessPolicy -Identity "sip:ana@fabrikam.com" -PolicyName "OWA Users"'),
    ]);
    expect(code).toContain(
      "try { $lexoFound = @(Get-CsExternalAccessPolicy -Identity 'OWA Users' -ErrorAction Stop) } catch { $lexoFound = @() }",
    );
    const created = code.indexOf('New-CsExternalAccessPolicy -Identity "OWA Users" -EnableOutsideAccess $True');
    const updated = code.indexOf('Set-CsExternalAccessPolicy -Identity "OWA Users" -EnableOutsideAccess $True');
    expect(code.slice(created - 2, created)).toEqual([
      'if ($lexoFound.Count -eq 0) {',
      expect.stringMatching(/ShouldProcess/),
    ]);
    expect(code.slice(updated - 2, updated)).toEqual(['} else {', expect.stringMatching(/ShouldProcess/)]);
    expect(code).toContain('Grant-CsExternalAccessPolicy -Identity "sip:ana@fabrikam.com" -PolicyName "OWA Users"');
    // The Get- it looks with must be there before anything changes.
    const check = code.find((l) => l.startsWith("if (-not (Get-Command -Name 'Get-CsExternalAccessPolicy'"));
    expect(check).toMatch(/\{ throw 'Get-CsExternalAccessPolicy is not available in this PowerShell session\./);
    expect(code.indexOf(check!)).toBeLessThan(created);
  });

  it('a New- without a Remove- warns about a wrong ProxyFqdn instead of removing anything', () => {
    const { code, text } = script([
      command(
        'New-CsHostingProvider -Identity "Hosted Exchange UM" -Enabled $True -EnabledSharedAddressSpace $True -HostsOCSUsers $False -ProxyFqdn "exap.um.outlook.com" -IsLocal $False -VerificationLevel UseSourceVerification',
      ),
    ]);
    expect(code.some((l) => l.startsWith('Remove-'))).toBe(false);
    expect(text).toContain(
      "Write-Warning 'CsHostingProvider Hosted Exchange UM exists with another ProxyFqdn than exap.um.outlook.com.",
    );
    expect(text).toContain("Write-Host 'CsHostingProvider Hosted Exchange UM already exists: not created again.");
  });

  it('New-, Set- and Remove- of one object never run one after the other', () => {
    const fix = [
      'New-CsHostingProvider -Identity "Exchange Online" -Enabled $True -ProxyFqdn "exap.um.outlook.com"',
      'Set-CsHostingProvider -Identity "Exchange Online" -Enabled $True',
      'Remove-CsHostingProvider -Identity "Exchange Online"',
    ].map((c) => command(c));
    const { code } = script(fix);
    // Create when missing; remove and create again when the ProxyFqdn is wrong; update otherwise.
    const branches = code.filter((l) => /^(if \(\$lexoFound|\} elseif|\} else \{)/.test(l));
    expect(branches).toEqual([
      'if ($lexoFound.Count -eq 0) {',
      "} elseif (@($lexoFound | Where-Object { $_.ProxyFqdn -ne 'exap.um.outlook.com' }).Count -gt 0) {",
      '} else {',
    ]);
    expect(code.filter((l) => l === fix[2]!.command)).toHaveLength(1);
    expect(code[code.indexOf(fix[2]!.command) + 1]).toBe(fix[0]!.command);
  });

  it('looks before adding a DNS record', () => {
    const add =
      'Add-DnsServerResourceRecord -ZoneName "fabrikam.com" -Srv -Name "_sip._tls" -DomainName "sipdir.online.lync.com" -Priority 100 -Weight 1 -Port 443 -TimeToLive 01:00:00';
    const { code } = script([command(add)]);
    expect(code).toContain(
      "try { $lexoFound = @(Get-DnsServerResourceRecord -ZoneName 'fabrikam.com' -Name '_sip._tls' -RRType Srv -ErrorAction Stop) } catch { $lexoFound = @() }",
    );
    expect(code.indexOf(add)).toBeGreaterThan(code.indexOf('if ($lexoFound.Count -gt 0) {'));
  });

  it('leaves a command with placeholders to fill commented out, with a TODO naming them', () => {
    const unfilled = 'Set-ADUser -Identity <userIdentity> -Replace @{mail="<userMail>"}';
    const { text, code } = script(
      [command(unfilled), command('Start-ADSyncSyncCycle -PolicyType Delta')],
      [command('Get-ADUser -Identity <userIdentity> -Properties mail')],
    );
    const lines = text.split('\r\n');
    expect(lines).toContain('# TODO: fill in <userIdentity>, <userMail>, then remove the # in front of the command.');
    expect(lines).toContain(`# ${unfilled}`);
    expect(lines).toContain('# Get-ADUser -Identity <userIdentity> -Properties mail');
    expect(code.join('\n')).not.toContain('<userIdentity>');
    expect(code).toContain('Start-ADSyncSyncCycle -PolicyType Delta');
    // Only what runs is checked for.
    expect(text).not.toContain("Get-Command -Name 'Set-ADUser'");
  });

  it('keeps commands for a Mac Terminal as comments, never as PowerShell', () => {
    const mac = 'rm -rf ~/Documents/Microsoft\\ User\\ Data/Microsoft\\ Lync\\ Data';
    const { text, code } = script(
      [command(mac, { runOn: 'Terminal on the Mac' }), command('Start-ADSyncSyncCycle -PolicyType Delta')],
      [command('defaults read /Applications/Microsoft\\ Lync.app/Contents/Info.plist CFBundleVersion')],
    );
    const lines = text.split('\r\n');
    expect(lines).toContain(`#   ${mac}`);
    expect(code.join('\n')).not.toMatch(/rm -rf|defaults read/);
    expect(code).toContain('Start-ADSyncSyncCycle -PolicyType Delta');
    expect(text).not.toContain("Get-Command -Name 'rm'");
  });

  it('quotes what it writes in strings, the typographic quotes PowerShell also accepts included', () => {
    const fr = {
      ...base,
      lang: 'fr' as const,
      fix: [command('Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True', { caption: 'l’accès « fédéré »' })],
    };
    const text = renderPs1(fr);
    expect(() => readPowerShell(text)).not.toThrow();
    expect(text).toContain("ShouldProcess('Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True', 'Exécuter')");
    expect(text).toContain('# l’accès « fédéré »');
    const quoted = renderPs1({
      ...base,
      fix: [],
      verify: [command('Get-CsUser -Identity "sip:o’brien@fabrikam.com"')],
    });
    expect(quoted).toContain('Write-Host \'> Get-CsUser -Identity "sip:o’’brien@fabrikam.com"\'');
    expect(() => readPowerShell(quoted)).not.toThrow();
  });
});
