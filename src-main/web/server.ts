// Browser mode: the built renderer and the same API on 127.0.0.1 only, behind a per-run token.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LexoApi } from '../core/api';
import type { ApiError, ApiResult } from '../core/contract';
import {
  WEB_CONTENT_SECURITY_POLICY,
  isAllowedFetchSite,
  isAllowedHost,
  isAllowedOrigin,
  tokenMatches,
} from './guards';
import { mimeTypeOf, resolveStaticFile } from '../node-host/static-files';

export const TOKEN_HEADER = 'x-lexo-token';
/** A case may carry 20 MB of evidence, more once escaped as JSON; anything larger than this is not a case. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface WebHostOptions {
  api: LexoApi;
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed only in tests; a fresh random token otherwise. */
  token?: string;
  /** Largest request body accepted (tests lower it). */
  maxBodyBytes?: number;
}

export interface WebHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': WEB_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const STATUS_OF: Partial<Record<ApiError['code'], number>> = {
  'invalid-input': 400,
  'unknown-method': 404,
  'not-found': 404,
  forbidden: 403,
  internal: 500,
  'database-error': 500,
  // A pack the user imported is bad input, not a server failure.
  'pack-error': 422,
  unavailable: 503,
  'write-error': 500,
};

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: ApiResult<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

function fail(res: ServerResponse, status: number, code: ApiError['code'], message: string): void {
  sendResult(res, status, { ok: false, error: { code, message } });
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  opts: Pick<WebHostOptions, 'api' | 'maxBodyBytes'>,
  token: string,
  name: string,
): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, 'invalid-input', 'API calls are POST requests');
  const given = req.headers[TOKEN_HEADER];
  if (!tokenMatches(Array.isArray(given) ? given[0] : given, token)) {
    return fail(res, 401, 'forbidden', 'Missing or wrong token: open the URL that `npm run web` printed');
  }
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    return fail(res, 415, 'invalid-input', 'The body must be application/json');
  const limit = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const raw = await readBody(req, limit);
  if (raw === null) return fail(res, 413, 'invalid-input', `The request is larger than ${limit} bytes`);
  let body: unknown;
  try {
    body = raw.length === 0 ? {} : JSON.parse(raw);
  } catch (err) {
    return fail(res, 400, 'invalid-input', `The body is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail(res, 400, 'invalid-input', 'The body must be a JSON object {"input": …}');
  }
  const result = await opts.api.dispatch(name, (body as { input?: unknown }).input);
  sendResult(res, result.ok ? 200 : (STATUS_OF[result.error.code] ?? 400), result);
}

function handleStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
  const file = resolveStaticFile(rendererDir, pathname);
  if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeTypeOf(file), 'Cache-Control': 'no-store' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

export function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const server = createServer((req, res) => {
    const refuse = (why: string): void => send(res, 403, why, 'text/plain; charset=utf-8');
    if (!isAllowedHost(req.headers.host, port)) return refuse('Forbidden: unexpected Host header');
    if (!isAllowedOrigin(req.headers.origin, port)) return refuse('Forbidden: cross-origin request');
    const site = req.headers['sec-fetch-site'];
    if (!isAllowedFetchSite(Array.isArray(site) ? site[0] : site)) return refuse('Forbidden: cross-site request');
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const api = /^\/api\/([^/]+)$/.exec(pathname);
    const done = api
      ? handleApi(req, res, opts, token, api[1]!)
      : Promise.resolve(handleStatic(req, res, opts.rendererDir, pathname));
    done.catch((err: unknown) => {
      if (!res.headersSent) fail(res, 500, 'internal', `Unexpected error: ${(err as Error).message}`);
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the data on this host is a customer's, never the network's.
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        url: `${origin}/?token=${token}`,
        origin,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
