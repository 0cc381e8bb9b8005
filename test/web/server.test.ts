import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/core/api';
import { loadPack, readPack } from '../../src-main/core/kb/pack';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { resolveStaticFile } from '../../src-main/node-host/static-files';
import { memoryDb, MINI_PACK_DIR, tempDir } from '../helpers/db';
import { LATEST_SCHEMA_VERSION } from '../../src-main/core/db/migrate';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the test controls every header (fetch would not let it set Host). */
function send(
  host: WebHost,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${host.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const t = tempDir('lexo-web-');
let host: WebHost;
const TOKEN = 'test-token-0123456789';
/** A small body limit, so the over-the-limit test stays cheap. */
const LIMIT = 1024 * 1024;
const api = (body: string, headers: Record<string, string> = {}, path = '/api/app.info') =>
  send(host, {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', 'x-lexo-token': TOKEN, ...headers },
    body,
  });

beforeAll(async () => {
  const renderer = join(t.dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>LEXO</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'secret.txt'), 'secret');
  symlinkSync(join(t.dir, 'secret.txt'), join(renderer, 'link.txt'));
  const db = memoryDb();
  loadPack(db, readPack(MINI_PACK_DIR));
  host = await startWebHost({
    api: createApi({ db, host: 'web', dataDir: t.dir, databasePath: ':memory:' }),
    rendererDir: renderer,
    token: TOKEN,
    maxBodyBytes: LIMIT,
  });
});
afterAll(async () => {
  await host.close();
  t.cleanup();
});

describe('web host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('generates a different random token each run', async () => {
    const a = await startWebHost({
      api: createApi({ db: memoryDb(), host: 'web', dataDir: t.dir, databasePath: ':memory:' }),
      rendererDir: t.dir,
    });
    const b = await startWebHost({
      api: createApi({ db: memoryDb(), host: 'web', dataDir: t.dir, databasePath: ':memory:' }),
      rendererDir: t.dir,
    });
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(32);
    await Promise.all([a.close(), b.close()]);
  });

  it('serves the renderer with a strict CSP and security headers', async () => {
    const r = await send(host, { path: '/' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>LEXO</title>');
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    const js = await send(host, { path: '/assets/app.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers app.info with data read from SQLite', async () => {
    const r = await api('{"input":{}}');
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as {
      ok: boolean;
      value: { schemaVersion: number; kb: { counts: { step: number } } };
    };
    expect(body.ok).toBe(true);
    expect(body.value.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(body.value.kb.counts.step).toBe(2);
  });

  it('serves the knowledge-base API: search and entry pages', async () => {
    const found = JSON.parse((await api('{"input":{"query":"2565604","lang":"fr"}}', {}, '/api/kb.search')).body);
    expect(found.value.results[0]).toMatchObject({ kind: 'article', id: 'kb-2565604', kb: '2565604' });
    const page = JSON.parse(
      (await api('{"input":{"kind":"article","id":"kb-2565604","lang":"en"}}', {}, '/api/kb.get')).body,
    );
    expect(page.value).toMatchObject({ kind: 'article', errors: ["Instant Messaging isn't available right now."] });
    const missing = await api('{"input":{"kind":"article","id":"kb-1"}}', {}, '/api/kb.get');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error).toMatchObject({
      code: 'not-found',
      message: 'No article "kb-1" in the knowledge base',
    });
  });

  it.each([
    ['another host name', { host: 'evil.example:80' }],
    ['a rebinding host on the right port', { host: 'attacker.test:PORT' }],
    ['the right host on another port', { host: '127.0.0.1:1' }],
  ])('refuses %s in the Host header', async (_label, headers) => {
    const h = { host: headers.host.replace('PORT', String(host.port)) };
    expect((await send(host, { path: '/', headers: h })).status).toBe(403);
    expect((await api('{}', h)).status).toBe(403);
  });

  it('accepts localhost as Host', async () => {
    expect((await send(host, { path: '/', headers: { host: `localhost:${host.port}` } })).status).toBe(200);
  });

  it.each([['https://evil.example'], ['http://127.0.0.1:1'], ['null']])(
    'refuses a cross-origin request from %s',
    async (origin) => {
      expect((await api('{}', { origin })).status).toBe(403);
    },
  );

  it('refuses a cross-site fetch even without Origin', async () => {
    expect((await send(host, { path: '/', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('requires the token on API calls', async () => {
    const missing = await send(host, {
      method: 'POST',
      path: '/api/app.info',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await api('{}', { 'x-lexo-token': 'wrong' })).status).toBe(401);
    expect((await api('{}', { 'x-lexo-token': TOKEN.slice(0, -1) })).status).toBe(401);
  });

  it('rejects bad requests with a message that names the problem', async () => {
    const notJson = await api('{"input":', {});
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toMatch(/not valid JSON/);
    const form = await api('a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const arr = await api('[1]');
    expect(JSON.parse(arr.body).error.message).toMatch(/JSON object/);
    const badInput = await api('{"input":{"x":1}}');
    expect(badInput.status).toBe(400);
    expect(JSON.parse(badInput.body).error.code).toBe('invalid-input');
    const unknown = await api('{}', {}, '/api/nope');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('unknown-method');
    const get = await send(host, { path: '/api/app.info', headers: { 'x-lexo-token': TOKEN } });
    expect(get.status).toBe(405);
  });

  it('refuses a body over the size limit and keeps serving', async () => {
    const r = await api(`{"input":"${'x'.repeat(LIMIT)}"}`).catch(() => ({ status: 413 }) as Reply);
    expect(r.status).toBe(413);
    expect((await api('{}')).status).toBe(200);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/link.txt',
    '/missing.js',
    '/%E0%A4%A',
  ])('does not serve %s', async (path) => {
    expect((await send(host, { path })).status).toBe(404);
  });
});

describe('resolveStaticFile', () => {
  it.each(['/C:/Windows/win.ini', '/\\\\server\\share\\x', '/a%00.html', '/./index.html'])('refuses %s', (path) => {
    expect(resolveStaticFile(t.dir, path)).toBeNull();
  });
});
