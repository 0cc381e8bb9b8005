import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { LexoError } from '../errors';
import { get, run, transaction, type WritableDb } from '../db/sqlite';
import { manifestSchema, packFileSchema, type PackFile, type PackManifest } from './pack-schema';

export interface PackProblem {
  file: string;
  path: string;
  reason: string;
}

/** A pack that cannot be loaded. `problems` lists every one found, not just the first. */
export class PackError extends LexoError {
  constructor(readonly problems: PackProblem[]) {
    super(
      'pack-error',
      `The content pack is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.reason}`).join('\n'),
      problems.map((p) => ({ path: `${p.file}${p.path ? `:${p.path}` : ''}`, message: p.reason })),
    );
    this.name = 'PackError';
  }
}

export interface Pack {
  manifest: PackManifest;
  files: PackFile[];
  /** sha256 over the manifest and every file, so an edited file reloads even without a version bump. */
  hash: string;
}

function issuesToProblems(file: string, error: z.ZodError): PackProblem[] {
  return error.issues.map((i) => ({ file, path: i.path.map(String).join('.'), reason: i.message }));
}

function readJson(dir: string, file: string, problems: PackProblem[], hash: ReturnType<typeof createHash>): unknown {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch (err) {
    problems.push({
      file,
      path: '',
      reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    });
    return undefined;
  }
  hash.update(file).update('\0').update(text).update('\0');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    problems.push({ file, path: '', reason: `not valid JSON: ${(err as Error).message}` });
    return undefined;
  }
}

function checkEntries(
  file: string,
  raw: unknown,
  languages: readonly string[],
  seen: Map<string, string>,
  problems: PackProblem[],
): void {
  const kind = (raw as { kind?: unknown } | null)?.kind;
  const entries = (raw as { entries?: unknown } | null)?.entries;
  if (typeof kind !== 'string' || !Array.isArray(entries)) return;
  entries.forEach((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null) return;
    const { id } = entry as { id?: unknown };
    if (typeof id === 'string') {
      const key = `${kind}:${id}`;
      const first = seen.get(key);
      if (first)
        problems.push({ file, path: `entries.${i}.id`, reason: `duplicate ${kind} id "${id}" (first in ${first})` });
      else seen.set(key, file);
    }
    for (const field of ['title', 'summary'] as const) {
      const text = (entry as Record<string, unknown>)[field];
      if (typeof text !== 'object' || text === null) continue;
      for (const lang of languages) {
        if (!(lang in text))
          problems.push({ file, path: `entries.${i}.${field}.${lang}`, reason: `missing ${lang} text` });
      }
    }
  });
}

/** Reads and validates a pack folder. Throws PackError listing every problem. */
export function readPack(dir: string): Pack {
  const problems: PackProblem[] = [];
  const hash = createHash('sha256');
  const rawManifest = readJson(dir, 'pack.json', problems, hash);
  if (rawManifest === undefined) throw new PackError(problems);
  const manifest = manifestSchema.safeParse(rawManifest);
  if (!manifest.success) throw new PackError(issuesToProblems('pack.json', manifest.error));

  const files: PackFile[] = [];
  const seen = new Map<string, string>();
  for (const file of manifest.data.files) {
    const raw = readJson(dir, file, problems, hash);
    if (raw === undefined) continue;
    const parsed = packFileSchema.safeParse(raw);
    if (!parsed.success) problems.push(...issuesToProblems(file, parsed.error));
    else files.push(parsed.data);
    // Cross-entry checks run on the raw entries too, so one bad field does not hide the others.
    checkEntries(file, raw, manifest.data.languages, seen, problems);
  }
  if (problems.length > 0) throw new PackError(problems);
  return { manifest: manifest.data, files, hash: hash.digest('hex') };
}

export interface LoadResult {
  loaded: boolean;
  packId: string;
  version: string;
}

/**
 * Writes the pack into the KB tables in one transaction, unless the same content is already there.
 * Only KB tables are touched: cases live in their own tables.
 */
export function loadPack(db: WritableDb, pack: Pack, now: () => Date = () => new Date()): LoadResult {
  const { manifest } = pack;
  const current = get<{ hash: string }>(db, 'SELECT hash FROM kb_pack WHERE id = ?', [manifest.id]);
  if (current?.hash === pack.hash) return { loaded: false, packId: manifest.id, version: manifest.version };
  transaction(db, () => {
    run(db, 'DELETE FROM kb_pack WHERE id = ?', [manifest.id]);
    run(db, 'INSERT INTO kb_pack (id, version, hash, languages, loaded_at) VALUES (?, ?, ?, ?, ?)', [
      manifest.id,
      manifest.version,
      pack.hash,
      JSON.stringify(manifest.languages),
      now().toISOString(),
    ]);
    for (const file of pack.files) {
      for (const entry of file.entries) {
        run(db, 'INSERT INTO kb_entry (kind, id, pack_id, data) VALUES (?, ?, ?, ?)', [
          file.kind,
          entry.id,
          manifest.id,
          JSON.stringify(entry),
        ]);
        for (const field of ['title', 'summary'] as const) {
          for (const [lang, text] of Object.entries(entry[field] ?? {})) {
            run(db, 'INSERT INTO kb_text (kind, id, lang, field, text) VALUES (?, ?, ?, ?, ?)', [
              file.kind,
              entry.id,
              lang,
              field,
              text,
            ]);
          }
        }
      }
    }
  });
  return { loaded: true, packId: manifest.id, version: manifest.version };
}
