// `lexo report --case case.json --format md|html|pdf|json|ps1 --out FILE`: the same export as the app's, written
// atomically (a half-written report never replaces a good one). PDF is the HTML report printed by the installed
// Chrome, Edge or Chromium.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPORT_FORMATS, type ReportFormat, type ReportInput } from '../core/contract';
import type { HostServices } from '../core/api';
import { LexoError } from '../core/errors';
import { writeFileAtomic } from '../core/fs/atomic-write';
import type { Lexo } from '../core/lexo';
import { printPdfWithChromium } from '../node-host/pdf';
import { langOption, parseCommandArgs, UsageError } from './args';
import { readCaseFile } from './diagnose';

export const REPORT_USAGE =
  'Usage: lexo report --case case.json --format md|html|pdf|json|ps1 --out FILE|- [--lang en|fr|zh-TW] [--redact] [--json] [--data-dir DIR]';

export interface ReportIo {
  out(text: string): void;
  env: NodeJS.ProcessEnv;
}

function formatOption(value: string | undefined): ReportFormat {
  if (value === undefined)
    throw new UsageError(`report needs --format, one of ${REPORT_FORMATS.join(', ')} (e.g. --format pdf)`);
  if (!(REPORT_FORMATS as readonly string[]).includes(value))
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, got "${value}"`);
  return value as ReportFormat;
}

/** An existing folder as --out receives the report under the name LEXO proposes. */
function outputPath(out: string, fileName: string): string {
  const path = resolve(out);
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    // Not there yet: the file to create.
  }
  return isFolder ? join(path, fileName) : path;
}

export async function reportCommand(
  args: string[],
  io: ReportIo,
  open: (dataDir: string | undefined, services: HostServices) => Lexo,
): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      case: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      redact: { type: 'boolean' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.out(`${REPORT_USAGE}\n`);
    return 0;
  }
  if (!values.case)
    throw new UsageError('report needs --case FILE (the case file of DESIGN.md, or a case exported from LEXO)');
  const format = formatOption(values.format);
  if (!values.out)
    throw new UsageError('report needs --out FILE (or --out - to print a text format on standard output)');
  if (values.out === '-' && format === 'pdf')
    throw new UsageError('a PDF cannot go to standard output: give --out FILE');
  // Without --lang the report is in the case's own language.
  const lang = values.lang === undefined ? undefined : langOption(values.lang);
  const input: ReportInput = {
    case: readCaseFile(values.case),
    format,
    ...(lang ? { lang } : {}),
    ...(values.redact ? { redact: true } : {}),
  };

  const lexo = open(values['data-dir'], { printPdf: (html) => printPdfWithChromium(html, { env: io.env }) });
  let result;
  try {
    result = await lexo.api.call('report.export', input);
  } finally {
    lexo.close();
  }
  if (result.base64 === undefined) throw new LexoError('internal', 'The report came back without its content.');
  const bytes = Buffer.from(result.base64, 'base64');
  if (values.out === '-') {
    io.out(bytes.toString('utf8'));
    return 0;
  }
  const path = outputPath(values.out, result.fileName);
  await writeFileAtomic(path, bytes);
  io.out(
    values.json
      ? `${JSON.stringify({ path, format, bytes: bytes.length })}\n`
      : `Wrote ${path} (${format}, ${bytes.length} bytes)\n`,
  );
  return 0;
}
