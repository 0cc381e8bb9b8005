// Checks a pack beyond the shape of each entry: every text in every language, unique ids, and every
// reference pointing at an entry that exists (in this pack, or in the packs it builds on).
import { LANGS } from '../contract';
import type { EntryByKind, EntryKind } from './pack-schema';
import { checkTree } from './tree-validate';

export interface PackProblem {
  file: string;
  path: string;
  reason: string;
}

export type LoadedEntries = { [K in EntryKind]: { file: string; index: number; entry: EntryByKind[K] }[] };

const LANG_SET = new Set<string>(LANGS);

function isLocalized(value: object): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => LANG_SET.has(k));
}

/** Walks any JSON value and reports localized objects that miss one of the pack's languages. */
export function checkLanguages(
  value: unknown,
  languages: readonly string[],
  path: string,
  report: (path: string, reason: string) => void,
): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkLanguages(v, languages, path ? `${path}.${i}` : String(i), report));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (isLocalized(value)) {
    for (const lang of languages) {
      if (!(lang in value)) report(`${path}.${lang}`, `missing ${lang} text`);
    }
    return;
  }
  for (const [k, v] of Object.entries(value)) checkLanguages(v, languages, path ? `${path}.${k}` : k, report);
}

/** Lync/Skype cmdlets named in commands (Verb-Cs…) must be entries of the pack: the UI links to them. */
const CS_CMDLET =
  /\b(?:Get|Set|New|Remove|Test|Grant|Invoke|Enable|Disable|Move|Update|Revoke|Import|Export|Start|Stop|Add|Clear|Debug|Publish|Sync|Install|Register|Unregister|Reset|Request|Approve|Lock|Unlock|Search|Show|Backup|Restore|Convert|Merge)-Cs[A-Za-z0-9]+/g;
export function csCmdletsIn(command: string): string[] {
  return [...command.matchAll(CS_CMDLET)].map((m) => m[0]);
}

type Ref = { kind: EntryKind; ids: readonly string[] | undefined; path: string };

function referencesOf<K extends EntryKind>(kind: K, e: EntryByKind[K]): Ref[] {
  const refs: Ref[] = [];
  const add = (k: EntryKind, ids: readonly string[] | undefined, path: string) => refs.push({ kind: k, ids, path });
  const commands = (list: { command: string }[] | undefined, path: string) =>
    list?.forEach((c, i) =>
      add(
        'cmdlet',
        csCmdletsIn(c.command).map((n) => n.toLowerCase()),
        `${path}.${i}.command`,
      ),
    );
  switch (kind) {
    case 'feature': {
      const f = e as EntryByKind['feature'];
      add('topology', Object.keys(f.support), 'support');
      break;
    }
    case 'step': {
      const s = e as EntryByKind['step'];
      add('feature', s.enables, 'enables');
      add('cmdlet', s.cmdlets, 'cmdlets');
      add('article', s.articles, 'articles');
      add('topic', s.topics, 'topics');
      s.variants.forEach((v, i) => {
        add('topology', v.topologies, `variants.${i}.topologies`);
        add('exchange', v.exchange, `variants.${i}.exchange`);
        commands(v.fix, `variants.${i}.fix`);
        commands(v.verify, `variants.${i}.verify`);
      });
      break;
    }
    case 'cmdlet': {
      const c = e as EntryByKind['cmdlet'];
      add('cmdlet', c.related, 'related');
      add('article', c.articles, 'articles');
      add('step', c.steps, 'steps');
      commands(c.examples, 'examples');
      break;
    }
    case 'article': {
      const a = e as EntryByKind['article'];
      add('topology', a.appliesTo.topologies, 'appliesTo.topologies');
      add('exchange', a.appliesTo.exchange, 'appliesTo.exchange');
      add('cloud', a.appliesTo.clouds, 'appliesTo.clouds');
      add('step', a.steps, 'steps');
      add('feature', a.features, 'features');
      add('cmdlet', a.cmdlets, 'cmdlets');
      add('article', a.related, 'related');
      commands(a.commands, 'commands');
      break;
    }
    case 'symptom': {
      const s = e as EntryByKind['symptom'];
      add('feature', s.features, 'features');
      add('step', s.steps, 'steps');
      add('article', s.articles, 'articles');
      break;
    }
    case 'conclusion': {
      const c = e as EntryByKind['conclusion'];
      add('step', c.step ? [c.step] : [], 'step');
      add('article', c.articles, 'articles');
      add('feature', c.features, 'features');
      add('topic', c.topics, 'topics');
      commands(c.fix, 'fix');
      commands(c.verify, 'verify');
      c.variants.forEach((v, i) => {
        commands(v.fix, `variants.${i}.fix`);
        commands(v.verify, `variants.${i}.verify`);
      });
      break;
    }
    case 'topic': {
      const t = e as EntryByKind['topic'];
      add('step', t.steps, 'steps');
      add('cmdlet', t.cmdlets, 'cmdlets');
      add('article', t.articles, 'articles');
      commands(t.commands, 'commands');
      break;
    }
    default:
      break;
  }
  return refs;
}

/**
 * Cross-entry checks. `known` holds ids of packs this one builds on (a team pack may point at built-in entries).
 */
export function checkReferences(
  entries: LoadedEntries,
  known: ReadonlyMap<EntryKind, ReadonlySet<string>> = new Map(),
): PackProblem[] {
  const problems: PackProblem[] = [];
  const idsOf = (kind: EntryKind) => new Set([...entries[kind].map((x) => x.entry.id), ...(known.get(kind) ?? [])]);
  const index = new Map<EntryKind, Set<string>>();
  const has = (kind: EntryKind, id: string) => {
    if (!index.has(kind)) index.set(kind, idsOf(kind));
    return index.get(kind)!.has(id);
  };
  for (const kind of Object.keys(entries) as EntryKind[]) {
    for (const { file, index: i, entry } of entries[kind]) {
      for (const ref of referencesOf(kind, entry as never)) {
        for (const target of ref.ids ?? []) {
          if (!has(ref.kind, target)) {
            problems.push({ file, path: `entries.${i}.${ref.path}`, reason: `unknown ${ref.kind} "${target}"` });
          }
        }
      }
    }
  }
  // Rules that tie fields of one entry together.
  for (const { file, index: i, entry } of entries.cmdlet) {
    if (entry.id !== entry.name.toLowerCase()) {
      problems.push({
        file,
        path: `entries.${i}.id`,
        reason: `must be "${entry.name.toLowerCase()}", the lower-case name`,
      });
    }
  }
  for (const { file, index: i, entry } of entries.step) {
    if (!entry.id.startsWith(`step-${entry.number}-`)) {
      problems.push({
        file,
        path: `entries.${i}.id`,
        reason: `must start with "step-${entry.number}-" (number ${entry.number})`,
      });
    }
  }
  const topologies = [...idsOf('topology')];
  for (const { file, index: i, entry } of entries.feature) {
    for (const t of topologies) {
      if (!(t in entry.support))
        problems.push({ file, path: `entries.${i}.support.${t}`, reason: `no support value for topology ${t}` });
    }
  }
  problems.push(...checkTree(entries, known.get('conclusion')));
  return problems;
}
