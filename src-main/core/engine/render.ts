// Fix and verify commands for this case: the step's variant for the topology, the conclusion's own commands,
// and the customer's names filled in where the case knows them.
import type { CommandView, Lang } from '../contract';
import type { Command, Conclusion, Step, StepVariant } from '../kb/pack-schema';
import type { CaseFile } from './case-file';
import type { Facts } from './facts';
import type { Knowledge } from './knowledge';

const text = (t: Partial<Record<string, string>> | undefined, lang: Lang): string | undefined =>
  t ? (t[lang] ?? t.en) : undefined;

export function variantFor(step: Step, facts: Facts): StepVariant | undefined {
  const topology = facts.value('topology');
  const exchange = facts.value('exchange');
  const dirsync = facts.value('dirsync');
  const fits = step.variants.filter(
    (v) =>
      (!topology || v.topologies.includes(topology)) &&
      (v.exchange === undefined || !exchange || v.exchange.includes(exchange)) &&
      (v.dirsync === undefined || !dirsync || v.dirsync === (dirsync === 'yes')),
  );
  // With the topology unknown, the variant with work to do is the useful one to show.
  return fits.find((v) => v.action === 'configure') ?? fits.find((v) => v.action === 'check') ?? fits[0];
}

/** The step and the conclusion may both name a command: show it once. */
function unique(commands: Command[]): Command[] {
  const seen = new Set<string>();
  return commands.filter((c) => !seen.has(c.command) && seen.add(c.command));
}

function matches(when: Record<string, string | string[]>, facts: Facts): boolean {
  return Object.entries(when).every(([name, want]) => {
    const have = facts.value(name);
    return have !== undefined && (Array.isArray(want) ? want.includes(have) : want === have);
  });
}

/** Values for the placeholders: the case's names, and what follows from its cloud and topology. */
export function placeholderValues(c: CaseFile, facts: Facts, k: Knowledge): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(c.names ?? {})) if (value) values[name] = value;
  const cloud = facts.value('cloud');
  const proxy = cloud ? k.clouds.get(cloud)?.proxyFqdn : undefined;
  if (proxy) values.proxyFqdn = proxy;
  const accounts = k.topologies.get(facts.value('topology') ?? '')?.accounts;
  // The support article: $False for Lync on-premises only, $True for a hybrid (the TechNet topic always says $True).
  if (accounts === 'onprem') values.enabledSharedAddressSpace = '$False';
  if (accounts === 'hybrid') values.enabledSharedAddressSpace = '$True';
  return values;
}

/** Where each placeholder of a command sits: inside a quoted string, or on its own as a bare argument. */
function placeholderContexts(command: string): { quoted: boolean; wholeToken: boolean }[] {
  const out: { quoted: boolean; wholeToken: boolean }[] = [];
  let quote: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    const placeholder = ch === '{' ? /^\{\{\w+\}\}/.exec(command.slice(i)) : null;
    if (placeholder) {
      const before = i === 0 ? ' ' : command[i - 1]!;
      const after = command[i + placeholder[0].length] ?? ' ';
      out.push({ quoted: quote !== null, wholeToken: /[\s,(]/.test(before) && /[\s,)]/.test(after) });
      i += placeholder[0].length - 1;
    }
  }
  return out;
}

/**
 * Fills a command's placeholders. Names never hold quotes or PowerShell syntax (CASE_NAME_PATTERN), but they may
 * hold spaces: a bare one is put in single quotes so it stays one argument, and a space inside a larger bare
 * token (a DNS name) is not filled at all, so a name can never add a parameter to a command.
 */
export function fillCommand(
  command: string,
  values: Readonly<Record<string, string>>,
  unfilledMarker: (name: string) => string,
): string {
  const contexts = placeholderContexts(command);
  let at = 0;
  return command.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const where = contexts[at++] ?? { quoted: false, wholeToken: false };
    const value = values[name];
    if (value === undefined) return unfilledMarker(name);
    if (where.quoted || !/\s/.test(value)) return value;
    return where.wholeToken ? `'${value}'` : unfilledMarker(name);
  });
}

export interface Rendered {
  fix: CommandView[];
  verify: CommandView[];
  fixCommands: string[];
  verifyCommands: string[];
  unfilled: string[];
  variantText?: string;
  /** The matching conclusion variant, when one applies. */
  variant?: Conclusion['variants'][number];
}

export function renderCommands(conclusion: Conclusion, k: Knowledge, c: CaseFile, facts: Facts, lang: Lang): Rendered {
  const step = conclusion.step ? k.steps.find((s) => s.id === conclusion.step) : undefined;
  const variant = step ? variantFor(step, facts) : undefined;
  let fix: Command[] = unique([...(variant?.fix ?? []), ...conclusion.fix]);
  let verify: Command[] = unique([...(variant?.verify ?? []), ...conclusion.verify]);
  const special = conclusion.variants.find((v) => matches(v.when, facts));
  if (special?.fix) fix = special.fix;
  if (special?.verify) verify = special.verify;
  const values = placeholderValues(c, facts, k);
  const unfilled = new Set<string>();
  const fill = (command: string, marker: (name: string) => string) =>
    fillCommand(command, values, (name) => {
      unfilled.add(name);
      return marker(name);
    });
  const view = (cmd: Command): CommandView => {
    const out: CommandView = { command: fill(cmd.command, (n) => `{{${n}}}`) };
    const caption = text(cmd.caption, lang);
    const runOn = text(cmd.runOn, lang);
    if (caption) out.caption = caption;
    if (runOn) out.runOn = runOn;
    return out;
  };
  const variantText = [text(variant?.text, lang), text(special?.text, lang)].filter(Boolean).join('\n\n');
  return {
    fix: fix.map(view),
    verify: verify.map(view),
    fixCommands: fix.map((cmd) => fill(cmd.command, (n) => `<${n}>`)),
    verifyCommands: verify.map((cmd) => fill(cmd.command, (n) => `<${n}>`)),
    unfilled: [...unfilled].sort(),
    ...(variantText ? { variantText } : {}),
    ...(special ? { variant: special } : {}),
  };
}
