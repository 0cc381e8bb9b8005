// Random and hostile text against the shipped pack's signatures: the scan never throws, every hit is well formed,
// and the work grows with the text, not with its square. Work is counted (character reads), never timed.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { analyzeEvidence } from '../../../src-main/core/evidence/analyze';
import { scanSignatures } from '../../../src-main/core/evidence/signatures/scan';
import type { SignatureSet } from '../../../src-main/core/evidence/signatures/types';
import { loadPackFolder } from '../../../src-main/core/kb/pack';
import { articleSignatures } from '../../../src-main/core/kb/signatures-cache';
import { memoryDb, PACK_DIR } from '../../helpers/db';

let db: WritableDb;
let set: SignatureSet;
beforeAll(() => {
  db = memoryDb();
  loadPackFolder(db, PACK_DIR);
  set = articleSignatures(db);
});

/** What the scanners react to, mixed with arbitrary text. */
const PIECES = [
  'Event ID: ',
  'Event ID 32054',
  'EventID=',
  'Source: LS Storage Service\n',
  'ProviderName : MSExchange Common\n',
  'Id           : 4999\n',
  'Log Name: Lync Server\n',
  '<Event xmlns="e"><System><Provider Name="LS User Services" />',
  "<EventID Qualifiers='1'>",
  '</EventID>',
  'Level,Date and Time,Source,Event ID,Task Category\n',
  '"Message","Id","ProviderName"\n',
  '\t',
  ',',
  '"',
  '""',
  '&quot;',
  '&#x27;',
  '&#',
  '&',
  ';',
  'ms-diagnostics: 15000;reason="',
  'x-ms-diagnostics: 2000004',
  'Storage Service had an EWS ',
  'Autodiscovery failure.',
  "The tenant for tenant guid 'x' ",
  'does not exist.',
  'HKCU\\Software\\',
  '"AllowAdalForNonLyncIndependentOfLync"=dword:00000001',
  'TimeCreated                     Id LevelDisplayName Message\n',
  '-----------                     -- ---------------- -------\n',
  '11/23/2026 9:41:17 AM        32054 Error            x\n',
  '   ProviderName: LS Storage Service\n',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '…',
  'é',
  '語',
  '🙂',
  '\u0000',
  '\ufeff',
  'İ',
  'K',
];

const pasteArb = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 60 })
  .map((a) => a.join(''));

function wellFormed(text: string, hits: ReturnType<typeof scanSignatures>): void {
  const lines = text.split(/\r\n|\n|\r/).length;
  const ids = new Set(set.articles.map((a) => a.id));
  for (const h of hits) {
    expect(ids.has(h.article)).toBe(true);
    expect(['strong', 'weak', 'corroborating']).toContain(h.tier);
    expect(h.from).toBeGreaterThanOrEqual(1);
    expect(h.to).toBeGreaterThanOrEqual(h.from);
    expect(h.to).toBeLessThanOrEqual(lines);
    expect(h.count).toBeGreaterThanOrEqual(1);
    expect(h.text.length).toBeLessThan(2000);
  }
}

describe('random text', () => {
  it('never throws; hits name a known article, lines inside the text, a bounded excerpt', () => {
    fc.assert(
      fc.property(pasteArb, (text) => {
        wellFormed(text, scanSignatures(text, set));
      }),
      { numRuns: 3000 },
    );
  });

  it('the whole analysis with signatures never throws and gives well-formed findings', () => {
    fc.assert(
      fc.property(pasteArb, fc.constantFrom({}, { topology: 'sfb-online' as const }), (text, context) => {
        const { findings } = analyzeEvidence([{ name: 'x', text }], context, set);
        for (const f of findings) {
          expect(['error', 'warning', 'info']).toContain(f.severity);
          for (const l of f.lines ?? []) expect(l.from).toBeLessThanOrEqual(l.to);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** Character reads (charCodeAt) while `fn` runs: the scanners' unit of work. */
function reads(fn: () => void): number {
  const original = String.prototype.charCodeAt;
  let n = 0;
  String.prototype.charCodeAt = function (this: string, i: number) {
    n++;
    return original.call(this, i);
  };
  try {
    fn();
  } finally {
    String.prototype.charCodeAt = original;
  }
  return n;
}

describe('work grows linearly', () => {
  /** Inputs that would make a naive matcher or a backtracking parser crawl, at `size` characters. */
  const hostile = (size: number): Record<string, string> => {
    const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    return {
      'prefixes of a message, never completed': fill('Storage Service had an EWS Autodiscovery '),
      'an anchor whose other pieces never come': fill("The tenant for tenant guid 'x' is there. "),
      'one identifier after the other': fill('EnableExchangeContactSync '),
      'an unclosed CSV quote': `Level,Date and Time,Source,Event ID,Task Category\nError,d,LS,1,x,"${fill('a\n')}`,
      'event keys without events': fill('Source: LS Storage Service\nId : x\n'),
      'XML providers without IDs': fill("<Provider Name='LS Storage Service'/>"),
      entities: fill('&quot;&#x27;&amp;&'),
      'ms-diagnostics headers': fill('ms-diagnostics: 15000;reason="x"\n'),
    };
  };

  it.each(Object.keys(hostile(10)))('%s', (name) => {
    const small = hostile(20_000)[name]!;
    const large = hostile(80_000)[name]!;
    const a = reads(() => scanSignatures(small, set));
    const b = reads(() => scanSignatures(large, set));
    // The count is real: every character is read, or skipped within an entity of a few.
    expect(a).toBeGreaterThan(small.length / 8);
    // Four times the text, about four times the reads (and never the sixteen of a quadratic scan).
    expect(b).toBeLessThanOrEqual(4.5 * a + 10_000);
  });
});
