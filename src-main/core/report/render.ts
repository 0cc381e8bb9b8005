// A case's report in one of the text formats, with its file name and MIME type.
import type { Lang, ReportFormat, ReportText, TextReportFormat } from '../contract';
import type { ReadableDb } from '../db/sqlite';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { buildReport, type ReportCase, type ReportModel } from './model';
import { renderPs1 } from './ps1';

export interface RenderOptions {
  format: TextReportFormat;
  lang: Lang;
  redact?: boolean;
  now?: Date;
}

export const REPORT_MIME: Readonly<Record<ReportFormat, string>> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
  ps1: 'text/plain; charset=utf-8',
};

const RENDERERS: Readonly<Record<TextReportFormat, (model: ReportModel) => string>> = {
  md: renderMarkdown,
  html: renderHtml,
  json: renderJson,
  ps1: renderPs1,
};

/**
 * lexo-<ticket or title>-<yyyy-mm-dd>.<ext>: letters, digits, dot, dash and underscore only (safe on every file
 * system). Taken from the model, so a redacted report's name does not name the customer either.
 */
export function reportFileName(model: ReportModel, format: ReportFormat): string {
  const slug = (model.case.ticket || model.case.title)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `lexo-${slug || 'report'}-${model.generatedAt.slice(0, 10)}.${format}`;
}

export function renderModel(model: ReportModel, format: TextReportFormat): ReportText {
  return { fileName: reportFileName(model, format), mime: REPORT_MIME[format], text: RENDERERS[format](model) };
}

export function renderReport(db: ReadableDb, rc: ReportCase, options: RenderOptions): ReportText {
  const model = buildReport(db, rc, options.lang, options.now ?? new Date(), { redact: options.redact === true });
  return renderModel(model, options.format);
}
