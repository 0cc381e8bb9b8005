// Serving the built renderer, shared by the Electron app:// protocol and the web host: one path check for both.
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..');
}

/**
 * Maps a URL path (still percent-encoded) onto a file strictly inside `root`, or null. Refuses traversal in
 * any spelling (`..`, encoded, double-encoded, backslashes, drive letters, NUL) and symlinks leading outside.
 * `/` is index.html.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path === '' || path === '/') path = '/index.html';
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  // `%` left after decoding means double encoding (`%252e%252e`): no renderer file is named like that.
  if (/[\\\0:%]/.test(path)) return null;
  const segments = path.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  try {
    const realRoot = realpathSync(root);
    const file = realpathSync(join(realRoot, ...segments));
    if (!isInside(realRoot, file) || !statSync(file).isFile()) return null;
    return file;
  } catch {
    return null;
  }
}
