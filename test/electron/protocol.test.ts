import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createAppHandler,
  handleAppProtocol,
  registerAppScheme,
} from '../../src-main/electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/security';
import { mimeTypeOf } from '../../src-main/node-host/static-files';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'lexo-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>LEXO</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{margin:0}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(base, 'secret.txt'), 'secret');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('registerAppScheme', () => {
  it('registers app as a standard, secure, fetch-capable scheme', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    // Bypassing the CSP or enabling service workers would undo the hardening.
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('allowServiceWorkers');
  });
});

describe('app:// handler', () => {
  const handler = () => createAppHandler({ rendererRoot: root });

  it.each([
    ['app://lexo/', 'text/html; charset=utf-8', '<!doctype html><title>LEXO</title>'],
    ['app://lexo/index.html', 'text/html; charset=utf-8', '<!doctype html><title>LEXO</title>'],
    ['app://lexo/assets/index-abc.js', 'text/javascript; charset=utf-8', 'export {};'],
    ['app://lexo/assets/index-abc.css', 'text/css; charset=utf-8', 'body{margin:0}'],
    ['app://lexo/assets/logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ])('serves %s as %s with the CSP', async (url, type, body) => {
    const res = await handler()(new Request(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(body);
  });

  it('serves binary files byte for byte', async () => {
    const res = await handler()(new Request('app://lexo/assets/font.woff2'));
    expect(res.headers.get('content-type')).toBe('font/woff2');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0x77, 0x4f, 0x46, 0x32]);
  });

  it.each([
    'app://lexo/missing.js',
    'app://lexo/../secret.txt',
    'app://lexo/%2e%2e/secret.txt',
    'app://lexo/assets/..%2f..%2fsecret.txt',
    'app://lexo/assets/',
    'app://evil/index.html',
    'app://lexo.attacker/index.html',
  ])('answers 404 for %s', async (url) => {
    const res = await handler()(new Request(url));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).not.toContain('secret');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handler()(new Request('app://lexo/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handler()(new Request('app://lexo/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it('uses the CSP it is given', async () => {
    const res = await createAppHandler({ rendererRoot: root, csp: "default-src 'none'" })(
      new Request('app://lexo/index.html'),
    );
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
  });

  it('registers the handler for the app scheme', async () => {
    const protocol = { handle: vi.fn() };
    handleAppProtocol(protocol, { rendererRoot: root });
    expect(protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, registered] = protocol.handle.mock.calls[0]!;
    expect(scheme).toBe('app');
    expect((await registered(new Request('app://lexo/'))).status).toBe(200);
  });
});

describe('mimeTypeOf', () => {
  it.each([
    ['a.HTML', 'text/html; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.png', 'image/png'],
    ['a.ico', 'image/x-icon'],
    ['a.woff', 'font/woff'],
    ['a.wasm', 'application/wasm'],
    ['a.exe', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeOf(file)).toBe(type);
  });
});
