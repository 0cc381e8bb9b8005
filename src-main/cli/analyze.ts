// `lexo analyze <file|-> [more files] [--json]`: reads pasted cmdlet, DNS and AD output (files as Windows writes
// them, or standard input) into facts and findings.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { TOPOLOGIES, type EvidenceAnalysisView, type EvidenceContextInput } from '../core/contract';
import { LexoError } from '../core/errors';
import type { Lexo } from '../core/lexo';
import { decodeText } from '../core/text/decode';
import { parseCommandArgs, UsageError } from './args';

export interface AnalyzeIo {
  out(text: string): void;
  /** Standard input, for the file name "-". */
  stdin?: () => Promise<Uint8Array>;
}

const CLOUDS = ['worldwide', '21vianet', 'gcc-high'] as const;
const EXCHANGES = ['exchange-online', 'exchange-hybrid', 'exchange-onprem'] as const;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

function format(a: EvidenceAnalysisView): string {
  const lines: string[] = [];
  for (const item of a.items) {
    lines.push(`${item.name}:`);
    for (const p of item.parts) {
      const where = `lines ${p.lines.from}-${p.lines.to}`;
      if (p.kind === 'not-recognized') lines.push(`  ${where}: not recognized. ${p.message ?? ''}`.trimEnd());
      else lines.push(`  ${where}: ${p.command ?? p.kind}${p.incomplete ? ' (some values cut)' : ''}`);
    }
  }
  const facts = Object.entries(a.facts);
  lines.push('', facts.length ? 'Facts:' : 'Facts: none read.', ...facts.map(([k, v]) => `  ${k} = ${v}`));
  lines.push('', a.findings.length ? 'Findings:' : 'Findings: nothing wrong found.');
  for (const f of a.findings) {
    lines.push(`  [${f.severity}] ${f.message} (${f.conclusion}${f.kb.length ? `, KB ${f.kb.join(', ')}` : ''})`);
    for (const cmd of f.fix) lines.push(`      ${cmd}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function analyzeCommand(
  args: string[],
  io: AnalyzeIo,
  open: (dataDir: string | undefined) => Lexo,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      json: { type: 'boolean' },
      topology: { type: 'string' },
      cloud: { type: 'string' },
      exchange: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.out('Usage: lexo analyze <file|-> [more files] [--topology T] [--cloud C] [--exchange E] [--json]\n');
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError('analyze needs at least one file of pasted output, or - for standard input');
  const context: EvidenceContextInput = {};
  const topology = oneOf('topology', values.topology, TOPOLOGIES);
  const cloud = oneOf('cloud', values.cloud, CLOUDS);
  const exchange = oneOf('exchange', values.exchange, EXCHANGES);
  if (topology) context.topology = topology;
  if (cloud) context.cloud = cloud;
  if (exchange) context.exchange = exchange;
  const items: { name: string; text: string }[] = [];
  for (const path of positionals) {
    let bytes: Uint8Array;
    try {
      bytes = path === '-' ? await (io.stdin ?? (() => Promise.resolve(new Uint8Array())))() : readFileSync(path);
    } catch (err) {
      throw new LexoError(
        'invalid-input',
        `Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    items.push({ name: path === '-' ? 'standard input' : basename(path), text: decodeText(bytes).text });
  }
  const lexo = open(values['data-dir']);
  try {
    const analysis = await lexo.api.call('evidence.analyze', { items, context });
    io.out(values.json ? `${JSON.stringify(analysis)}\n` : format(analysis));
    return 0;
  } finally {
    lexo.close();
  }
}
