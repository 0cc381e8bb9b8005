// report.render (the text of a report: the export preview, what the CLI writes) and report.export (any format, PDF
// included, saved through the host or handed back for a download). The host prints and saves; the core renders.
import type { ApiInput, ApiOutput, ReportInput } from '../contract';
import type { HostServices } from '../api';
import { getCase } from '../cases/store';
import type { ReadableDb } from '../db/sqlite';
import { LexoError } from '../errors';
import { renderHtml } from './html';
import { buildReport, reportCaseFromFile, reportCaseFromRecord, type ReportCase } from './model';
import { REPORT_MIME, renderModel, reportFileName } from './render';

export interface ReportHandlers {
  'report.render': (input: ApiInput<'report.render'>) => ApiOutput<'report.render'>;
  'report.export': (input: ApiInput<'report.export'>) => Promise<ApiOutput<'report.export'>>;
}

export interface ReportContext {
  db: ReadableDb;
  services?: HostServices;
  now?: () => Date;
}

export const PDF_UNAVAILABLE =
  'A PDF report needs Chromium, Google Chrome or Microsoft Edge, and none was found on this computer (set LEXO_CHROMIUM ' +
  'to the browser to use). The HTML report prints the same from any browser: export it as HTML and print it to PDF.';

/** The case to report on: a stored case or a case file, exactly one of them. */
function caseOf(db: ReadableDb, input: ReportInput): ReportCase {
  const given = (input.caseId !== undefined ? 1 : 0) + (input.case !== undefined ? 1 : 0);
  if (given !== 1) {
    const message =
      given === 0
        ? 'Give the case to report on: caseId (a stored case) or case (a case file).'
        : 'Give either caseId or case, not both.';
    throw new LexoError('invalid-input', message, [{ path: given === 0 ? 'caseId' : 'case', message }]);
  }
  return input.caseId !== undefined ? reportCaseFromRecord(getCase(db, input.caseId)) : reportCaseFromFile(input.case!);
}

export function reportHandlers(ctx: ReportContext): ReportHandlers {
  const now = () => ctx.now?.() ?? new Date();
  const modelFor = (input: ReportInput) => {
    const rc = caseOf(ctx.db, input);
    return buildReport(ctx.db, rc, input.lang ?? rc.lang, now(), { redact: input.redact === true });
  };
  return {
    'report.render': (input) => {
      if ((input.format as string) === 'pdf') {
        throw new LexoError(
          'invalid-input',
          'report.render gives text (md, html, json, ps1); a PDF comes from report.export.',
          [{ path: 'format', message: 'pdf is not a text format' }],
        );
      }
      return renderModel(modelFor(input), input.format);
    },
    'report.export': async (input) => {
      const model = modelFor(input);
      let bytes: Uint8Array;
      if (input.format === 'pdf') {
        if (!ctx.services?.printPdf) throw new LexoError('unavailable', PDF_UNAVAILABLE);
        bytes = await ctx.services.printPdf(renderHtml(model));
      } else {
        bytes = new TextEncoder().encode(renderModel(model, input.format).text);
      }
      const fileName = reportFileName(model, input.format);
      const mime = REPORT_MIME[input.format];
      if (ctx.services?.saveFile) {
        const path = await ctx.services.saveFile(fileName, bytes);
        return path === null ? { fileName, mime, cancelled: true } : { fileName, mime, path };
      }
      return { fileName, mime, base64: Buffer.from(bytes).toString('base64') };
    },
  };
}
