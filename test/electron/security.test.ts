import { createHash } from 'node:crypto';
import { loadPackFolder } from '../../src-main/core/kb/pack';
import { reportCaseFromFile } from '../../src-main/core/report/model';
import { renderReport } from '../../src-main/core/report/render';
import { REPORT_STYLE_HASH } from '../../src-main/core/report/style-hash';
import { memoryDb, MINI_PACK_DIR } from '../helpers/db';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  isAllowedExternalLink,
  isAllowedRequest,
  isAppUrl,
  isPermissionGranted,
  isTrustedIpcSender,
  mainWindowOptions,
  resolveDevOrigin,
  resolveRendererFile,
} from '../../src-main/electron/security';

const DEV = 'http://localhost:5173';

const HOSTILE_URLS: unknown[] = [
  'app://lexo.attacker/index.html',
  'app://lexo@evil/index.html',
  'app://user:pass@lexo/index.html',
  'app://evil/index.html',
  'app://LEXO.evil/',
  'app:lexo/index.html',
  'app:///lexo/index.html',
  'app://lexo\\..\\evil',
  'apps://lexo/index.html',
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'file:///C:/Windows/win.ini',
  'file://server/share/x.html',
  '\\\\server\\share\\index.html',
  '\\\\?\\UNC\\server\\share\\index.html',
  'C:\\Windows\\win.ini',
  'https://lexo/index.html',
  'http://lexo/index.html',
  'https://example.com/',
  'http://localhost:5173.evil.com/',
  'http://localhost.evil.com:5173/',
  'http://localhost:5174/',
  'https://localhost:5173/',
  'http://127.0.0.2:5173/',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://lexo/1234',
  'about:blank',
  '',
  'app://lexo' + '/a'.repeat(5000),
  null,
  undefined,
  42,
  { href: 'app://lexo/' },
  new URL('app://lexo/index.html'),
];

describe('constants', () => {
  it('names the app origin', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_ORIGIN).toBe('app://lexo');
    expect(APP_INDEX_URL).toBe('app://lexo/index.html');
  });

  it('has a strict production CSP: inline style only for the report preview, by its hash', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      `default-src 'none'; script-src 'self'; style-src 'self' ${REPORT_STYLE_HASH}; img-src 'self' data:; ` +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|http|ws:|\*/);
  });

  it('allows exactly the style element of a rendered report', () => {
    const db = memoryDb();
    loadPackFolder(db, MINI_PACK_DIR);
    const { text: html } = renderReport(db, reportCaseFromFile({ symptom: 'x' }), { format: 'html', lang: 'en' });
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
    expect(hash).toBe(REPORT_STYLE_HASH);
  });
});

describe('contentSecurityPolicy', () => {
  it('is the production policy without a dev server', () => {
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicy(undefined)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('adds the dev server origin and its websocket only in dev', () => {
    const csp = contentSecurityPolicy(DEV);
    const directives = Object.fromEntries(
      csp.split('; ').map((d) => {
        const [name, ...values] = d.split(' ');
        return [name, values];
      }),
    );
    expect(directives['script-src']).toEqual(["'self'", DEV]);
    expect(directives['connect-src']).toEqual(["'self'", DEV, 'ws://localhost:5173']);
    expect(directives['style-src']).toContain(DEV);
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['script-src']).not.toContain("'unsafe-eval'");
  });
});

describe('resolveDevOrigin', () => {
  it.each([
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['http://127.0.0.1:5173/index.html', 'http://127.0.0.1:5173'],
    ['http://[::1]:5173', 'http://[::1]:5173'],
  ])('accepts the loopback dev server %s when unpackaged', (url, origin) => {
    expect(resolveDevOrigin(false, url)).toBe(origin);
  });

  it('never uses a dev server in a packaged app', () => {
    expect(resolveDevOrigin(true, 'http://localhost:5173')).toBeUndefined();
  });

  it.each([
    undefined,
    '',
    'https://example.com',
    'http://localhost.evil.com:5173',
    'http://user@localhost:5173',
    'file:///C:/out/renderer/index.html',
    'javascript:alert(1)',
    'app://lexo',
    'ws://localhost:5173',
  ])('refuses %s', (url) => {
    expect(resolveDevOrigin(false, url)).toBeUndefined();
  });
});

describe('isAppUrl / isTrustedIpcSender', () => {
  it.each(['app://lexo', 'app://lexo/', APP_INDEX_URL, 'app://lexo/assets/index-abc.js?x=1#top'])(
    'trusts %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
      expect(isTrustedIpcSender(url)).toBe(true);
    },
  );

  it.each(HOSTILE_URLS)('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isAppUrl(url, DEV)).toBe(false);
    expect(isTrustedIpcSender(url, DEV)).toBe(false);
  });

  it('trusts the dev server only when it is given', () => {
    expect(isAppUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isTrustedIpcSender('http://localhost:5173/src/main.ts', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedIpcSender('http://localhost:5173/')).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it.each([APP_INDEX_URL, 'app://lexo/assets/app.css', 'devtools://devtools/bundled/devtools_app.html'])(
    'allows %s',
    (url) => {
      expect(isAllowedRequest(url)).toBe(true);
    },
  );

  it.each([
    ...HOSTILE_URLS,
    'https://learn.microsoft.com/',
    'http://localhost:5173/@vite/client',
    'ws://localhost:5173/',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'data:text/plain,hi',
  ])('cancels %s', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });

  it('allows data: only for images', () => {
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', undefined, 'image')).toBe(true);
    expect(isAllowedRequest('data:text/html,<b>x</b>', undefined, 'mainFrame')).toBe(false);
    expect(isAllowedRequest('data:text/html,<b>x</b>', undefined, 'subFrame')).toBe(false);
    expect(isAllowedRequest('data:application/javascript,alert(1)', undefined, 'script')).toBe(false);
  });

  it('allows the dev server and its hot-reload socket in dev, nothing else', () => {
    expect(isAllowedRequest('http://localhost:5173/@vite/client', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/?token=abc', DEV)).toBe(true);
    expect(isAllowedRequest('wss://localhost:5173/', DEV)).toBe(false);
    expect(isAllowedRequest('ws://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedRequest('ws://evil.com:5173/', DEV)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173.evil.com/', DEV)).toBe(false);
    expect(isAllowedRequest('https://example.com/', DEV)).toBe(false);
  });
});

describe('isAllowedExternalLink', () => {
  it.each([
    'https://learn.microsoft.com/en-us/skypeforbusiness/deploy/integrate-with-exchange',
    'https://support.microsoft.com/kb/2565604',
    'https://docs.microsoft.com/en-us/exchange/',
    'https://technet.microsoft.com/library/gg398495.aspx',
  ])('opens %s', (url) => {
    expect(isAllowedExternalLink(url)).toBe(true);
  });

  it.each([
    ...HOSTILE_URLS,
    'http://learn.microsoft.com/',
    'https://learn.microsoft.com.evil.com/',
    'https://evil.com/learn.microsoft.com',
    'https://learn.microsoft.com@evil.com/',
    'https://user@learn.microsoft.com/',
    'https://learn.microsoft.com:8443/',
    'https://microsoft.com/',
    'https://evil-learn.microsoft.com/',
    'ms-settings:privacy',
    'search-ms:query=x',
    'file://learn.microsoft.com/share',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalLink(url)).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  it('grants clipboard writes to the app only', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://lexo')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', APP_INDEX_URL)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'http://localhost:5173/')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'http://localhost:5173/', DEV)).toBe(true);
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'hid',
    'usb',
    'serial',
    'midiSysex',
    'display-capture',
    'unknown',
  ])('refuses %s even to the app', (permission) => {
    expect(isPermissionGranted(permission, APP_INDEX_URL)).toBe(false);
  });
});

describe('resolveRendererFile', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'lexo-renderer-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'a b.css'), 'body{}');
    writeFileSync(join(base, 'secret.txt'), 'secret');
    writeFileSync(join(base, 'renderer-secret.txt'), 'secret');
    symlinkSync(join(base, 'secret.txt'), join(root, 'escape.txt'));
    symlinkSync(base, join(root, 'up'));
    symlinkSync(join(root, 'index.html'), join(root, 'inside.html'));
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it.each([
    ['app://lexo/', 'index.html'],
    ['app://lexo', 'index.html'],
    ['app://lexo/index.html', 'index.html'],
    ['app://lexo/index.html?v=1#top', 'index.html'],
    ['app://lexo/assets/app.js', 'assets/app.js'],
    ['app://lexo/assets/a%20b.css', 'assets/a b.css'],
    ['app://lexo/inside.html', 'index.html'],
  ])('maps %s inside the root', (url, file) => {
    expect(resolveRendererFile(root, url)).toBe(join(root, file));
  });

  it.each([
    'app://lexo/../secret.txt',
    'app://lexo/%2e%2e/secret.txt',
    'app://lexo/%2E%2E/secret.txt',
    'app://lexo/assets/..%2f..%2fsecret.txt',
    'app://lexo/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://lexo/%252e%252e/secret.txt',
    'app://lexo/..%5csecret.txt',
    'app://lexo/..\\secret.txt',
    'app://lexo/%5c%5cserver%5cshare%5cx',
    'app://lexo//etc/passwd',
    'app://lexo/%2fetc%2fpasswd',
    'app://lexo/C:/Windows/win.ini',
    'app://lexo/C%3a%5cWindows%5cwin.ini',
    'app://lexo/index.html%00.js',
    'app://lexo/index.html::$DATA',
    'app://lexo/%E0%A4%A',
    'app://lexo/assets',
    'app://lexo/assets/',
    'app://lexo/missing.js',
    'app://lexo/escape.txt',
    'app://lexo/up/secret.txt',
    'app://lexo/../renderer-secret.txt',
    'app://lexo.attacker/index.html',
    'app://lexo@evil/index.html',
    'app://evil/index.html',
    'http://lexo/index.html',
    'file:///etc/passwd',
    '\\\\server\\share\\index.html',
    '',
    null,
    42,
  ])('refuses %s', (url) => {
    expect(resolveRendererFile(root, url)).toBeNull();
  });

  it('refuses everything when the root does not exist', () => {
    expect(resolveRendererFile(join(base, 'nope'), 'app://lexo/index.html')).toBeNull();
  });
});

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');

  it('isolates and sandboxes the page, without Node', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('stays hidden until ready-to-show, titled LEXO, with a usable size', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('LEXO');
    expect(options.width).toBeGreaterThanOrEqual(1024);
    expect(options.height).toBeGreaterThanOrEqual(700);
    expect(options.minWidth).toBeLessThanOrEqual(options.width!);
    expect(options.minHeight).toBeLessThanOrEqual(options.height!);
  });
});
