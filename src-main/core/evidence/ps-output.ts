// Reads what PowerShell prints to the console, as engineers paste it: Format-List objects, Format-Table rows,
// free text (nslookup), error records, and several commands in one paste split on their prompt lines.
// Everything here is a single pass over the lines with string operations: no regex that can backtrack,
// because pastes can be megabytes of long lines, colons and braces.
import { lineBreaks, normalizeLine, oddities } from './ps-lines';
import { listSeparator, makeValue, type PsValue } from './ps-values';

export type { PsValue } from './ps-values';

export interface PsProperty {
  /** The name as printed ("Target Fqdn", "msRTCSIP-PrimaryUserAddress"). */
  name: string;
  /** Lower case without spaces: how properties are looked up ("targetfqdn"). */
  key: string;
  value: PsValue;
}

export interface PsObject {
  props: PsProperty[];
  /** First and last line (1-based, in the pasted text). */
  from: number;
  to: number;
  /** A value or a column header was cut, or the object was cut short by the end of the paste. */
  incomplete: boolean;
}

export interface PsLine {
  no: number;
  text: string;
}

export type PsBlock =
  | { format: 'list' | 'table'; objects: PsObject[]; from: number; to: number }
  | { format: 'text'; lines: PsLine[]; from: number; to: number };

export interface PsError {
  /** The cmdlet named at the start of the error record, when there is one. */
  command?: string;
  message: string;
  errorId?: string;
  category?: string;
  from: number;
  to: number;
}

export interface PsPart {
  /** The command typed after the prompt, when the paste kept the prompt line. */
  command?: string;
  from: number;
  to: number;
  blocks: PsBlock[];
  errors: PsError[];
  /** WARNING:, VERBOSE: and DEBUG: lines. */
  notes: PsLine[];
}

/** Finds a property in an object by name, ignoring case and spaces ("Target Fqdn" = "TargetFqdn"). */
export function prop(obj: PsObject, key: string): PsValue | undefined {
  for (const p of obj.props) if (p.key === key) return p.value;
  return undefined;
}

const keyCache = new Map<string, string>();

/** Lower case without spaces. Property names repeat in every object, so keys are cached (within a bound). */
export function normKey(name: string): string {
  const cached = keyCache.get(name);
  if (cached !== undefined) return cached;
  const key = name.toLowerCase().replaceAll(' ', '');
  if (keyCache.size < 5000 && name.length < 100) keyCache.set(name, key);
  return key;
}

const MAX_PROMPT_PATH = 300;

/** The command typed on a prompt line, or undefined when the line is not a prompt. */
export function promptCommand(line: string): string | undefined {
  // Fast exit for the many lines that cannot be prompts: a prompt starts with "PS", "[" or a drive letter.
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  const c0 = line.charCodeAt(i);
  if (c0 !== 80 && c0 !== 91 && !(isLetter(c0) && line.charCodeAt(i + 1) === 58)) return undefined;
  if (c0 === 80 && line.charCodeAt(i + 1) !== 83) return undefined;
  let s = i > 0 ? line.slice(i) : line;
  if (s.startsWith('[')) {
    // Exchange Management Shell "[PS] C:\>", remote sessions "[server01]: PS C:\>".
    const close = s.indexOf(']');
    if (close < 1 || close > 100) return undefined;
    const head = s.slice(1, close);
    s = s.slice(close + 1);
    if (s.startsWith(':')) s = s.slice(1);
    s = s.trimStart();
    if (head === 'PS') return afterPath(s);
  }
  if (s.startsWith('PS>')) return s.slice(3).trim();
  if (s.startsWith('PS ')) return afterPath(s.slice(3));
  // cmd.exe, where nslookup is often run: C:\Users\admin>nslookup ...
  if (s.length > 3 && s[1] === ':' && s[2] === '\\' && isLetter(s.charCodeAt(0))) return afterPath(s);
  return undefined;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function afterPath(s: string): string | undefined {
  const gt = s.indexOf('>');
  if (gt < 1 || gt > MAX_PROMPT_PATH) return undefined;
  const path = s.slice(0, gt);
  // A location: C:\…, AD:\, \\server\share, Microsoft.PowerShell.Core\FileSystem::…, ~.
  if (!path.includes(':') && !path.startsWith('\\\\') && !path.startsWith('~')) return undefined;
  return s.slice(gt + 1).trim();
}

/** The cmdlet (or program) that a command line runs, lower case: "get-cshostingprovider", "nslookup". */
export function cmdletOf(command: string | undefined): string | undefined {
  if (!command) return undefined;
  let i = 0;
  const n = command.length;
  while (i < n && (command[i] === '(' || command[i] === ' ' || command[i] === '&' || command[i] === '.')) i++;
  let j = i;
  while (j < n && command[j] !== ' ' && command[j] !== '|' && command[j] !== ')' && command[j] !== '(') j++;
  const word = command.slice(i, j).toLowerCase();
  const bare = word.endsWith('.exe') ? word.slice(0, -4) : word;
  return bare || undefined;
}

/** Splits a paste into parts, one per prompt line, and reads each. */
export function readPsOutput(text: string): PsPart[] {
  const raw = lineBreaks(text);
  const odd = oddities(text);
  const parts: PsPart[] = [];
  let start = 0;
  let command: string | undefined;
  let hasPrompt = false;
  const flush = (end: number) => {
    const texts: string[] = new Array<string>(end - start);
    let blank = true;
    for (let i = start; i < end; i++) {
      const t = normalizeLine(raw[i]!, odd);
      texts[i - start] = t;
      if (t !== '') blank = false;
    }
    if (blank && (!hasPrompt || command === '')) return; // nothing, or a bare trailing prompt
    const from = hasPrompt ? start : start + 1;
    parts.push(readPart({ texts, first: start + 1 }, hasPrompt ? command : undefined, from, Math.max(from, end)));
  };
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    const cmd = promptCommand(line.length > 2000 ? line.slice(0, 2000) : line);
    if (cmd === undefined) continue;
    flush(i);
    start = i + 1;
    command = cmd;
    hasPrompt = true;
  }
  flush(raw.length);
  return parts;
}

/** The lines of one part: their texts, and the line number of the first one. */
interface Lines {
  texts: string[];
  first: number;
}

function readPart(lines: Lines, command: string | undefined, from: number, to: number): PsPart {
  const { errors, notes } = takeErrorsAndNotes(lines);
  const blocks = readBlocks(lines);
  const part: PsPart = { from, to, blocks, errors, notes };
  if (command !== undefined) part.command = command;
  return part;
}

/**
 * Error records ("X : message / At line:1 char:1 / + …"), PowerShell 7's "X: message", and stream notes
 * (WARNING:, VERBOSE:, DEBUG:). Their lines are blanked out, so that what is left reads as output.
 */
function takeErrorsAndNotes(lines: Lines): { errors: PsError[]; notes: PsLine[] } {
  const t = lines.texts;
  const errors: PsError[] = [];
  const notes: PsLine[] = [];
  for (let i = 0; i < t.length; i++) {
    const line = t[i]!;
    const c0 = line.charCodeAt(0);
    if (!(c0 >= 65 && c0 <= 90)) continue; // every line handled here starts with a capital
    if (line.startsWith('WARNING:') || line.startsWith('VERBOSE:') || line.startsWith('DEBUG:')) {
      notes.push({ no: lines.first + i, text: line });
      t[i] = '';
      continue;
    }
    if (line.startsWith('At ') && line.includes(' char:')) {
      let first = i - 1;
      // The message is the closest "Cmdlet : text" line above (messages wrap onto a few lines).
      for (let k = i - 1; k >= 0 && k >= i - 10 && t[k] !== ''; k--) {
        if (errorHead(t[k]!)) {
          first = k;
          break;
        }
      }
      let last = i;
      for (let k = i + 1; k < t.length; k++) {
        const s = t[k]!;
        const c = s.charCodeAt(0);
        if (s === '' || !(c === 32 || c === 43 || c === 126)) break; // " ", "+", "~"
        last = k;
      }
      errors.push(errorRecord(lines, Math.max(0, first), i, last));
      i = last;
      continue;
    }
    const concise = conciseError(line);
    if (concise) {
      let last = i;
      while (last + 1 < t.length && t[last + 1]!.charCodeAt(0) === 32) last++;
      const message = [concise.message, ...t.slice(i + 1, last + 1).map((l) => l.trim())].join(' ').trim();
      errors.push({ command: concise.command, message, from: lines.first + i, to: lines.first + last });
      for (let k = i; k <= last; k++) t[k] = '';
      i = last;
    }
  }
  return { errors, notes };
}

/** "Get-CsUser : Management object not found…" → the cmdlet and the message. */
function errorHead(t: string): { command: string; message: string } | undefined {
  const sep = t.indexOf(' : ');
  if (sep < 3 || sep > 80 || !isVerbNoun(t, sep)) return undefined;
  return { command: t.slice(0, sep), message: t.slice(sep + 3).trim() };
}

/** PowerShell 7's concise view: "Resolve-DnsName: _sip._tls.contoso.com : DNS name does not exist". */
function conciseError(t: string): { command: string; message: string } | undefined {
  const sep = t.indexOf(': ');
  if (sep < 3 || sep > 80 || !isVerbNoun(t, sep)) return undefined;
  return { command: t.slice(0, sep), message: t.slice(sep + 2).trim() };
}

/** Is s[0, end) a cmdlet name: an upper-case letter, letters or digits, one dash, letters or digits. */
function isVerbNoun(s: string, end: number = s.length): boolean {
  const c0 = s.charCodeAt(0);
  if (!(c0 >= 65 && c0 <= 90)) return false;
  let dash = -1;
  for (let i = 1; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 45 && dash < 0) dash = i;
    else if (!isLetter(c) && !(c >= 48 && c <= 57)) return false;
  }
  return dash >= 2 && dash < end - 1;
}

function errorRecord(lines: Lines, first: number, at: number, last: number): PsError {
  const t = lines.texts;
  const headLines: string[] = [];
  for (let k = first; k < at; k++) headLines.push(t[k]!.trim());
  const head = errorHead(headLines[0] ?? '');
  const err: PsError = { message: headLines.join(' '), from: lines.first + first, to: lines.first + last };
  if (head) {
    err.command = head.command;
    err.message = [head.message, ...headLines.slice(1)].join(' ').trim();
  }
  for (let k = at + 1; k <= last; k++) {
    const s = t[k]!.trim();
    const body = s.startsWith('+') ? s.slice(1).trim() : s;
    const colon = body.indexOf(':');
    if (colon < 0) continue;
    const name = body.slice(0, colon).trim();
    if (name === 'CategoryInfo') err.category = body.slice(colon + 1).trim();
    if (name === 'FullyQualifiedErrorId') err.errorId = body.slice(colon + 1).trim();
  }
  for (let k = first; k <= last; k++) t[k] = '';
  return err;
}

function indentOf(t: string): number {
  let i = 0;
  while (i < t.length && t.charCodeAt(i) === 32) i++;
  return i;
}

/** A line of dashes and spaces: the rule under a Format-Table header. */
function isDashLine(t: string | undefined): boolean {
  if (!t) return false;
  let dashes = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 45) dashes++;
    else if (c !== 32) return false;
  }
  return dashes > 0;
}

function startsTable(t: string[], i: number): boolean {
  const line = t[i];
  return line !== undefined && line !== '' && isDashLine(t[i + 1]) && !isDashLine(line);
}

function readBlocks(lines: Lines): PsBlock[] {
  const t = lines.texts;
  const blocks: PsBlock[] = [];
  let i = 0;
  while (i < t.length) {
    const line = t[i]!;
    if (line === '') i++;
    else if (startsTable(t, i)) i = readTable(lines, i, blocks);
    else if (listSeparator(line, indentOf(line)) >= 0) i = readList(lines, i, blocks);
    else i = readText(lines, i, blocks);
  }
  return blocks;
}

function readText(lines: Lines, i: number, blocks: PsBlock[]): number {
  const t = lines.texts;
  const out: PsLine[] = [];
  let j = i;
  for (; j < t.length; j++) {
    const line = t[j]!;
    if (j > i && line !== '' && (startsTable(t, j) || listSeparator(line, indentOf(line)) >= 0)) break;
    out.push({ no: lines.first + j, text: line });
  }
  while (out.length && out[out.length - 1]!.text === '') out.pop();
  blocks.push({ format: 'text', lines: out, from: out[0]!.no, to: out[out.length - 1]!.no });
  return j;
}

interface Segment {
  text: string;
  /** Length of the whole printed line, to tell a line wrapped at the console width from a short one. */
  lineLength: number;
}

/** A property being read (its first line is its own segment): continuation segments are allocated only if any. */
interface OpenProp extends Segment {
  name: string;
  key: string;
  more?: Segment[];
}

interface OpenObject {
  props: OpenProp[];
  from: number;
  to: number;
  keys?: Set<string>;
}

/** Has the object a property of that key? Objects are small: a scan, and a set only for unusually wide ones. */
function hasKey(o: OpenObject, key: string): boolean {
  if (o.keys) return o.keys.has(key);
  if (o.props.length < 32) return o.props.some((p) => p.key === key);
  o.keys = new Set(o.props.map((p) => p.key));
  return o.keys.has(key);
}

function readList(lines: Lines, i: number, blocks: PsBlock[]): number {
  const t = lines.texts;
  const base = indentOf(t[i]!);
  const objects: OpenObject[] = [];
  let cur: OpenObject | undefined;
  let last: OpenProp | undefined;
  let width = 0;
  const close = () => {
    if (cur) objects.push(cur);
    cur = undefined;
    last = undefined;
  };
  const more = (p: OpenProp, seg: Segment) => (p.more ??= []).push(seg);
  let j = i;
  while (j < t.length) {
    const line = t[j]!;
    if (line === '') {
      let k = j + 1;
      while (k < t.length && t[k] === '') k++;
      if (k >= t.length) break;
      const next = t[k]!;
      const ind = indentOf(next);
      if (ind === base && !startsTable(t, k) && listSeparator(next, ind) >= 0) {
        close(); // a blank line between two objects
        j = k;
        continue;
      }
      if (last && ind > base && !startsTable(t, k)) {
        more(last, { text: '', lineLength: 0 }); // a multi-line value with an empty line in it
        j = k;
        continue;
      }
      break;
    }
    const ind = indentOf(line);
    const sep = ind === base ? listSeparator(line, ind) : -1;
    const no = lines.first + j;
    if (sep >= 0) {
      let nameEnd = sep;
      while (nameEnd > ind && line.charCodeAt(nameEnd - 1) === 32) nameEnd--;
      let valueStart = sep + 1;
      while (valueStart < line.length && line.charCodeAt(valueStart) === 32) valueStart++;
      const name = line.slice(ind, nameEnd);
      const key = normKey(name);
      // Pastes that lost their blank lines: a property seen twice starts the next object.
      if (cur && hasKey(cur, key)) close();
      if (!cur) cur = { props: [], from: no, to: no };
      last = { name, key, text: line.slice(valueStart), lineLength: line.length };
      cur.props.push(last);
      cur.keys?.add(key);
      cur.to = no;
    } else if (ind > base && last && cur) {
      more(last, { text: line.slice(ind), lineLength: line.length });
      cur.to = no;
    } else break;
    if (line.length > width) width = line.length;
    j++;
  }
  close();
  const finished = objects.map((o) => finishObject(o, width));
  // The last object of a paste that ends mid-object has fewer properties than the one before it.
  if (finished.length > 1 && j >= t.length) {
    const prev = finished[finished.length - 2]!;
    const tail = finished[finished.length - 1]!;
    if (tail.props.length < prev.props.length && tail.props.every((p, k) => prev.props[k]?.key === p.key)) {
      tail.incomplete = true;
    }
  }
  blocks.push({ format: 'list', objects: finished, from: finished[0]!.from, to: finished[finished.length - 1]!.to });
  return j;
}

function joinSegments(p: OpenProp, width: number): string {
  let text = p.text;
  if (!p.more) return text;
  let prev: Segment = p;
  for (const seg of p.more) {
    // Windows PowerShell chops a Format-List value at the console width, mid-word: a line that filled the
    // width continues without a space. A shorter line ended at a space (trimmed away) or at a line break.
    const full = prev.lineLength >= width && width > 40 && !prev.text.endsWith(',');
    if (seg.text !== '') text = text === '' ? seg.text : text + (full ? '' : ' ') + seg.text;
    prev = seg;
  }
  return text;
}

function finishObject(o: OpenObject, width: number): PsObject {
  let incomplete = false;
  const props = o.props.map((p) => {
    const value = makeValue(joinSegments(p, width));
    if (value.incomplete) incomplete = true;
    return { name: p.name, key: p.key, value };
  });
  return { props, from: o.from, to: o.to, incomplete };
}

interface Column {
  start: number;
  end: number;
  name: string;
  key: string;
  cut: boolean;
}

function readTable(lines: Lines, i: number, blocks: PsBlock[]): number {
  const t = lines.texts;
  const header = t[i]!;
  const rule = t[i + 1]!;
  const columns: Column[] = [];
  for (let k = 0; k < rule.length;) {
    if (rule.charCodeAt(k) !== 45) {
      k++;
      continue;
    }
    let e = k;
    while (e < rule.length && rule.charCodeAt(e) === 45) e++;
    const raw = header.slice(k, e).trim() || `Column${columns.length + 1}`;
    const cut = raw.endsWith('...') || raw.endsWith('…');
    const name = cut ? raw.slice(0, raw.endsWith('…') ? -1 : -3) : raw;
    columns.push({ start: k, end: e, name, key: normKey(name), cut });
    k = e;
  }
  const rows: { cells: string[]; from: number; to: number }[] = [];
  let j = i + 2;
  for (; j < t.length; j++) {
    const line = t[j]!;
    if (line === '' || startsTable(t, j)) break;
    const cells = splitRow(line, columns);
    const prev = rows[rows.length - 1];
    const no = lines.first + j;
    // Format-Table -Wrap continues a row on the next line, the first column left empty.
    if (prev && columns.length > 1 && cells[0] === '' && cells.some((c) => c !== '')) {
      cells.forEach((c, k) => {
        if (c !== '') prev.cells[k] = prev.cells[k] ? `${prev.cells[k]} ${c}` : c;
      });
      prev.to = no;
      continue;
    }
    rows.push({ cells, from: no, to: no });
  }
  const headerCut = columns.some((c) => c.cut);
  const objects: PsObject[] = rows.map((r) => {
    const props = columns.map((c, k) => ({ name: c.name, key: c.key, value: makeValue(r.cells[k] ?? '') }));
    return { props, from: r.from, to: r.to, incomplete: headerCut || props.some((p) => p.value.incomplete) };
  });
  blocks.push({ format: 'table', objects, from: lines.first + i, to: lines.first + j - 1 });
  return j;
}

/** Cells of a Format-Table row: column k runs from its rule's start to the next rule's start. */
function splitRow(t: string, columns: Column[]): string[] {
  const cuts: number[] = [0];
  for (let k = 1; k < columns.length; k++) {
    let b = Math.min(columns[k]!.start, t.length);
    // A right-aligned value wider than its header starts left of the rule: move back to the space before it.
    if (b > 0 && b < t.length && t.charCodeAt(b - 1) !== 32 && t.charCodeAt(b) !== 32) {
      const floor = Math.max(cuts[k - 1]!, columns[k - 1]!.end);
      let s = b - 1;
      while (s > floor && t.charCodeAt(s) !== 32) s--;
      if (t.charCodeAt(s) === 32) b = s + 1;
    }
    cuts.push(Math.max(b, cuts[k - 1]!));
  }
  cuts.push(t.length);
  const cells: string[] = [];
  for (let k = 0; k < columns.length; k++) cells.push(t.slice(cuts[k], cuts[k + 1]).trim());
  return cells;
}
