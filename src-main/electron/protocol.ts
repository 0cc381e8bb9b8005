// The `app://lexo/` scheme that serves the built renderer. Electron's `protocol` is passed in, so the handler
// runs in Node tests with real Request and Response objects.
import { readFile } from 'node:fs/promises';
import type { CustomScheme, Protocol } from 'electron';
import { mimeTypeOf } from '../node-host/static-files';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, resolveRendererFile } from './security';

/** Standard + secure gives the page a real origin and a secure context; fetch for the renderer's JSON assets. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before `app` is ready: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

const securityHeaders = (csp: string): Record<string, string> => ({
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
});

function textResponse(status: number, text: string, csp: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

export interface AppHandlerOptions {
  rendererRoot: string;
  csp?: string;
}

/** GET/HEAD of a file inside the renderer root, with the CSP; 404 for anything else, 405 for other methods. */
export function createAppHandler({ rendererRoot, csp = CONTENT_SECURITY_POLICY }: AppHandlerOptions) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed', csp);
    const file = resolveRendererFile(rendererRoot, request.url);
    if (!file) return textResponse(404, 'Not found', csp);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return textResponse(404, 'Not found', csp);
    }
    const headers = { ...securityHeaders(csp), 'Content-Type': mimeTypeOf(file) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Serves the renderer on `app://lexo/`. Call once the app is ready. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, options: AppHandlerOptions): void {
  protocol.handle(APP_SCHEME, createAppHandler(options));
}
