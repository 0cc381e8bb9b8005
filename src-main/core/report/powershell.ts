// PowerShell text for the remediation script: quoting, comments that no text can break out of, and reading the
// engine's commands (which cmdlets they call, which object a New-/Set-/Remove- command is about).

/** Cmdlets of Windows PowerShell 5.1 itself: always there, so the script does not check for them. */
const BUILT_IN = new Set(
  [
    'Where-Object',
    'Select-Object',
    'ForEach-Object',
    'Sort-Object',
    'Format-List',
    'Format-Table',
    'Out-File',
    'Out-Host',
    'Out-String',
    'Get-Credential',
    'New-Object',
    'Get-Content',
    'Set-Content',
    'Get-ChildItem',
    'Get-Item',
    'Remove-Item',
    'Test-Path',
    'Write-Host',
    'Write-Warning',
    'Write-Output',
    'Get-Command',
    'Import-Module',
  ].map((c) => c.toLowerCase()),
);

/** A single-quoted PowerShell string: nothing in it is expanded. PowerShell also takes ‘ ’ ‚ ‛ as quotes. */
export function psQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** Every character that ends a line somewhere (PowerShell ends a comment at CR or LF; the others to be safe). */
// eslint-disable-next-line no-control-regex -- line-ending control characters are what it splits on
const LINE_BREAKS = /\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * Text as line comments: every line of it gets its own `#` prefix, so no line break, `#>` or `<#` in the text can
 * end the comment. `prefix` marks quoted user text ("# | ") so it cannot pass for a directive or a signature block.
 */
export function psComment(text: string, prefix = '# '): string[] {
  return text.split(LINE_BREAKS).map((line) => {
    const clean = line.replace(CONTROL, ' ').replace(/\t/g, '    ').trimEnd();
    return clean ? `${prefix}${clean}` : prefix.trimEnd();
  });
}

/** The command with its string literals emptied: what is left is syntax. */
function withoutStrings(command: string): string {
  return command.replace(/"(?:[^"`]|`.)*"|'(?:[^']|'')*'/g, '""');
}

/** Cmdlet names the command calls (at the start of a statement, a pipeline stage or a sub-expression). */
export function cmdletsIn(command: string): string[] {
  const names: string[] = [];
  for (const m of withoutStrings(command).matchAll(/(?:^|[|;({=&])\s*([A-Za-z]+-[A-Za-z][A-Za-z0-9]*)(?![\w.-])/g)) {
    const name = m[1]!;
    if (!BUILT_IN.has(name.toLowerCase()) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** A command about one named object: New-X, Set-X or Remove-X with its Identity (named or first positional). */
export interface ResourceCommand {
  verb: 'New' | 'Set' | 'Remove';
  noun: string;
  identity: string;
  /** New-CsHostingProvider's -ProxyFqdn, which cannot be changed afterwards. */
  proxyFqdn?: string;
}

export function resourceOf(command: string): ResourceCommand | null {
  // One simple statement only: a pipeline or a sequence is run as it is.
  if (/[|;&]/.test(withoutStrings(command))) return null;
  const m =
    /^(New|Set|Remove)-([A-Za-z][A-Za-z0-9]*)\s+(?:-Identity\s+)?(?:"([^"$`]+)"|([A-Za-z0-9][^\s"'$`]*))(?=\s|$)/.exec(
      command,
    );
  if (!m) return null;
  const proxy = /-ProxyFqdn\s+"([^"$`]+)"/.exec(command)?.[1];
  return {
    verb: m[1] as ResourceCommand['verb'],
    noun: m[2]!,
    identity: m[3] ?? m[4]!,
    ...(proxy ? { proxyFqdn: proxy } : {}),
  };
}

/** Add-DnsServerResourceRecord…: the zone, the record's name and type, to look before adding. */
export interface DnsAdd {
  zone: string;
  name: string;
  type: string;
}

export function dnsAddOf(command: string): DnsAdd | null {
  const m = /^Add-DnsServerResourceRecord(CName|A|AAAA|MX)?\s/.exec(command);
  if (!m || /[|;]/.test(withoutStrings(command))) return null;
  const zone = /-ZoneName\s+"([^"$`]+)"/.exec(command)?.[1];
  const name = /-Name\s+"([^"$`]+)"/.exec(command)?.[1];
  if (!zone || !name) return null;
  const type = m[1] ?? (/\s-Srv\b/.test(command) ? 'Srv' : /\s-CName\b/.test(command) ? 'CName' : 'A');
  return { zone, name, type };
}

/** Every cmdlet the script needs for a command: the command's own, and the Get- it looks with first. */
export function cmdletsNeeded(command: string): string[] {
  const names = cmdletsIn(command);
  const resource = resourceOf(command);
  if (resource?.verb === 'New') names.unshift(`Get-${resource.noun}`);
  if (dnsAddOf(command)) names.unshift('Get-DnsServerResourceRecord');
  return [...new Set(names)];
}
