// Shared by the evidence tests: the fixture folder and reading a fixture as LEXO would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evidenceFromBytes, type EvidenceItem } from '../../../src-main/core/evidence/analyze';

export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/evidence/', import.meta.url));

/** A fixture decoded from its bytes (UTF-8, UTF-8 BOM, UTF-16LE with or without BOM). */
export function fixture(name: string): EvidenceItem & { encoding: string } {
  return evidenceFromBytes(name, readFileSync(join(FIXTURES_DIR, name)));
}
