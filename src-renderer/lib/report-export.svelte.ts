// The export dialog's state: format, report language and redaction, the preview (`report.render`) and Save
// (`report.export`). PDF previews as the HTML it prints. The latest preview request wins.
import {
  REPORT_FORMATS,
  type ApiError,
  type Lang,
  type ReportExportResult,
  type ReportFormat,
  type ReportText,
  type TextReportFormat,
} from '../../src-main/core/contract';
import type { LexoClient } from './client';
import { Resource } from './resource.svelte';

/** The formats in the order the dialog offers them. */
export const EXPORT_FORMATS: readonly ReportFormat[] = REPORT_FORMATS;

/** What the preview shows for a format: PDF is the HTML printed. */
export function previewFormat(format: ReportFormat): TextReportFormat {
  return format === 'pdf' ? 'html' : format;
}

/** Saves bytes as a file the browser downloads (browser mode: the host returned them as base64). */
export type SaveBytes = (fileName: string, bytes: Uint8Array, mime: string) => void;

export function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The browser download of `bytes`: a Blob behind a link clicked once. Nothing is fetched. */
export function downloadBytes(fileName: string, bytes: Uint8Array, mime: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once this task ends.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The outcome of Save, for the message in the dialog. */
export type SaveOutcome =
  | { kind: 'saved'; path: string; fileName: string }
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'failed'; error: ApiError };

export interface ReportExportDeps {
  client: LexoClient;
  caseId: string;
  /** The case's language: the report's by default. */
  lang: Lang;
  /** Browser download of the bytes the host returned; `downloadBytes` by default. */
  save?: SaveBytes | undefined;
}

export class ReportExport {
  readonly preview = new Resource<ReportText>();
  readonly caseId: string;

  #format = $state<ReportFormat>('html');
  #lang = $state<Lang>('en');
  #redact = $state(false);
  #saving = $state(false);
  #outcome = $state.raw<SaveOutcome | null>(null);

  readonly #client: LexoClient;
  readonly #save: SaveBytes;

  constructor(deps: ReportExportDeps) {
    this.#client = deps.client;
    this.caseId = deps.caseId;
    this.#lang = deps.lang;
    this.#save = deps.save ?? ((fileName, bytes, mime) => downloadBytes(fileName, bytes, mime));
  }

  get format(): ReportFormat {
    return this.#format;
  }

  get lang(): Lang {
    return this.#lang;
  }

  get redact(): boolean {
    return this.#redact;
  }

  get saving(): boolean {
    return this.#saving;
  }

  get outcome(): SaveOutcome | null {
    return this.#outcome;
  }

  /** The format shown in the preview (PDF: its HTML). */
  get previewFormat(): TextReportFormat {
    return previewFormat(this.#format);
  }

  setFormat(format: ReportFormat): Promise<void> {
    if (!EXPORT_FORMATS.includes(format) || format === this.#format) return Promise.resolve();
    this.#format = format;
    this.#outcome = null;
    return this.loadPreview();
  }

  setLang(lang: Lang): Promise<void> {
    if (lang === this.#lang) return Promise.resolve();
    this.#lang = lang;
    this.#outcome = null;
    return this.loadPreview();
  }

  setRedact(redact: boolean): Promise<void> {
    if (redact === this.#redact) return Promise.resolve();
    this.#redact = redact;
    this.#outcome = null;
    return this.loadPreview();
  }

  /** Renders the preview for the current choices (a format, language and redaction already shown is kept). */
  loadPreview(): Promise<void> {
    const format = this.previewFormat;
    const lang = this.#lang;
    const redact = this.#redact;
    return this.preview.load(`${format}/${lang}/${redact}`, () =>
      this.#client.callCatch('report.render', { caseId: this.caseId, format, lang, redact }),
    );
  }

  /**
   * Exports the report in the chosen format. The desktop app saves it through its save dialog (the path comes
   * back, or nothing when the user cancelled); in browser mode the bytes come back and are downloaded.
   */
  async save(): Promise<SaveOutcome | null> {
    if (this.#saving) return null;
    this.#saving = true;
    this.#outcome = null;
    try {
      const result = await this.#client.callCatch('report.export', {
        caseId: this.caseId,
        format: this.#format,
        lang: this.#lang,
        redact: this.#redact,
      });
      this.#outcome = result.ok ? this.#delivered(result.value) : { kind: 'failed', error: result.error };
      return this.#outcome;
    } finally {
      this.#saving = false;
    }
  }

  #delivered(result: ReportExportResult): SaveOutcome | null {
    if (result.path) return { kind: 'saved', path: result.path, fileName: result.fileName };
    if (result.cancelled) return null;
    if (result.base64 !== undefined) {
      try {
        this.#save(result.fileName, base64Bytes(result.base64), result.mime);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return { kind: 'failed', error: { code: 'internal', message } };
      }
      return { kind: 'downloaded', fileName: result.fileName };
    }
    return {
      kind: 'failed',
      error: { code: 'internal', message: 'report.export answered without a path, a cancel or the file.' },
    };
  }
}
