// `lexo diagnose --case case.json [--evidence FILE]… [--json]`: one answer per run with --json (scripts add
// answers to the case file and run again), a question-and-answer session on a terminal without it.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CaseInput, DiagnoseResult } from '../core/contract';
import { LexoError } from '../core/errors';
import type { Lexo } from '../core/lexo';
import { decodeText } from '../core/text/decode';
import { langOption, parseCommandArgs, UsageError } from './args';

export interface DiagnoseIo {
  out(text: string): void;
  /** Asks the engineer on the terminal; absent when stdin is not a terminal. */
  prompt?: (question: string) => Promise<string>;
}

function readTextFile(path: string, what: string): string {
  try {
    return decodeText(readFileSync(path)).text;
  } catch (err) {
    throw new LexoError(
      'invalid-input',
      `Cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

export function readCaseFile(path: string): CaseInput {
  const text = readTextFile(path, 'the case file');
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
    return value as CaseInput;
  } catch (err) {
    throw new LexoError('invalid-input', `The case file ${path} is not valid JSON: ${(err as Error).message}`);
  }
}

function formatResult(r: DiagnoseResult): string {
  const trail = r.trail.map((e) => `  - ${e.question}: ${e.answer} (${e.source})`).join('\n');
  if (r.status === 'needs-answer')
    return `Next question: ${r.question.text}\n${trail ? `Answers so far:\n${trail}\n` : ''}`;
  const lines = [
    `Conclusion: ${r.conclusion.title} [${r.conclusion.id}]${r.conclusion.kb.length ? ` (KB ${r.conclusion.kb.join(', ')})` : ''}`,
    '',
    r.conclusion.explanation,
    '',
    'Fix:',
    ...r.fixCommands.map((c) => `  ${c}`),
    '',
    'Verify:',
    ...r.verifyCommands.map((c) => `  ${c}`),
    '',
    `How to confirm: ${r.conclusion.confirm}`,
  ];
  if (r.unfilled.length) lines.push('', `Fill in before running: ${r.unfilled.map((n) => `<${n}>`).join(', ')}`);
  lines.push('', `Questions asked: ${r.questionsAsked}`);
  if (trail) lines.push('Answers:', trail);
  return `${lines.join('\n')}\n`;
}

/** Reads the engineer's answer to a question: its number or its id. */
async function ask(r: Extract<DiagnoseResult, { status: 'needs-answer' }>, io: DiagnoseIo): Promise<string> {
  const { question } = r;
  const menu = question.choices.map((c, i) => `  ${i + 1}. ${c.label}`).join('\n');
  for (;;) {
    const reply = (
      await io.prompt!(`\n${question.text}\n${question.help ? `${question.help}\n` : ''}${menu}\n> `)
    ).trim();
    const byNumber = /^\d+$/.test(reply) ? question.choices[Number(reply) - 1] : undefined;
    const choice = byNumber ?? question.choices.find((c) => c.id === reply);
    if (choice) return choice.id;
    if (reply === '?') io.out(`${question.why}\n`);
    else io.out(`Answer with a number from 1 to ${question.choices.length} (or ? for why this question).\n`);
  }
}

export async function diagnoseCommand(
  args: string[],
  io: DiagnoseIo,
  open: (dataDir: string | undefined) => Lexo,
): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      case: { type: 'string' },
      evidence: { type: 'string', multiple: true },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.out(
      'Usage: lexo diagnose --case case.json [--evidence FILE]... [--lang en|fr|zh-TW] [--json] [--data-dir DIR]\n',
    );
    return 0;
  }
  if (!values.case)
    throw new UsageError('diagnose needs --case FILE (the case file of DESIGN.md; {} is a valid empty case)');
  const lang = langOption(values.lang);
  const c = readCaseFile(values.case);
  const evidence = (values.evidence ?? []).map((path) => ({
    name: basename(path),
    text: readTextFile(path, 'the evidence file'),
  }));
  if (evidence.length) c.evidence = [...(c.evidence ?? []), ...evidence];
  const lexo = open(values['data-dir']);
  try {
    const run = () => lexo.api.call('engine.diagnose', { case: c, lang });
    let result = await run();
    if (!values.json && io.prompt) {
      c.answers = { ...(c.answers ?? {}) };
      while (result.status === 'needs-answer') {
        c.answers[result.question.id] = await ask(result, io);
        result = await run();
      }
    }
    io.out(values.json ? `${JSON.stringify(result)}\n` : formatResult(result));
    return 0;
  } finally {
    lexo.close();
  }
}
