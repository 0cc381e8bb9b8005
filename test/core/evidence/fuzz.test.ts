// Fuzzing: arbitrary strings and mutations of the real samples (cut, duplicated, swapped and deleted lines,
// inserted colons, braces, dots, unicode and prompts, changed line endings). No exception may escape, and every
// result must stay well-formed. 10,000 runs per property, on small inputs to keep the suite fast.
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  analyzeEvidence,
  evaluateEvidence,
  recognizeEvidence,
  type EvidenceAnalysis,
  type EvidenceContext,
} from '../../../src-main/core/evidence/analyze';
import { EVIDENCE_FACTS } from '../../../src-main/core/evidence/facts';
import { dnsFromError, dnsFromNslookup, dnsQuery } from '../../../src-main/core/evidence/parsers/dns';
import { syntheticTestFromText } from '../../../src-main/core/evidence/parsers/synthetic-test';
import { proxyListFromText } from '../../../src-main/core/evidence/parsers/users';
import { lineBreaks } from '../../../src-main/core/evidence/ps-lines';
import {
  cmdletOf,
  normKey,
  promptCommand,
  readPsOutput,
  type PsObject,
} from '../../../src-main/core/evidence/ps-output';
import { makeValue } from '../../../src-main/core/evidence/ps-values';
import { READERS, WHAT_LEXO_READS } from '../../../src-main/core/evidence/readers';
import { recognize, type RecognizedPart } from '../../../src-main/core/evidence/recognize';
import type { EvidenceRecord } from '../../../src-main/core/evidence/records';
import { FIXTURES_DIR, fixture } from './helpers';

const RUNS = { numRuns: 10_000 };

const SAMPLES = readdirSync(FIXTURES_DIR)
  .sort()
  .map((f) => fixture(f).text);

/** Characters and pieces that matter to the reader, mixed with arbitrary unicode. */
const PIECES = [
  ':',
  ' : ',
  ' ',
  '  ',
  '{',
  '}',
  '{a, b',
  ', ',
  '...',
  '…',
  '-',
  '----',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\u00a0',
  '\ufeff',
  '\u0000',
  'é',
  '語',
  '🙂',
  'PS C:\\> ',
  '[PS] C:\\>',
  'C:\\>',
  '>',
  '|',
  'Identity',
  'ProxyFqdn',
  'True',
  'False',
  'exap.um.outlook.com',
  'sip:',
  'SMTP:',
  'At line:1 char:1',
  '+ ',
  'Get-CsUser',
  'Resolve-DnsName : ',
  'WARNING: ',
  'Name:',
  'Aliases:',
  ' = ',
  'SRV service location:',
  "can't find ",
  'Non-existent domain',
  'Result',
  'Failure',
];
const psText = fc
  .array(
    fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })),
    {
      maxLength: 60,
    },
  )
  .map((xs) => xs.join(''));
const anyText = fc.oneof(psText, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

type Mutation =
  | { op: 'cut'; at: number }
  | { op: 'dup' | 'delete'; at: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'insert'; at: number; col: number; s: string }
  | { op: 'eol'; eol: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constantFrom('dup' as const, 'delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    col: fc.nat(),
    s: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 5 })),
  }),
  fc.record({ op: fc.constant('eol' as const), eol: fc.constantFrom('\n', '\r\n', '\r') }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    if (m.op === 'cut') {
      t = t.slice(0, m.at % (t.length + 1));
      continue;
    }
    if (m.op === 'eol') {
      t = lineBreaks(t).join(m.eol);
      continue;
    }
    const lines = lineBreaks(t);
    const n = lines.length;
    if (m.op === 'dup') lines.splice(m.at % n, 0, lines[m.at % n]!);
    if (m.op === 'delete') lines.splice(m.at % n, 1);
    if (m.op === 'swap') [lines[m.a % n], lines[m.b % n]] = [lines[m.b % n]!, lines[m.a % n]!];
    if (m.op === 'insert') {
      const line = lines[m.at % n]!;
      const col = m.col % (line.length + 1);
      lines[m.at % n] = line.slice(0, col) + m.s + line.slice(col);
    }
    t = lines.join('\n');
  }
  return t;
}

const mutatedSample = fc
  .tuple(fc.constantFrom(...SAMPLES), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, ms]) => mutate(text, ms));

const someText = fc.oneof(anyText, mutatedSample);

const context: fc.Arbitrary<EvidenceContext> = fc.record(
  {
    topology: fc.constantFrom(
      'sfb-online',
      'lync2013-onprem',
      'lync2013-hybrid',
      'sfb-server-onprem',
      'sfb-server-hybrid',
    ),
    cloud: fc.constantFrom('worldwide', '21vianet', 'gcc-high'),
    exchange: fc.constantFrom('exchange-online', 'exchange-hybrid', 'exchange-onprem'),
  },
  { requiredKeys: [] },
);

// ---- well-formedness (plain checks: expect() per value would make 10,000 runs slow) ----

const KINDS = new Set<string>([...READERS.map((r) => r.kind), 'not-recognized']);

function check(ok: boolean, what: string, value?: unknown): void {
  if (!ok) throw new Error(`${what}: ${JSON.stringify(value)?.slice(0, 300)}`);
}

/** Plain data only: strings, booleans, finite numbers, arrays and plain objects, no cycles (JSON-safe). */
function checkPlainData(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') return check(Number.isFinite(value), 'a number that is not finite', value);
  check(typeof value === 'object' && !seen.has(value), 'not plain data', typeof value);
  const proto = Object.getPrototypeOf(value);
  check(Array.isArray(value) || proto === Object.prototype || proto === null, 'not a plain object');
  seen.add(value);
  for (const v of Object.values(value as object)) checkPlainData(v, seen);
  seen.delete(value);
}

function checkRecord(r: EvidenceRecord, kind?: string): void {
  if (kind) check(r.kind === kind, `a ${r.kind} record in a ${kind} part`);
  check(Array.isArray(r.cut) && r.cut.every((c) => typeof c === 'string'), 'cut', r.cut);
  check(
    Object.values(r.other).every((v) => typeof v === 'string'),
    'other',
    r.other,
  );
  for (const [k, v] of Object.entries(r)) {
    if (k === 'cut' || k === 'other') continue;
    const type = typeof v;
    check(type === 'string' || type === 'boolean' || type === 'number' || Array.isArray(v), `field ${k}`, r);
    if (type === 'number') check(Number.isInteger(v), `field ${k} not an integer`, r);
    if (Array.isArray(v))
      check(
        v.every((x) => typeof x === 'string'),
        `field ${k}`,
        r,
      );
  }
}

function checkParts(parts: RecognizedPart[], text: string): void {
  const lineTotal = Math.max(1, lineBreaks(text).length);
  check(parts.length > 0, 'no part at all');
  let previous = 0;
  for (const p of parts) {
    check(KINDS.has(p.kind), 'kind', p.kind);
    check(typeof p.incomplete === 'boolean', 'incomplete', p);
    check(p.lines.from >= 1 && p.lines.to >= p.lines.from && p.lines.to <= lineTotal, 'lines', [p.lines, lineTotal]);
    check(
      p.lines.from >= previous,
      'parts out of order',
      parts.map((x) => x.lines),
    );
    previous = p.lines.from;
    if (p.kind === 'not-recognized') {
      check(p.records.length === 0 && !!p.message?.includes(WHAT_LEXO_READS), 'a silent "not recognized"', p);
    } else {
      for (const r of p.records) checkRecord(r, p.kind);
    }
  }
  checkPlainData(parts);
}

const CONCLUSION =
  /^(step-[1-7]-[a-z0-9-]+|external-access-policy|cms-replication|hosted-um-edge|not-supported|kb-\d{7}|article-[a-z0-9-]+|cause-[a-z0-9-]+)$/;
const FACT_VALUES = EVIDENCE_FACTS as Record<string, readonly string[]>;

function checkAnalysis(a: EvidenceAnalysis, items: number): void {
  for (const [name, value] of Object.entries(a.facts))
    check(!!FACT_VALUES[name]?.includes(value), 'fact', [name, value]);
  const ids = new Set<string>();
  for (const f of a.findings) {
    check(['error', 'warning', 'info'].includes(f.severity), 'severity', f);
    check(CONCLUSION.test(f.conclusion), 'conclusion', f);
    check(f.message.length > 0 && !/undefined|NaN|\[object Object\]/.test(f.message), 'message', f);
    check(
      f.kb.every((kb) => /^\d{7}$/.test(kb)),
      'kb',
      f,
    );
    check(
      f.fix.every((cmd) => typeof cmd === 'string' && cmd.length > 0),
      'fix',
      f,
    );
    check(!ids.has(f.id), 'finding ids repeat', f.id);
    ids.add(f.id);
  }
  check(a.items.length === items, 'one result per item');
  check(
    Object.values(a.names).every((v) => typeof v === 'string'),
    'names',
    a.names,
  );
  checkPlainData(a);
}

// ---- properties ----

describe('fuzz: the PowerShell output reader', () => {
  it('reads arbitrary text into well-formed parts', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const lines = Math.max(1, lineBreaks(text).length);
        for (const part of readPsOutput(text)) {
          check(part.from >= 1 && part.to <= lines, 'part lines', [part.from, part.to, lines]);
          for (const b of part.blocks) {
            check(b.from <= b.to, 'block lines', b);
            if (b.format === 'text') continue;
            for (const o of b.objects) {
              for (const p of o.props) {
                check(p.name.length > 0 && p.key === normKey(p.name), 'property name', p);
                check(typeof p.value.text === 'string', 'value', p);
              }
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('reads mutated real samples', () => {
    fc.assert(
      fc.property(mutatedSample, (text) => {
        checkPlainData(readPsOutput(text));
      }),
      RUNS,
    );
  });

  it('reads prompts, commands and values', () => {
    fc.assert(
      fc.property(someText, (text) => {
        const cmd = promptCommand(text);
        check(cmd === undefined || typeof cmd === 'string', 'prompt', cmd);
        const cmdlet = cmdletOf(text);
        check(cmdlet === undefined || cmdlet === cmdlet.toLowerCase(), 'cmdlet', cmdlet);
        const v = makeValue(text);
        check(v.text === text && (v.items ?? []).every((i) => typeof i === 'string'), 'value', v);
        checkPlainData(dnsQuery(text));
      }),
      RUNS,
    );
  });
});

/** Objects with the property names LEXO looks for, and others, holding tricky values. */
const NAMES = [
  ...new Set(READERS.flatMap((r) => Object.keys(r.signature))),
  'identity',
  'name',
  'type',
  'port',
  'priority',
  'weight',
  'result',
  'errormessage',
  'mail',
  'sipaddress',
];
const psObject: fc.Arbitrary<PsObject> = fc
  .array(
    fc.record({
      name: fc.oneof(fc.constantFrom(...NAMES), fc.string({ minLength: 1, maxLength: 8 })),
      value: fc.oneof(
        fc.constantFrom(
          '',
          'True',
          'False',
          '{}',
          '{a, b...}',
          '5061',
          '-1',
          '1e99',
          'NaN',
          'exap.um.outl...',
          '{sip:a@b, {x}',
        ),
        fc.string({ maxLength: 20 }),
      ),
    }),
    { maxLength: 12 },
  )
  .map((props) => ({
    props: props.map((p) => ({ name: p.name, key: normKey(p.name), value: makeValue(p.value) })),
    from: 1,
    to: 1,
    incomplete: false,
  }));

/** The objects PowerShell output holds, read from arbitrary text and from mutated samples. */
const readObjects = someText.map((text) =>
  readPsOutput(text).flatMap((p) => p.blocks.flatMap((b) => (b.format === 'text' ? [] : b.objects))),
);

describe('fuzz: the parsers', () => {
  for (const reader of READERS) {
    it(`${reader.kind}: every object, generated or read from text, gives a well-formed record or none`, () => {
      fc.assert(
        fc.property(
          fc.oneof(
            psObject.map((o) => [o]),
            readObjects,
          ),
          fc.option(fc.constantFrom(...reader.cmdlets), { nil: undefined }),
          (objects, cmdlet) => {
            for (const obj of objects) {
              const r = reader.fromObject(obj, { cmdlet, command: cmdlet });
              if (r) checkRecord(r, reader.kind);
              checkPlainData(r ?? null);
            }
          },
        ),
        RUNS,
      );
    });
  }

  it('nslookup, address lists, plain-text test verdicts and DNS errors', () => {
    fc.assert(
      fc.property(someText, (text) => {
        const lines = lineBreaks(text).map((t, i) => ({ no: i + 1, text: t }));
        for (const r of dnsFromNslookup(lines)) checkRecord(r, 'dns');
        const list = proxyListFromText(lines, 'Get-Mailbox');
        if (list) checkRecord(list, 'user');
        const verdict = syntheticTestFromText(lines, 'exstorage');
        if (verdict) checkRecord(verdict, 'synthetic-test');
        const missing = dnsFromError({ message: text, from: 1, to: 1 }, undefined);
        if (missing) checkRecord(missing, 'dns');
      }),
      RUNS,
    );
  });
});

describe('fuzz: the recognizer', () => {
  it('arbitrary text: well-formed parts, "not recognized" said out loud', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkParts(recognize(text), text);
      }),
      RUNS,
    );
  });

  it('mutated real samples', () => {
    fc.assert(
      fc.property(mutatedSample, (text) => {
        checkParts(recognize(text), text);
      }),
      RUNS,
    );
  });
});

describe('fuzz: the analysis', () => {
  it('facts and findings stay within the contract, and re-evaluation is pure', () => {
    fc.assert(
      fc.property(fc.array(someText, { minLength: 1, maxLength: 3 }), context, (texts, ctx) => {
        const items = texts.map((text, i) => ({ name: `item-${i}.txt`, text }));
        const a = analyzeEvidence(items, ctx);
        checkAnalysis(a, items.length);
        check(JSON.stringify(evaluateEvidence(recognizeEvidence(items), ctx)) === JSON.stringify(a), 'not pure', texts);
      }),
      RUNS,
    );
  });
});
