import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openLexo, type Lexo } from '../../src-main/core/lexo';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { launchChromium } from './chromium';
import { REPO_ROOT, RESOURCES_DIR, tempDir } from './db';

export const RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-results', 'e2e');

export interface WebSession {
  lexo: Lexo;
  host: WebHost;
  browser: Browser;
  page: Page;
  /** Every URL the page asked for, to prove nothing left 127.0.0.1. */
  requests: string[];
  close(): Promise<void>;
}

/** A real database, the web host and a Chromium page on it: the app as a user sees it in browser mode. */
export async function startWebSession(locale = 'en-US'): Promise<WebSession> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` (npm test does it first).');
  }
  const data = tempDir('lexo-e2e-');
  const lexo = openLexo({ dataDir: data.dir, resourcesDir: RESOURCES_DIR, host: 'web' });
  const host = await startWebHost({ api: lexo.api, rendererDir: RENDERER_DIR });
  const browser = await launchChromium();
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return {
    lexo,
    host,
    browser,
    page,
    requests,
    async close() {
      await browser.close();
      await host.close();
      lexo.close();
      data.cleanup();
    },
  };
}
