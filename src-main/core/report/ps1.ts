// The remediation script: Windows PowerShell 5.1 (and the older shells Lync Server runs in), to be read, run with
// -WhatIf, then run by the engineer. LEXO runs nothing itself.
//
// Safety: the only code in the script is this fixed template and the engine's commands (filled with names that
// CASE_NAME_PATTERN allows). Everything people typed or pasted (title, customer, notes) appears only in `#` line
// comments, one prefix per line, so no line break, `#>` or `$(...)` in it can become code. Idempotent: a New- looks
// first with Get- and skips what exists, a wrong ProxyFqdn is removed and created again, DNS records are looked up
// before they are added. A command with a placeholder still to fill is written commented out with a TODO.
import { labelsFor, type ScriptLabels } from './labels';
import { formatTime, oneLine } from './format';
import type { ReportCommand, ReportModel } from './model';
import { cmdletsNeeded, dnsAddOf, psComment, psQuote, resourceOf } from './powershell';

const RULE = `# ${'='.repeat(78)}`;
const THIN_RULE = `# ${'-'.repeat(78)}`;
const INDENT = '    ';

interface ResourceGroup {
  noun: string;
  identity: string;
  create?: ReportCommand;
  update?: ReportCommand;
  remove?: ReportCommand;
  proxyFqdn?: string;
  /** Every command of the group, in the engine's order. */
  members: ReportCommand[];
}

type Block =
  | { kind: 'plain'; command: ReportCommand }
  | { kind: 'resource'; group: ResourceGroup }
  | { kind: 'dns'; command: ReportCommand; zone: string; name: string; type: string };

/** The engine's fix commands as script blocks: New-/Set-/Remove- of one object together, in first-seen order. */
function planFix(commands: ReportCommand[]): Block[] {
  const groups = new Map<string, ResourceGroup>();
  const read = commands.map((c) => ({ c, r: resourceOf(c.command) }));
  for (const { c, r } of read) {
    if (!r) continue;
    const key = `${r.noun}|${r.identity}`.toLowerCase();
    const g = groups.get(key) ?? { noun: r.noun, identity: r.identity, members: [] };
    groups.set(key, g);
    const slot = ({ New: 'create', Set: 'update', Remove: 'remove' } as const)[r.verb];
    if (g[slot]) continue;
    g[slot] = c;
    g.members.push(c);
    if (r.verb === 'New' && r.proxyFqdn) g.proxyFqdn = r.proxyFqdn;
  }
  const blocks: Block[] = [];
  const done = new Set<ResourceGroup>();
  for (const { c, r } of read) {
    const g = r ? groups.get(`${r.noun}|${r.identity}`.toLowerCase()) : undefined;
    // Only a group that creates something needs the look-first logic; a lone Set- or Remove- runs as it is.
    if (g?.create && g.members.includes(c)) {
      if (!done.has(g)) blocks.push({ kind: 'resource', group: g });
      done.add(g);
      continue;
    }
    const dns = dnsAddOf(c.command);
    blocks.push(dns ? { kind: 'dns', command: c, ...dns } : { kind: 'plain', command: c });
  }
  return blocks;
}

const commandsOf = (b: Block): ReportCommand[] => (b.kind === 'resource' ? b.group.members : [b.command]);
const isFilled = (c: ReportCommand) => c.unfilled.length === 0;

/** Commands for a Mac's Terminal (a Lync for Mac fix): a .ps1 cannot run them, so they stay comments. */
const MAC_SHELL =
  /^(?:sudo\s|rm\s|defaults\s|killall\s|open\s|dscacheutil\b|mv\s|cp\s|ls\s|~\/|\/Applications\/|\/usr\/)/;
const isPowerShell = (c: ReportCommand) => !MAC_SHELL.test(c.command.trim());

function notPowerShell(L: ScriptLabels, commands: ReportCommand[]): string[] {
  return [`# ${oneLine(L.notPowerShell)}`, ...commands.flatMap((c) => psComment(c.command, '#   '))];
}

/** A command left out until its placeholders are filled: the TODO, then the command, both as comments. */
function todo(L: ScriptLabels, commands: ReportCommand[], indent = ''): string[] {
  const names = [...new Set(commands.flatMap((c) => c.unfilled))].map((n) => `<${n}>`).join(', ');
  return [`${indent}# ${oneLine(L.todo(names))}`, ...commands.flatMap((c) => psComment(c.command, `${indent}# `))];
}

/** Caption and where to run, as comments above a block. */
function about(c: ReportCommand, runOnLabel: string, colon: string): string[] {
  return [
    ...(c.caption ? [`# ${oneLine(c.caption)}`] : []),
    ...(c.runOn ? [`# ${runOnLabel}${colon}${oneLine(c.runOn)}`] : []),
  ];
}

function shouldProcess(target: string, action: string, body: string[], indent = ''): string[] {
  return [
    `${indent}if ($PSCmdlet.ShouldProcess(${psQuote(target)}, ${psQuote(action)})) {`,
    ...body.map((line) => `${indent}${INDENT}${line}`),
    `${indent}}`,
  ];
}

/** Look with Get-X first: create what is missing, recreate a wrong ProxyFqdn, update or leave what exists. */
function resourceBlock(L: ScriptLabels, g: ResourceGroup): string[] {
  const target = `${g.noun} ${g.identity}`;
  const create = g.create!;
  const lines = [
    `try { $lexoFound = @(Get-${g.noun} -Identity ${psQuote(g.identity)} -ErrorAction Stop) } catch { $lexoFound = @() }`,
    'if ($lexoFound.Count -eq 0) {',
    ...shouldProcess(target, L.create, [create.command], INDENT),
  ];
  if (g.proxyFqdn) {
    lines.push(
      `} elseif (@($lexoFound | Where-Object { $_.ProxyFqdn -ne ${psQuote(g.proxyFqdn)} }).Count -gt 0) {`,
      ...(g.remove
        ? shouldProcess(target, L.recreate(g.proxyFqdn), [g.remove.command, create.command], INDENT)
        : [`${INDENT}Write-Warning ${psQuote(L.wrongProxy(target, g.proxyFqdn))}`]),
    );
  }
  lines.push(
    '} else {',
    ...(g.update
      ? shouldProcess(target, L.update, [g.update.command], INDENT)
      : [`${INDENT}Write-Host ${psQuote(L.exists(target))}`]),
    '}',
  );
  return lines;
}

function dnsBlock(L: ScriptLabels, b: Extract<Block, { kind: 'dns' }>): string[] {
  return [
    `try { $lexoFound = @(Get-DnsServerResourceRecord -ZoneName ${psQuote(b.zone)} -Name ${psQuote(b.name)} -RRType ${b.type} -ErrorAction Stop) } catch { $lexoFound = @() }`,
    'if ($lexoFound.Count -gt 0) {',
    `${INDENT}Write-Host ${psQuote(L.dnsExists(b.name, b.zone))}`,
    '} else {',
    ...shouldProcess(`${b.zone} ${b.name}`, L.create, [b.command.command], INDENT),
    '}',
  ];
}

function fixSection(L: ScriptLabels, model: ReportModel, runOnLabel: string, colon: string): string[] {
  const blocks = planFix(model.fix);
  const out: string[] = [THIN_RULE, `# ${L.fixHeading}`, THIN_RULE];
  blocks.forEach((b, i) => {
    const commands = commandsOf(b);
    out.push('', `# [${i + 1}/${blocks.length}]`, ...commands.flatMap((c) => about(c, runOnLabel, colon)));
    if (!commands.every(isPowerShell)) {
      out.push(...notPowerShell(L, commands));
      return;
    }
    if (!commands.every(isFilled)) {
      out.push(`# ${oneLine(L.uncomment)}`, ...todo(L, commands));
      return;
    }
    if (b.kind === 'resource') out.push(...resourceBlock(L, b.group));
    else if (b.kind === 'dns') out.push(...dnsBlock(L, b));
    else out.push(...shouldProcess(b.command.command, L.run, [b.command.command]));
  });
  return out;
}

/** Read-only commands, each on its own: one that fails is reported and the others still run. */
function checkSection(
  L: ScriptLabels,
  heading: string,
  commands: ReportCommand[],
  runOnLabel: string,
  colon: string,
): string[] {
  const out: string[] = ['', THIN_RULE, `# ${heading}`, THIN_RULE];
  for (const c of commands) {
    out.push('', ...about(c, runOnLabel, colon));
    if (!isPowerShell(c)) {
      out.push(...notPowerShell(L, [c]));
      continue;
    }
    if (!isFilled(c)) {
      out.push(...todo(L, [c]));
      continue;
    }
    out.push(
      `Write-Host ${psQuote(`> ${c.command}`)}`,
      'try {',
      `${INDENT}${c.command} | Out-Host`,
      '} catch {',
      `${INDENT}Write-Warning (${psQuote(`${L.checkFailed}${colon}`)} + $_)`,
      '}',
    );
  }
  return out;
}

/** Cmdlets of the fix must be there (else nothing is changed); those of the checks only get a warning. */
function prerequisites(L: ScriptLabels, model: ReportModel, fixLive: ReportCommand[], checkLive: ReportCommand[]) {
  const where = (name: string, command: ReportCommand) => {
    const kb = model.cmdlets.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (kb?.runOn) return `${oneLine(kb.runOn)} [${oneLine(kb.module)}]`;
    return command.runOn ? oneLine(command.runOn) : L.loadModule;
  };
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (commands: ReportCommand[], fatal: boolean) => {
    for (const c of commands) {
      for (const name of cmdletsNeeded(c.command)) {
        if (seen.has(name.toLowerCase())) continue;
        seen.add(name.toLowerCase());
        const message = psQuote(L.missing(name, where(name, c)));
        out.push(
          `if (-not (Get-Command -Name ${psQuote(name)} -ErrorAction SilentlyContinue)) { ${fatal ? 'throw' : 'Write-Warning'} ${message} }`,
        );
      }
    }
  };
  add(fixLive, true);
  add(checkLive, false);
  return out.length ? ['', THIN_RULE, `# ${L.prerequisites}`, THIN_RULE, ...out] : [];
}

function header(model: ReportModel): string[] {
  const labels = labelsFor(model.lang);
  const L = labels.script;
  const field = (label: string, value: string | undefined | null) =>
    value ? [`# ${label}${labels.colon}${oneLine(value)}`] : [];
  const out: string[] = [
    RULE,
    `# ${L.title}`,
    RULE,
    ...field(labels.fields.title, model.case.title),
    ...field(labels.fields.customer, model.case.customer),
    ...field(labels.fields.ticket, model.case.ticket),
    ...(model.conclusion
      ? field(labels.fields.conclusion, `${model.conclusion.title} [${model.conclusion.id}]`)
      : psComment(L.noConclusion)),
    `# ${labels.generatedBy(model.generator.replace(/^LEXO /, ''), formatTime(model.generatedAt))}`,
    ...(model.redacted ? psComment(labels.redacted) : []),
    ...(model.secretsMasked ? psComment(labels.secretsMasked(model.secretsMasked)) : []),
    '#',
    ...psComment(L.review),
    ...psComment(L.whatIf),
  ];
  if (model.conclusion?.explanation) {
    out.push(
      '#',
      `# ${labels.fields.why}${labels.colon.trimEnd()}`,
      ...psComment(model.conclusion.explanation, '#   '),
    );
  }
  if (model.findings.length) {
    out.push('#', `# ${L.findings}${labels.colon.trimEnd()}`);
    for (const f of model.findings) out.push(`#   - [${labels.severity[f.severity]}] ${oneLine(f.message)}`);
  }
  if (model.notes.length) {
    out.push('#', `# ${L.notes}${labels.colon.trimEnd()}`);
    for (const n of model.notes) {
      out.push(...(n.createdAt ? [`# (${formatTime(n.createdAt)})`] : []), ...psComment(n.text, '# | '));
    }
  }
  out.push(RULE);
  return out;
}

export function renderPs1(model: ReportModel): string {
  const labels = labelsFor(model.lang);
  const L = labels.script;
  const runOn = labels.fields.runOn;
  const fixLive = planFix(model.fix)
    .map(commandsOf)
    .filter((cs) => cs.every(isFilled) && cs.every(isPowerShell))
    .flat();
  const checks = model.conclusion ? model.verify : model.checks;
  const lines: string[] = [
    ...header(model),
    '[CmdletBinding(SupportsShouldProcess = $true)]',
    'param()',
    '',
    "$ErrorActionPreference = 'Stop'",
    ...prerequisites(
      L,
      model,
      fixLive,
      checks.filter((c) => isFilled(c) && isPowerShell(c)),
    ),
  ];
  if (model.conclusion) {
    lines.push(
      '',
      ...(model.fix.length ? fixSection(L, model, runOn, labels.colon) : [THIN_RULE, `# ${labels.noFix}`, THIN_RULE]),
    );
    lines.push(...checkSection(L, L.verifyHeading, model.verify, runOn, labels.colon));
  } else {
    lines.push(...checkSection(L, L.checksHeading, model.checks, runOn, labels.colon));
  }
  lines.push('', `Write-Host ${psQuote(L.done)}`, '');
  // A BOM: Windows PowerShell 5.1 reads a script without one in the ANSI code page, which breaks é and 中文.
  return `\uFEFF${lines.join('\r\n')}`;
}
