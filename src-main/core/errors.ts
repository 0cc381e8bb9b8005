import type { ApiError, ErrorCode } from './contract';

/** An error meant for the user: its message names what is wrong. Hosts turn it into an ApiError. */
export class LexoError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'LexoError';
  }

  toApiError(): ApiError {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

/** Raised when the database file was written by a newer LEXO: never downgrade it in place. */
export class DbFromFutureError extends LexoError {
  constructor(fileVersion: number, appVersion: number) {
    super(
      'database-error',
      `The database has schema version ${fileVersion}, newer than this LEXO knows (${appVersion}). Update LEXO; the file was left untouched.`,
    );
    this.name = 'DbFromFutureError';
  }
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof LexoError) return err.toApiError();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}
