// Decides what each part of a paste is: by the command on its prompt line, else by its property names (or, for
// free text, by its shape). Text it cannot read becomes a "not recognized" part that says what LEXO reads:
// never an exception, never a silent empty result.
import { cmdletOf, readPsOutput, type PsBlock, type PsError, type PsPart } from './ps-output';
import { readerForCmdlet, readerForObject, WHAT_LEXO_READS, type Reader } from './readers';
import type { DnsRecord, EvidenceKind, EvidenceRecord, SyntheticTest } from './records';
import { dnsFromError, dnsFromNslookup, dnsQuery, looksLikeNslookup, withNoData } from './parsers/dns';
import { SYNTHETIC_TEST_CMDLETS, syntheticTestFromText } from './parsers/synthetic-test';
import { proxyListFromText } from './parsers/users';

export interface RecognizedPart {
  kind: EvidenceKind | 'not-recognized';
  /** The command from the prompt line, when the paste kept it. */
  command?: string;
  records: EvidenceRecord[];
  /** Some value was cut ("...", "…", "{a, b...}") or the paste ended mid-object. */
  incomplete: boolean;
  /** 1-based, inclusive, in the item's text. */
  lines: { from: number; to: number };
  /** The command printed nothing at all: for a Get- command that is an answer ("there is none"). */
  empty?: boolean;
  /** Error records PowerShell printed for this command. */
  errors?: string[];
  /** For "not recognized" parts: what was wrong, and what LEXO reads. */
  message?: string;
}

const lineCount = (text: string) => {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
};

/** Only whitespace (or a stray BOM): stops at the first visible character instead of copying the text. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff && c !== 0xa0 && c !== 0) return false;
  }
  return true;
}

export function recognize(text: string): RecognizedPart[] {
  if (isBlank(text)) {
    return [notRecognized({ from: 1, to: lineCount(text) }, undefined, 'The text is empty.')];
  }
  const out: RecognizedPart[] = [];
  for (const part of readPsOutput(text)) {
    const reader = readerForCmdlet(cmdletOf(part.command));
    out.push(...(reader ? readKnown(part, reader) : readByShape(part)));
  }
  if (out.length === 0)
    out.push(notRecognized({ from: 1, to: lineCount(text) }, undefined, 'There is no output in it.'));
  return out;
}

function notRecognized(lines: { from: number; to: number }, command: string | undefined, why: string): RecognizedPart {
  const part: RecognizedPart = {
    kind: 'not-recognized',
    records: [],
    incomplete: false,
    lines,
    message: `${why} ${WHAT_LEXO_READS}`,
  };
  if (command !== undefined) part.command = command;
  return part;
}

const isIncomplete = (r: EvidenceRecord) => r.cut.length > 0 || (r.kind === 'user' && r.proxyAddressesCut === true);

function make(
  kind: EvidenceKind,
  part: PsPart,
  records: EvidenceRecord[],
  lines: { from: number; to: number },
  cutObjects = false,
): RecognizedPart {
  const out: RecognizedPart = { kind, records, incomplete: cutObjects || records.some(isIncomplete), lines };
  if (part.command !== undefined) out.command = part.command;
  return out;
}

const errorText = (e: PsError) => (e.command ? `${e.command} : ${e.message}` : e.message);

/** Output of a command LEXO knows: every object goes to that command's reader. */
function readKnown(part: PsPart, reader: Reader): RecognizedPart[] {
  const cmdlet = cmdletOf(part.command);
  const ctx = { command: part.command, cmdlet };
  const records: EvidenceRecord[] = [];
  const unread: PsBlock[] = [];
  let cutObjects = false;
  for (const block of part.blocks) {
    if (block.format === 'text') {
      const fromText = textRecords(block.lines, reader.kind, cmdlet, true);
      if (fromText.length) records.push(...fromText);
      else unread.push(block);
      continue;
    }
    for (const obj of block.objects) {
      const r = reader.fromObject(obj, ctx);
      if (r) records.push(r);
      if (obj.incomplete) cutObjects = true;
    }
  }
  for (const e of part.errors) {
    const r = errorRecord(e, reader.kind, cmdlet, part.command);
    if (r) records.push(r);
  }
  const all = reader.kind === 'dns' ? withNoData(records as DnsRecord[], dnsQuery(part.command)) : records;
  const out: RecognizedPart[] = [];
  const read = part.blocks.length - unread.length > 0 || all.length > 0;
  if (read || (part.blocks.length === 0 && part.errors.length === 0)) {
    const main = make(reader.kind, part, all, { from: part.from, to: part.to }, cutObjects);
    if (part.blocks.length === 0 && part.errors.length === 0) main.empty = true;
    if (part.errors.length) main.errors = part.errors.map(errorText);
    out.push(main);
  } else if (part.errors.length) {
    // Only errors (e.g. "Management object not found"): the command ran and said why it has no answer.
    const main = make(reader.kind, part, [], { from: part.from, to: part.to });
    main.errors = part.errors.map(errorText);
    out.push(main);
  }
  for (const b of unread) {
    out.push(notRecognized({ from: b.from, to: b.to }, part.command, `LEXO could not read lines ${b.from}–${b.to}.`));
  }
  return out;
}

/** Records from free text: nslookup answers, an address list, a synthetic test's plain verdict. */
function textRecords(
  lines: { no: number; text: string }[],
  kind: EvidenceKind | undefined,
  cmdlet: string | undefined,
  known: boolean,
): EvidenceRecord[] {
  if ((kind === undefined || kind === 'dns') && looksLikeNslookup(lines)) return dnsFromNslookup(lines);
  if (kind === undefined || kind === 'user') {
    const list = proxyListFromText(lines, cmdlet === 'get-aduser' ? 'Get-ADUser' : 'Get-Mailbox');
    if (list) return [list];
  }
  if (kind === 'synthetic-test' || kind === undefined) {
    const test = cmdlet ? (SYNTHETIC_TEST_CMDLETS[cmdlet] as SyntheticTest | undefined) : undefined;
    const verdict = lines.some((l) => /test (passed|failed)/i.test(l.text));
    if (known || verdict) {
      const r = syntheticTestFromText(lines, test);
      if (r) return [r];
    }
  }
  return [];
}

function errorRecord(
  e: PsError,
  kind: EvidenceKind,
  cmdlet: string | undefined,
  command: string | undefined,
): EvidenceRecord | undefined {
  if (kind === 'dns') return dnsFromError(e, dnsQuery(command).name);
  if (kind === 'synthetic-test') {
    const test = cmdlet ? SYNTHETIC_TEST_CMDLETS[cmdlet] : undefined;
    const r: EvidenceRecord = {
      kind: 'synthetic-test',
      result: 'Failure',
      errorMessage: e.message,
      cut: [],
      other: {},
    };
    if (test) r.test = test;
    return r;
  }
  return undefined;
}

interface Group {
  kind: EvidenceKind | 'not-recognized';
  records: EvidenceRecord[];
  from: number;
  to: number;
  cut: boolean;
  errors: string[];
}

/** Output without a known command: each object, text block and error is judged by its own shape. */
function readByShape(part: PsPart): RecognizedPart[] {
  const groups: Group[] = [];
  const add = (g: Group) => {
    const last = groups[groups.length - 1];
    if (last && last.kind === g.kind) {
      last.records.push(...g.records);
      last.to = Math.max(last.to, g.to);
      last.cut ||= g.cut;
      last.errors.push(...g.errors);
    } else groups.push(g);
  };
  const items: { from: number; make: () => Group }[] = [];
  for (const block of part.blocks) {
    if (block.format === 'text') {
      items.push({
        from: block.from,
        make: () => {
          const records = textRecords(block.lines, undefined, undefined, false);
          const kind = records[0]?.kind ?? 'not-recognized';
          return { kind, records, from: block.from, to: block.to, cut: false, errors: [] };
        },
      });
      continue;
    }
    for (const obj of block.objects) {
      items.push({
        from: obj.from,
        make: () => {
          const reader = readerForObject(obj);
          const r = reader?.fromObject(obj, {});
          return r
            ? { kind: reader!.kind, records: [r], from: obj.from, to: obj.to, cut: obj.incomplete, errors: [] }
            : { kind: 'not-recognized', records: [], from: obj.from, to: obj.to, cut: false, errors: [] };
        },
      });
    }
  }
  for (const e of part.errors) {
    items.push({
      from: e.from,
      make: () => {
        const cmdlet = cmdletOf(e.command);
        const reader = readerForCmdlet(cmdlet);
        if (!reader)
          return { kind: 'not-recognized', records: [], from: e.from, to: e.to, cut: false, errors: [errorText(e)] };
        const r = errorRecord(e, reader.kind, cmdlet, undefined);
        return { kind: reader.kind, records: r ? [r] : [], from: e.from, to: e.to, cut: false, errors: [errorText(e)] };
      },
    });
  }
  items.sort((a, b) => a.from - b.from);
  for (const it of items) add(it.make());
  if (groups.length === 0) {
    // A prompt whose command printed nothing, and which LEXO does not read.
    if (part.command === undefined) return [];
    return [
      notRecognized(
        { from: part.from, to: part.to },
        part.command,
        `LEXO does not read the output of "${part.command}".`,
      ),
    ];
  }
  return groups.map((g) => {
    if (g.kind === 'not-recognized') {
      const why =
        part.command !== undefined && cmdletOf(part.command)
          ? `LEXO does not read the output of "${part.command}" (lines ${g.from}–${g.to}).`
          : `LEXO could not recognize lines ${g.from}–${g.to}.`;
      const nr = notRecognized({ from: g.from, to: g.to }, part.command, why);
      if (g.errors.length) nr.errors = g.errors;
      return nr;
    }
    const out = make(g.kind, part, g.records, { from: g.from, to: g.to }, g.cut);
    if (g.errors.length) out.errors = g.errors;
    return out;
  });
}
