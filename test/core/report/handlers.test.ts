// report.render and report.export: a stored case or a case file, and the host's print and save services.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { HostServices } from '../../../src-main/core/api';
import { createCase, type StoreContext } from '../../../src-main/core/cases/store';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { LexoError } from '../../../src-main/core/errors';
import { reportHandlers } from '../../../src-main/core/report/handlers';
import type { ReportModel } from '../../../src-main/core/report/model';
import { NOW, shippedDb, wrongProxyCase } from './helpers';

let db: WritableDb;
let caseId: string;
beforeAll(() => {
  db = shippedDb();
  const store: StoreContext = { db, now: () => new Date('2026-03-01T09:00:00Z'), conclude: () => null };
  const { lexo, evidence, ...file } = wrongProxyCase();
  const record = createCase(store, {
    title: lexo!.title!,
    customer: lexo!.customer!,
    ticket: 'INC-9000',
    lang: 'fr',
    file,
    evidence: evidence!,
    notes: [{ text: 'Note enregistrée dans le dossier.' }],
  });
  caseId = record.id;
});

const handlers = (services?: HostServices) => reportHandlers({ db, services, now: () => NOW });

async function rejects(promise: Promise<unknown> | (() => unknown), code: string): Promise<LexoError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (err) {
    expect(err).toBeInstanceOf(LexoError);
    expect((err as LexoError).code).toBe(code);
    return err as LexoError;
  }
  throw new Error(`expected a LexoError ${code}`);
}

describe('report.render', () => {
  it('renders a stored case in its own language by default, or in the one asked for', () => {
    const fr = handlers()['report.render']({ caseId, format: 'md' });
    expect(fr.fileName).toBe('lexo-INC-9000-2026-03-04.md');
    expect(fr.text).toContain('## Résumé');
    expect(fr.text).toContain('Note enregistrée dans le dossier.');
    const en = handlers()['report.render']({ caseId, format: 'md', lang: 'en' });
    expect(en.text).toContain('## Summary');
  });

  it('renders a case file given inline, with what an exported case carries', () => {
    const out = handlers()['report.render']({ case: wrongProxyCase(), format: 'json', redact: true });
    const model = JSON.parse(out.text) as ReportModel;
    expect(model.case.ticket).toBe('INC-4711');
    expect(model.redacted).toBe(true);
    expect(model.notes).toHaveLength(2);
  });

  it('needs exactly one of caseId and case', async () => {
    const none = await rejects(() => handlers()['report.render']({ format: 'md' }), 'invalid-input');
    expect(none.message).toMatch(/caseId .*or case/);
    const both = await rejects(
      () => handlers()['report.render']({ caseId, case: wrongProxyCase(), format: 'md' }),
      'invalid-input',
    );
    expect(both.message).toMatch(/either caseId or case, not both/);
  });

  it('says which case does not exist, and what is wrong in a case file', async () => {
    await rejects(() => handlers()['report.render']({ caseId: 'no-such-case', format: 'md' }), 'not-found');
    const bad = await rejects(
      () => handlers()['report.render']({ case: { topology: 'lync2099' } as never, format: 'md' }),
      'invalid-input',
    );
    expect(bad.message).toContain('case.topology');
  });
});

describe('report.export', () => {
  it('prints the HTML report to PDF with the host, then saves it through the host', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const printPdf = vi.fn(async (_html: string) => pdf);
    const saveFile = vi.fn(async (_name: string, _data: Uint8Array) => 'C:\\Users\\me\\lexo-INC-9000-2026-03-04.pdf');
    const out = await handlers({ printPdf, saveFile })['report.export']({ caseId, format: 'pdf' });
    expect(out).toEqual({
      fileName: 'lexo-INC-9000-2026-03-04.pdf',
      mime: 'application/pdf',
      path: 'C:\\Users\\me\\lexo-INC-9000-2026-03-04.pdf',
    });
    expect(printPdf).toHaveBeenCalledTimes(1);
    const html = printPdf.mock.calls[0]![0];
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(saveFile).toHaveBeenCalledWith('lexo-INC-9000-2026-03-04.pdf', pdf);
  });

  it('saves a text format as UTF-8 bytes (the script with its BOM)', async () => {
    const saveFile = vi.fn(async (_name: string, _data: Uint8Array) => '/tmp/report.ps1');
    await handlers({ saveFile })['report.export']({ caseId, format: 'ps1', lang: 'zh-TW' });
    const [name, bytes] = saveFile.mock.calls[0]!;
    expect(name).toBe('lexo-INC-9000-2026-03-04.ps1');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('# LEXO 修正指令碼');
  });

  it('reports a cancelled save dialog', async () => {
    const out = await handlers({ saveFile: async () => null })['report.export']({ caseId, format: 'html' });
    expect(out).toEqual({
      fileName: 'lexo-INC-9000-2026-03-04.html',
      mime: 'text/html; charset=utf-8',
      cancelled: true,
    });
  });

  it('hands the bytes back for a download when the host cannot save (browser mode)', async () => {
    const out = await handlers()['report.export']({ caseId, format: 'md' });
    expect(out.path).toBeUndefined();
    const text = Buffer.from(out.base64!, 'base64').toString('utf8');
    expect(text).toBe(handlers()['report.render']({ caseId, format: 'md' }).text);
    const pdf = await handlers({ printPdf: async () => new Uint8Array([1, 2, 3]) })['report.export']({
      caseId,
      format: 'pdf',
    });
    expect(pdf).toEqual({ fileName: 'lexo-INC-9000-2026-03-04.pdf', mime: 'application/pdf', base64: 'AQID' });
  });

  it('says what a PDF needs when the host cannot print, and that HTML prints from a browser', async () => {
    const saveFile = vi.fn(async () => '/never');
    const err = await rejects(handlers({ saveFile })['report.export']({ caseId, format: 'pdf' }), 'unavailable');
    expect(err.message).toMatch(/Chromium, Google Chrome or Microsoft Edge/);
    expect(err.message).toContain('LEXO_CHROMIUM');
    expect(err.message).toMatch(/HTML/);
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('passes on what the host says when saving fails', async () => {
    const saveFile = async () => {
      throw new LexoError('write-error', 'Cannot write D:\\report.md: the disk is full');
    };
    const err = await rejects(handlers({ saveFile })['report.export']({ caseId, format: 'md' }), 'write-error');
    expect(err.message).toContain('disk is full');
  });
});
