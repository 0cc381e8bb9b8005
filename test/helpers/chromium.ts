import { chromium, type Browser } from 'playwright-core';
import { chromiumMissingReason, findChromium as findInstalledChromium } from '../../src-main/node-host/chromium';

/** The browser LEXO itself prints PDFs with: LEXO_CHROMIUM, else Debian's Chromium in CI, Chrome or Edge elsewhere. */
export function findChromium(): string {
  const found = findInstalledChromium();
  if (!found) {
    throw new Error(
      `No Chromium for the end-to-end tests: ${chromiumMissingReason()}. Install it (Debian: \`apt-get install chromium\`) or set LEXO_CHROMIUM to a Chrome/Edge executable.`,
    );
  }
  return found;
}

/** Headless, with everything that would reach the network switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
