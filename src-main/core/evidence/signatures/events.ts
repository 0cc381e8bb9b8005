// Windows events in a paste, with their ID and source, whatever tool printed them: Event Viewer's "Copy as
// text" and "Save As" text or CSV, wevtutil /f:text and /f:xml, Get-WinEvent as a list, a table, Export-Csv or
// .ToXml(), Get-EventLog | Format-List, or "Event ID 32054" written in a sentence.
import type { LineIndex } from './lines';

export interface EventRecord {
  id: number;
  /** The source / provider name as printed, when the paste shows it. */
  provider?: string;
  from: number;
  to: number;
  /** Offset of the ID in the text, for excerpts of long lines. */
  focus: number;
}

/** Nothing event-like at all: most pastes are cmdlet output, and skip the line pass. */
const ANY_EVENT = /event\s?id|providername|<eventid\b/i;

export function findEvents(text: string, index: () => LineIndex): EventRecord[] {
  if (!ANY_EVENT.test(text)) return [];
  const lines = index();
  const out = [...lineEvents(lines), ...xmlEvents(text, lines)];
  const taken = new Set(out.map((e) => e.to));
  for (const e of out) taken.add(e.from);
  out.push(...sentenceEvents(text, lines, taken));
  return out.sort((a, b) => a.from - b.from || a.focus - b.focus);
}

const MAX_ID = 65535;
const asId = (value: string): number | undefined => {
  const v = value.trim();
  if (!/^\d{1,5}$/.test(v)) return undefined;
  const n = Number(v);
  return n <= MAX_ID ? n : undefined;
};

/** Keys of an event printed as "Key: value" lines (Event Viewer, wevtutil /f:text, Format-List). */
const ID_KEYS = new Set(['eventid', 'id']);
const PROVIDER_KEYS = new Set(['source', 'providername']);
/** Keys that begin an event in one of the layouts: an event that is complete ends there. */
const START_KEYS = new Set(['logname', 'timecreated', 'message']);
const EVENT_KEYS = new Set([
  'logname',
  'timecreated',
  'message',
  'description',
  'date',
  'level',
  'leveldisplayname',
  'taskcategory',
  'task',
  'opcode',
  'keywords',
  'recordid',
  'machinename',
  'computer',
  'entrytype',
  'instanceid',
  'index',
  'category',
]);
/** An event's keys are never further apart than this; farther, the next "Id :" belongs to something else. */
const MAX_RECORD_SPAN = 40;
/** A quoted CSV field (an event's message) longer than this many lines is a broken quote, not an event. */
const MAX_CSV_RECORD_LINES = 200;

interface KeyValue {
  key: string;
  value: string;
  /** Offset of the value in the line. */
  at: number;
}

function keyValue(line: string): KeyValue | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > 40) return undefined;
  const rawKey = line.slice(0, colon).trim();
  if (!/^[A-Za-z][A-Za-z0-9 [\]]*$/.test(rawKey)) return undefined;
  return { key: rawKey.toLowerCase().replaceAll(' ', ''), value: line.slice(colon + 1).trim(), at: colon + 1 };
}

interface Pending {
  from: number;
  last: number;
  id?: number;
  idLine?: number;
  focus?: number;
  explicit: boolean;
  provider?: string;
  providerLine?: number;
  others: number;
}

interface Column {
  start: number;
  end: number;
}

interface Table {
  id: Column;
  provider?: Column;
  /** The next column's start: a left-aligned value ends there. */
  providerEnd?: number;
  /** From a "ProviderName: …" group header above the table (Get-WinEvent's default view). */
  group?: string;
}

interface Csv {
  delimiter: string;
  id: number;
  provider: number;
  field: number;
  quoted: boolean;
  idText: string;
  providerText: string;
  idLine: number;
  providerLine: number;
  lines: number;
}

function dashRuns(line: string): Column[] | undefined {
  const runs: Column[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    if (c !== 45) return undefined;
    const start = i;
    while (i < line.length && line.charCodeAt(i) === 45) i++;
    runs.push({ start, end: i });
  }
  return runs.length ? runs : undefined;
}

const columnName = (header: string, c: Column) => header.slice(c.start, c.end).trim().toLowerCase().replaceAll(' ', '');

const isDigit = (c: number) => c >= 48 && c <= 57;

/** A right-aligned number ends at its column's end (and may overflow to the left); a left-aligned one starts at its start. */
function cellId(line: string, c: Column): number | undefined {
  const edge = (at: number) => at >= line.length || line.charCodeAt(at) === 32;
  let start = -1;
  let end = -1;
  if (isDigit(line.charCodeAt(c.end - 1)) && edge(c.end)) {
    end = c.end;
    start = end;
    while (start > 0 && isDigit(line.charCodeAt(start - 1))) start--;
  } else if (isDigit(line.charCodeAt(c.start)) && (c.start === 0 || line.charCodeAt(c.start - 1) === 32)) {
    start = c.start;
    end = start;
    while (end < line.length && isDigit(line.charCodeAt(end))) end++;
  }
  return start >= 0 && (start === 0 || line.charCodeAt(start - 1) === 32) && edge(end)
    ? asId(line.slice(start, end))
    : undefined;
}

/** Fields of one CSV line (a header). */
function csvFields(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          value += '"';
          i++;
        } else quoted = false;
      } else value += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(value);
      value = '';
    } else value += ch;
  }
  out.push(value);
  return out;
}

function csvHeader(line: string): Csv | undefined {
  if (!/id/i.test(line)) return undefined;
  const delimiter = line.includes('\t') ? '\t' : line.includes(',') ? ',' : undefined;
  if (!delimiter || line.length > 2000) return undefined;
  const names = csvFields(line, delimiter).map((f) => f.trim().toLowerCase().replaceAll(' ', ''));
  const id = names.findIndex((n) => ID_KEYS.has(n));
  const provider = names.findIndex((n) => PROVIDER_KEYS.has(n));
  if (id < 0 || provider < 0) return undefined;
  return {
    delimiter,
    id,
    provider,
    field: 0,
    quoted: false,
    idText: '',
    providerText: '',
    idLine: 0,
    providerLine: 0,
    lines: 0,
  };
}

/** Lines that are "Key: value" events, tables with an Id column, and CSV or tab-separated event exports. */
function lineEvents(lines: LineIndex): EventRecord[] {
  const out: EventRecord[] = [];
  let pending: Pending | undefined;
  let table: Table | undefined;
  let csv: Csv | undefined;
  let group: { name: string; line: number } | undefined;
  let previous = '';

  const flush = () => {
    const p = pending;
    pending = undefined;
    if (!p || p.id === undefined) return;
    // A bare "Id" is an event's only beside a source and another event key (Get-WinEvent | Format-List).
    if (!p.explicit && (p.provider === undefined || p.others === 0)) return;
    const rec: EventRecord = {
      id: p.id,
      from: Math.min(p.idLine!, p.providerLine ?? p.idLine!),
      to: Math.max(p.idLine!, p.providerLine ?? p.idLine!),
      focus: p.focus!,
    };
    if (p.provider !== undefined) rec.provider = p.provider;
    out.push(rec);
  };

  /** One line of a CSV export; false when the line is not part of it (the export ended). */
  const csvLine = (c: Csv, line: string, no: number): boolean => {
    c.lines++;
    const append = (ch: string) => {
      if (c.field === c.id && c.idText.length < 20) {
        c.idText += ch;
        c.idLine = no;
      } else if (c.field === c.provider && c.providerText.length < 200) {
        c.providerText += ch;
        c.providerLine = no;
      }
    };
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (c.quoted) {
        if (ch !== '"') append(ch);
        else if (line[i + 1] === '"') {
          append(ch);
          i++;
        } else c.quoted = false;
      } else if (ch === '"') c.quoted = true;
      else if (ch === c.delimiter) c.field++;
      else append(ch);
    }
    // A quoted field (the message) goes on over the next line.
    if (c.quoted) return c.lines <= MAX_CSV_RECORD_LINES;
    const fields = c.field + 1;
    const idText = c.idText;
    const providerText = c.providerText.trim();
    // The row's lines that show the ID and the source (the message may span many more).
    const idLine = c.idLine;
    const from = Math.min(idLine, c.providerLine || idLine);
    const to = Math.max(idLine, c.providerLine);
    Object.assign(c, { field: 0, idText: '', providerText: '', lines: 0, idLine: 0, providerLine: 0 });
    if (fields <= Math.max(c.id, c.provider)) return false;
    const id = asId(idText);
    if (id !== undefined) {
      const rec: EventRecord = { id, from, to, focus: lines.start(idLine) };
      if (providerText) rec.provider = providerText;
      out.push(rec);
    }
    return true;
  };

  for (let no = 1; no <= lines.count; no++) {
    const line = lines.line(no);
    if (csv) {
      if (csvLine(csv, line, no)) continue;
      csv = undefined;
    }
    if (table) {
      if (line.trim() === '') table = undefined;
      else {
        const id = cellId(line, table.id);
        if (id !== undefined) {
          const provider = table.provider
            ? line.slice(table.provider.start, table.providerEnd ?? line.length).trim()
            : table.group;
          const rec: EventRecord = { id, from: no, to: no, focus: lines.start(no) + table.id.start };
          if (provider) rec.provider = provider;
          out.push(rec);
          previous = line;
          continue;
        }
        // Not a row (a wrapped message, or what followed the table without a blank line): read it as any line.
      }
    }
    if (pending && no - pending.last > MAX_RECORD_SPAN) flush();

    const runs = previous.trim() !== '' ? dashRuns(line) : undefined;
    if (runs) {
      const names = runs.map((r) => columnName(previous, r));
      const id = names.findIndex((n) => ID_KEYS.has(n));
      if (id >= 0) {
        const provider = names.findIndex((n) => PROVIDER_KEYS.has(n));
        table = { id: runs[id]! };
        if (provider >= 0) {
          table.provider = runs[provider]!;
          if (runs[provider + 1]) table.providerEnd = runs[provider + 1]!.start;
        } else if (group && no - group.line <= 4) table.group = group.name;
        previous = line;
        continue;
      }
    }
    const header = csvHeader(line);
    if (header) {
      flush();
      csv = header;
      previous = line;
      continue;
    }

    const kv = keyValue(line);
    previous = line;
    if (!kv) continue;
    if (ID_KEYS.has(kv.key)) {
      const id = asId(kv.value);
      if (id === undefined) continue;
      if (pending?.id !== undefined) flush();
      pending ??= { from: no, last: no, explicit: false, others: 0 };
      pending.id = id;
      pending.idLine = no;
      pending.focus = lines.start(no) + kv.at;
      pending.explicit ||= kv.key === 'eventid';
      pending.last = no;
    } else if (PROVIDER_KEYS.has(kv.key) && kv.value) {
      group = { name: kv.value, line: no };
      if (pending?.provider !== undefined) flush();
      pending ??= { from: no, last: no, explicit: false, others: 0 };
      pending.provider = kv.value;
      pending.providerLine = no;
      pending.last = no;
    } else if (START_KEYS.has(kv.key) || /^event\[\d+\]$/.test(kv.key)) {
      if (pending?.id !== undefined && pending.provider !== undefined) flush();
      pending ??= { from: no, last: no, explicit: false, others: 0 };
      pending.others++;
      pending.last = no;
    } else if (pending && EVENT_KEYS.has(kv.key)) {
      pending.others++;
      pending.last = no;
    }
  }
  flush();
  return out;
}

const XML_TAG = /<(Event|Provider|EventID)\b([^<>]{0,400})>(?:\s{0,40}(\d{1,5})\s{0,40}<)?/gi;
const XML_NAME = /\bName\s*=\s*(?:'([^']*)'|"([^"]*)")/i;

/** <Event><System><Provider Name='…'/><EventID …>N</EventID>…: wevtutil /f:xml, .ToXml(), Event Viewer's XML view. */
function xmlEvents(text: string, lines: LineIndex): EventRecord[] {
  if (!/<eventid\b/i.test(text)) return [];
  const out: EventRecord[] = [];
  let provider: { name: string; at: number } | undefined;
  for (const m of text.matchAll(XML_TAG)) {
    const tag = m[1]!.toLowerCase();
    if (tag === 'event') provider = undefined;
    else if (tag === 'provider') {
      const name = XML_NAME.exec(m[2]!);
      const value = name ? (name[1] ?? name[2] ?? '').trim() : '';
      if (value) provider = { name: value, at: m.index };
    } else if (m[3] !== undefined) {
      const id = asId(m[3]);
      if (id === undefined) continue;
      const rec: EventRecord = {
        id,
        from: lines.lineOf(provider?.at ?? m.index),
        to: lines.lineOf(m.index),
        focus: m.index,
      };
      if (provider) rec.provider = provider.name;
      out.push(rec);
    }
  }
  return out;
}

const SENTENCE = /\bevent\s?id\s{0,3}[:#=]?\s{0,3}(\d{1,5})\b/gi;

/** "Event ID 32054" in running text (notes, a ticket, a log line): the ID without its source. */
function sentenceEvents(text: string, lines: LineIndex, taken: Set<number>): EventRecord[] {
  const out: EventRecord[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const id = asId(m[1]!);
    if (id === undefined) continue;
    const line = lines.lineOf(m.index);
    if (taken.has(line)) continue;
    out.push({ id, from: line, to: line, focus: m.index });
  }
  return out;
}
