// Shared by the report tests: the shipped knowledge base, full cases, hostile text, and readers of the outputs
// written independently of the renderers (HTML text, Markdown structure, PowerShell syntax).
import type { CaseExportMeta, CaseInput } from '../../../src-main/core/contract';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { loadPack, readPack } from '../../../src-main/core/kb/pack';
import { memoryDb, PACK_DIR } from '../../helpers/db';
import { fixture } from '../evidence/helpers';

export const NOW = new Date('2026-03-04T05:06:07Z');

let shared: WritableDb | undefined;
/** One database with the shipped pack for all report tests of a file (loading it takes a moment). */
export function shippedDb(): WritableDb {
  if (!shared) {
    shared = memoryDb();
    loadPack(shared, readPack(PACK_DIR));
  }
  return shared;
}

const evidence = (...names: string[]) => names.map((n) => ({ name: n, text: fixture(n).text }));

export type CaseFile = CaseInput & { lexo?: CaseExportMeta };

/**
 * Lync 2013 on-premises, OWA without presence, free/busy fine; the pasted Get-CsHostingProvider shows the worldwide
 * tenant's provider pointing at the 21Vianet name: the engine concludes step 5, wrong ProxyFqdn (remove, recreate).
 */
export function wrongProxyCase(lexo: Partial<CaseExportMeta> = {}, extra: Partial<CaseInput> = {}): CaseFile {
  return {
    symptom: 'OWA shows no presence and the IM button is missing',
    topology: 'lync2013-onprem',
    exchange: 'exchange-online',
    cloud: 'worldwide',
    dirsync: true,
    features: { 'owa-im-presence': 'broken', 'free-busy': 'works' },
    answers: { 'p-edge': 'yes' },
    evidence: evidence('get-cshostingprovider-wrong.utf16le.txt', 'get-csuser.txt'),
    names: { edgePoolFqdn: 'edge01.litwareinc.com' },
    ...extra,
    lexo: {
      format: 'lexo-case',
      version: 1,
      title: 'Litware – no presence in OWA',
      customer: 'Litware Inc',
      ticket: 'INC-4711',
      status: 'open',
      lang: 'en',
      createdAt: '2026-03-01T09:00:00Z',
      updatedAt: '2026-03-02T10:00:00Z',
      notes: [
        { text: 'Customer says OWA lost presence after the Edge was rebuilt.', createdAt: '2026-03-01T09:05:00Z' },
        { text: 'Second note\nwith two lines.', createdAt: '2026-03-02T09:30:00Z' },
      ],
      history: [
        { at: '2026-03-01T09:00:00Z', type: 'created', detail: '' },
        { at: '2026-03-01T09:10:00Z', type: 'evidence-added', detail: 'get-cshostingprovider-wrong.utf16le.txt' },
      ],
      ...lexo,
    },
  };
}

/** Lync asks for Exchange credentials again and again: KB 2298541 (a published article with its link). */
export function proxyPromptCase(): CaseFile {
  return { symptom: 'Lync keeps asking for Exchange credentials', answers: { root: 'ews', 'ews-symptom': 'prompts' } };
}

/** OWA without presence on Lync on-premises, nothing else known: the engine still has a question. */
export function unfinishedCase(): CaseFile {
  return {
    symptom: 'OWA shows no presence',
    topology: 'lync2013-onprem',
    features: { 'owa-im-presence': 'broken' },
    names: { sipDomain: 'fabrikam.com', userSipAddress: 'ana@fabrikam.com' },
  };
}

/** Text meant to break out of each format. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  '[click me](javascript:alert(4))',
  '<javascript:alert(5)>',
  '<a href="javascript:alert(6)">link</a>',
  '![x](https://evil.example/pixel.png)',
  '# Injected heading',
  '## Injected too\n===\n---',
  '- injected item\n1. injected ordered\n> injected quote',
  '| injected | table |\n| --- | --- |',
  '```\ninjected fence\n```',
  '````powershell\nRemove-Item C:\\ -Recurse\n````',
  '#> Remove-Item C:\\ -Recurse -Force <#',
  '$(Remove-Item C:\\Windows -Recurse)',
  '`$env:USERPROFILE` and `` double ``',
  "'; Remove-Item C:\\; '",
  '"; Stop-Computer; "',
  'line one\r\nline two\rline three\u2028line four\u0085line five',
  '&lt;script&gt; as entities &amp; more',
  '*bold* _em_ ~~strike~~ \\ backslash',
  '# SIG # Begin signature block',
  '#requires -RunAsAdministrator',
];

export const hostileText = HOSTILE.join('\n');

/** The visible text of an HTML page: tags dropped, the five entities and numeric references decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The tags of an HTML page, with their attributes as written. */
export function htmlTags(html: string): { name: string; attrs: string }[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attrs: m[2]!,
  }));
}

/**
 * Markdown split into its fenced blocks and the rest (CommonMark fences: a run of 3+ backticks or tildes opens,
 * the same character repeated at least as long closes). `prose` has code spans removed.
 */
export function markdownParts(md: string): { fences: { info: string; body: string }[]; prose: string[] } {
  const fences: { info: string; body: string }[] = [];
  const prose: string[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i]!);
    if (!open) {
      prose.push(stripCodeSpans(lines[i]!));
      continue;
    }
    const fence = open[1]!;
    const body: string[] = [];
    let j = i + 1;
    const closes = (l: string) => new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(l);
    // Fences in list items are indented: compare without the item's indentation.
    const indent = /^ */.exec(lines[i]!)![0].length;
    while (j < lines.length && !closes(lines[j]!.slice(Math.min(indent, /^ */.exec(lines[j]!)![0].length)))) {
      body.push(lines[j]!.slice(Math.min(indent, /^ */.exec(lines[j]!)![0].length)));
      j++;
    }
    fences.push({ info: open[2]!.trim(), body: body.join('\n') });
    i = j;
  }
  return { fences, prose };
}

function stripCodeSpans(line: string): string {
  return line.replace(/(?<!\\)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

export interface PsLine {
  text: string;
  comment: boolean;
}

/**
 * A PowerShell reader for what the tests need: comments (# to the end of the line, <# #>), strings ('…' with ''
 * doubling and the typographic quotes PowerShell also accepts, "…" with ` escapes), and brackets that must match.
 * Throws on an unterminated string or comment and on unbalanced brackets.
 */
export function readPowerShell(script: string): PsLine[] {
  const SINGLE = "'\u2018\u2019\u201a\u201b";
  const DOUBLE = '"\u201c\u201d\u201e';
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  let i = 0;
  const text = script.replace(/^\uFEFF/, '');
  const lines: PsLine[] = [];
  let lineStart = 0;
  let lineHasCode = false;
  const endLine = (end: number) => {
    lines.push({ text: text.slice(lineStart, end), comment: !lineHasCode && /^\s*#/.test(text.slice(lineStart, end)) });
    lineHasCode = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\r' || c === '\n') {
      endLine(i);
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      lineStart = i;
      continue;
    }
    if (c === '<' && text[i + 1] === '#') {
      const end = text.indexOf('#>', i + 2);
      if (end < 0) throw new Error(`unterminated block comment at ${i}`);
      i = end + 2;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\r' && text[i] !== '\n') i++;
      continue;
    }
    if (!/\s/.test(c)) lineHasCode = true;
    if (c === '`') {
      i += 2;
      continue;
    }
    if (SINGLE.includes(c)) {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated single-quoted string');
        if (SINGLE.includes(text[i]!)) {
          if (i + 1 < text.length && SINGLE.includes(text[i + 1]!)) i += 2;
          else break;
        } else i++;
      }
      i++;
      continue;
    }
    if (DOUBLE.includes(c)) {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated double-quoted string');
        const d = text[i]!;
        if (d === '`') i += 2;
        else if (DOUBLE.includes(d)) {
          if (i + 1 < text.length && DOUBLE.includes(text[i + 1]!)) i += 2;
          else break;
        } else i++;
      }
      i++;
      continue;
    }
    if ('({['.includes(c)) stack.push(c);
    if (')}]'.includes(c)) {
      if (stack.pop() !== pairs[c]) throw new Error(`unbalanced ${c} at ${i}`);
    }
    i++;
  }
  endLine(text.length);
  if (stack.length) throw new Error(`unclosed ${stack.join('')}`);
  return lines;
}

/** The lines of a script that are code (not comments, not blank). */
export function codeLines(script: string): string[] {
  return readPowerShell(script)
    .filter((l) => !l.comment && l.text.trim() !== '')
    .map((l) => l.text);
}
