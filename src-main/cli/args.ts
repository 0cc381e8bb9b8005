// Argument parsing shared by the commands: a bad argument is a UsageError (exit 2, with the usage hint).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LANGS, type Lang } from '../core/contract';

export class UsageError extends Error {}

/** parseArgs in strict mode, its errors turned into UsageErrors. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>, P extends boolean>(
  args: string[],
  options: O,
  allowPositionals: P,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** The --lang value, English when absent. */
export function langOption(value: string | undefined): Lang {
  const lang = value ?? 'en';
  if (!(LANGS as readonly string[]).includes(lang))
    throw new UsageError(`--lang must be one of ${LANGS.join(', ')}, got "${lang}"`);
  return lang as Lang;
}
