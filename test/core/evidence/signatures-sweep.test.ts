// Every error string of every article of the shipped pack, pasted as a tool would print it (a PowerShell error
// wrapped at 80 columns, an Event Viewer description, a CSV export, wevtutil XML, a client log line, a SIP header, a
// .reg export, an event of the source the article names), with the customer's own names in place of the
// article's: the article gets a finding, as strong as the string is distinctive, with the lines of that paste.
// Strings too generic to stand alone (a status line, a setting's name) make no finding on their own.
import { beforeAll, describe, expect, it } from 'vitest';
import { all, type WritableDb } from '../../../src-main/core/db/sqlite';
import { analyzeEvidence } from '../../../src-main/core/evidence/analyze';
import type { ArticleSource } from '../../../src-main/core/evidence/signatures/build';
import { TIER_RANK, type SignatureSet, type Tier } from '../../../src-main/core/evidence/signatures/types';
import { loadPackFolder } from '../../../src-main/core/kb/pack';
import { articleSignatures } from '../../../src-main/core/kb/signatures-cache';
import { memoryDb, PACK_DIR } from '../../helpers/db';

let db: WritableDb;
let set: SignatureSet;
let articles: ArticleSource[];
beforeAll(() => {
  db = memoryDb();
  loadPackFolder(db, PACK_DIR);
  set = articleSignatures(db);
  articles = all<{ data: string }>(db, "SELECT data FROM kb_entry WHERE kind = 'article' ORDER BY ord, id")
    .map((r) => JSON.parse(r.data) as ArticleSource)
    .filter((a) => a.errors.length > 0);
});

/** The customer's names where the article has its examples and placeholders. */
function customerValues(s: string): string {
  return s
    .replace(/<[a-z][a-z0-9 _.-]*>/gi, 'kim.akers')
    .replace(/\b(?:contoso|fabrikam|litwareinc)\.com\b/gi, 'tailwind.example')
    .replace(/…|\.\.\./g, 'ContactListToDow')
    .replace(/(process id:\s*)\d+/gi, '$14242')
    .replace(/\b\d+\.\d+\.\d+\.\d+\b/g, '15.1.2507.6')
    .replace(/'(?:username|user)'/gi, "'kim'");
}

/** Cut every `width` characters, in the middle of words, as a console wraps. */
const consoleWrap = (s: string, width = 80) => s.match(new RegExp(`.{1,${width}}`, 'g')) ?? [s];
const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

interface Paste {
  format: string;
  lines: string[];
  /** The lines (1-based) that hold the error string. */
  from: number;
  to: number;
}

function block(format: string, before: string[], body: string[], after: string[] = []): Paste {
  return { format, lines: [...before, ...body, ...after], from: before.length + 1, to: before.length + body.length };
}

const MESSAGE_FORMATS: ((s: string) => Paste)[] = [
  (s) =>
    block(
      'PowerShell error, wrapped at 80 columns',
      ['PS C:\\Users\\admin> Invoke-SweepTest -Identity kim.akers'],
      consoleWrap(s),
      ['    + CategoryInfo          : NotSpecified: (:) [], RemoteException', '    + FullyQualifiedErrorId : Sweep'],
    ),
  (s) =>
    block(
      'Event Viewer description',
      [
        'Log Name:      Application',
        'Source:        Sweep Test',
        'Event ID:      1',
        'Level:         Error',
        'Description:',
      ],
      [s],
    ),
  (s) =>
    block(
      'Event Viewer CSV',
      ['Level,Date and Time,Source,Event ID,Task Category'],
      [`Error,11/23/2026 9:41:17 AM,Sweep Test,1,None,"${s.replace(/"/g, '""')}"`],
    ),
  (s) =>
    block(
      'wevtutil XML',
      [],
      [
        `<Event xmlns='e'><System><Provider Name='Sweep Test'/><EventID>1</EventID></System><EventData><Data>${xmlEscape(s)}</Data></EventData></Event>`,
      ],
    ),
  (s) =>
    block(
      'client log line',
      ['11/23/2026|10:14:03.431 1A2C:2B40 INFO  :: Sending Packet'],
      [`11/23/2026|10:14:03.512 1A2C:2B40 ERROR :: ${s}`],
    ),
];

/** Pastes of one error string in the formats it comes in (a message: in each of them). */
function pastesOf(error: string, providers: string[]): Paste[] {
  const one = pasteOf(error, providers);
  return one ? [one] : MESSAGE_FORMATS.map((format) => format(customerValues(error)));
}

function pasteOf(error: string, providers: string[]): Paste | undefined {
  const s = customerValues(error);
  const event = /^Event IDs?\s+(\d+)/i.exec(error);
  if (event && providers[0]) {
    return block(
      'Event Viewer event of the named source',
      ['Log Name:      Application'],
      [`Source:        ${providers[0]}`, 'Date:          11/23/2026 9:41:17 AM', `Event ID:      ${event[1]}`],
      ['Description:', 'x'],
    );
  }
  if (event)
    return block('event ID in a note', ['Ticket notes:'], [`The customer sees ${s} on the server every hour.`]);
  if (/ms-diagnostics/i.test(error)) {
    return block(
      'SIP response',
      ['11/23/2026|10:14:03.512 1A2C:2B40 INFO  :: SIP/2.0 403 Forbidden', 'CSeq: 1 INVITE'],
      [s],
      ['Content-Length: 0'],
    );
  }
  if (/^(HKEY_|HKCU|HKLM)/i.test(error))
    return block(
      '.reg export key',
      ['Windows Registry Editor Version 5.00', ''],
      [`[${s}]`],
      ['"Sweep"=dword:00000001'],
    );
  if (/^"[^"]+"\s*=/.test(error))
    return block(
      '.reg export value',
      ['Windows Registry Editor Version 5.00', '', '[HKEY_CURRENT_USER\\Software\\Sweep]'],
      [s],
    );
  if (!/\s/.test(error))
    return block('log line with a name', ['Sweep log'], [`10:14:03 ERROR :: ${s} reported by the client`]);
  return undefined;
}

/** What the string says on its own, from the signatures the pack's data gave it, the whole string being there. */
function expectedTier(a: ArticleSource, error: string, paste: Paste): Tier {
  const index = set.articles.findIndex((x) => x.id === a.id);
  let best: Tier = 'corroborating';
  const raise = (t: Tier) => {
    if (TIER_RANK[t] > TIER_RANK[best]) best = t;
  };
  for (const p of set.phrases) if (p.article === index && p.text === error) raise(p.fullTier);
  for (const list of set.events.values())
    for (const e of list)
      if (e.article === index && e.text === error) raise(paste.format.startsWith('Event Viewer') ? 'strong' : 'weak');
  for (const list of set.diagnostics.values())
    for (const d of list) if (d.article === index && d.text === error) raise('weak');
  // A diagnostic string's reason is a signature of its own, written inside it.
  if (/ms-diagnostics/i.test(error)) {
    for (const p of set.phrases) if (p.article === index && error.includes(p.text)) raise(p.fullTier);
  }
  return best;
}

/** Whether one of the article's signatures can make a finding on its own. */
function distinctive(id: string): boolean {
  const index = set.articles.findIndex((x) => x.id === id);
  const events = [...set.events.values()].flat().some((e) => e.article === index);
  const codes = [...set.diagnostics.values()].flat().some((d) => d.article === index);
  return events || codes || set.phrases.some((p) => p.article === index && p.fullTier !== 'corroborating');
}

describe('every error string of every article', () => {
  it('the pack has articles with error strings', () => {
    expect(articles.length).toBeGreaterThan(10);
    expect(set.articles.map((a) => a.id).sort()).toEqual(articles.map((a) => a.id).sort());
  });

  it('pasted in its format, gives a finding for its article with the lines of the paste (generic strings: none)', () => {
    const problems: string[] = [];
    const reached = new Set<string>();
    let checked = 0;
    for (const a of articles) {
      for (const error of a.errors) {
        const id = Number(/^Event IDs?\s+(\d+)/i.exec(error)?.[1]);
        const named = (set.events.get(id) ?? []).find((e) => set.articles[e.article]!.id === a.id)?.providers ?? [];
        for (const paste of pastesOf(error, named)) check(a, error, paste);
      }
    }
    function check(a: ArticleSource, error: string, paste: Paste): void {
      const text = paste.lines.join('\r\n');
      const tier = expectedTier(a, error, paste);
      const f = analyzeEvidence([{ name: 'sweep.txt', text }], {}, set).findings.find((x) => x.conclusion === a.id);
      checked++;
      const where = `${a.id} / ${paste.format} / ${JSON.stringify(error.slice(0, 70))}`;
      if (tier === 'corroborating') {
        if (f) problems.push(`${where}: a generic string alone made a ${f.severity} finding`);
        return;
      }
      if (!f) return void problems.push(`${where}: no finding (expected ${tier})`);
      reached.add(a.id);
      const severity = tier === 'strong' ? 'error' : 'warning';
      if (f.severity !== severity) problems.push(`${where}: ${f.severity}, expected ${severity}`);
      if (JSON.stringify(f.kb) !== JSON.stringify(a.kb ? [a.kb] : []))
        problems.push(`${where}: kb ${JSON.stringify(f.kb)}`);
      const inside = (f.lines ?? []).some((l) => l.item === 'sweep.txt' && l.from >= paste.from && l.to <= paste.to);
      if (!inside)
        problems.push(
          `${where}: lines ${JSON.stringify(f.lines?.map((l) => [l.from, l.to]))}, expected within ${paste.from}–${paste.to}`,
        );
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(articles.reduce((n, a) => n + a.errors.length, 0));
    // Each article is reached by one of its strings, unless all of them are too generic to stand alone.
    expect(articles.filter((a) => !reached.has(a.id) && distinctive(a.id)).map((a) => a.id)).toEqual([]);
  });
});
