// Micro-benchmark of the evidence analyzers, for `npm run bench`: throughput on a 5 MB mixed paste and the time
// on 1 MB of pathological input (long lines, thousands of colons, nested braces, dash rules, prompt look-alikes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeEvidence, evidenceFromBytes } from '../../../src-main/core/evidence/analyze';
import { FIXTURES_DIR } from './helpers';

export interface EvidenceFigure {
  name: string;
  value: number;
  unit: string;
  /** Which input the figure comes from, when it is the worst of several. */
  note?: string;
}

const MB = 1024 * 1024;

/** The fixtures, decoded, one after the other until the paste weighs `bytes`. */
export function mixedPaste(bytes: number): string {
  const samples = readdirSync(FIXTURES_DIR)
    .sort()
    .map((f) => evidenceFromBytes(f, readFileSync(join(FIXTURES_DIR, f))).text);
  const chunks: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = samples[i % samples.length]!;
    // A bare prompt before a sample without one, so that each sample is read on its own.
    chunks.push(s.startsWith('PS ') ? s : `PS C:\\>\n${s}`);
    size += s.length + 30;
  }
  return chunks.join('\n');
}

/** Inputs that would make a backtracking parser crawl, each about `bytes` long. */
export function pathologicalInputs(bytes: number): Record<string, string> {
  const line = (unit: string, width: number) => unit.repeat(Math.ceil(width / unit.length)).slice(0, width);
  const fill = (text: string) => text.repeat(Math.ceil(bytes / text.length)).slice(0, bytes);
  return {
    'one long line': line('a', bytes),
    colons: fill(`${line('Name : ', 4000)}\n`),
    'colon runs': line(':', bytes),
    'nested braces': `Value : ${line('{', bytes / 2)}${line('}', bytes / 2)}`,
    'brace collections': fill(`EmailAddresses : {${line('smtp:a@b, {', 8000)}\n`),
    'dash rules': fill(`${line('Name ', 2000)}\n${line('---- ', 2000)}\n${line('x    ', 2000)}\n`),
    'prompt look-alikes': fill(`PS ${line('C:\\', 3000)}\n[${line('PS] ', 500)}\n`),
    'error look-alikes': fill(`Get-CsUser : x\nAt line:1 char:1\n${line('+ ', 200)}\n`),
    continuations: `Name : x\n${fill(`${line(' ', 60)}${line('y', 60)}\n`)}`,
    'blank lines': `Name : x\n${line('\n', bytes)}Name : y`,
    nslookup: fill(`Aliases:  a\n${line(' ', 40)}b\n`),
    'table cells': fill(`A B\n- -\n${line('x y ', 4000)}\n`),
  };
}

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Best of `runs` timings, after one warm-up run: the steady state, with the machine's noise taken out. */
function best(runs: number, fn: () => void): number {
  fn();
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, timed(fn));
  return min;
}

export function benchEvidence(): EvidenceFigure[] {
  const paste = mixedPaste(5 * MB);
  const size = Buffer.byteLength(paste, 'utf8') / MB;
  const ms = best(5, () => analyzeEvidence([{ name: 'mixed.txt', text: paste }]));
  let worst = 0;
  let worstName = '';
  for (const [name, text] of Object.entries(pathologicalInputs(MB))) {
    const t = best(3, () => analyzeEvidence([{ name, text }]));
    if (t > worst) {
      worst = t;
      worstName = name;
    }
  }
  return [
    { name: 'evidence.mixed-paste-throughput', value: size / (ms / 1000), unit: 'MB/s' },
    { name: 'evidence.mixed-paste-5mb', value: ms, unit: 'ms' },
    { name: 'evidence.pathological-1mb-worst', value: worst, unit: 'ms', note: worstName },
  ];
}
