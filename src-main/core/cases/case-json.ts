// A case as a file: DESIGN.md's case file (what `lexo diagnose` and `lexo report` read) plus, under `lexo`, what
// only LEXO keeps (title, status, notes, history). Importing never replaces a case: it makes a new one.
import type { CaseExportMeta, CaseInput, CaseRecord } from '../contract';
import { caseFileSchema } from '../engine/case-file';
import { LexoError } from '../errors';
import type { NewCase } from './store';

export function caseToFile(record: CaseRecord): CaseInput & { lexo: CaseExportMeta } {
  return {
    ...record.file,
    ...(record.evidence.length ? { evidence: record.evidence.map((e) => ({ name: e.name, text: e.text })) } : {}),
    lexo: {
      format: 'lexo-case',
      version: 1,
      title: record.title,
      customer: record.customer,
      ticket: record.ticket,
      status: record.status,
      lang: record.lang,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      closedAt: record.closedAt,
      notes: record.notes.map((n) => ({ text: n.text, createdAt: n.createdAt, updatedAt: n.updatedAt })),
      evidenceAddedAt: record.evidence.map((e) => e.addedAt),
      history: record.history,
    },
  };
}

/** A file name from the ticket or the title: safe on Windows, never empty. */
export function caseFileName(record: Pick<CaseRecord, 'ticket' | 'title' | 'id'>, ext: string): string {
  const base = (record.ticket || record.title || record.id)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return `lexo-case-${base || record.id.slice(0, 8)}.${ext}`;
}

/** Reads an exported case (or a bare case file) into what the store creates; errors name the bad field. */
export function parseCaseFile(text: string, name = 'the case file'): NewCase {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new LexoError('invalid-input', `${name} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = caseFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(file)',
      message: i.message,
    }));
    throw new LexoError(
      'invalid-input',
      `${name} is not a LEXO case: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const { evidence, lexo, ...file } = parsed.data;
  const addedAt = lexo?.evidenceAddedAt ?? [];
  return {
    file,
    ...(lexo?.title !== undefined ? { title: lexo.title } : {}),
    ...(lexo?.customer !== undefined ? { customer: lexo.customer } : {}),
    ...(lexo?.ticket !== undefined ? { ticket: lexo.ticket } : {}),
    ...(lexo?.lang ? { lang: lexo.lang } : {}),
    ...(lexo?.status ? { status: lexo.status } : {}),
    ...(lexo?.createdAt ? { createdAt: lexo.createdAt } : {}),
    ...(lexo?.closedAt !== undefined ? { closedAt: lexo.closedAt } : {}),
    evidence: (evidence ?? []).map((e, i) => ({ ...e, ...(addedAt[i] ? { addedAt: addedAt[i] } : {}) })),
    notes: lexo?.notes ?? [],
    history: lexo?.history ?? [],
  };
}
