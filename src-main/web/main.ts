// `npm run web`: opens the database, serves the renderer and the API on 127.0.0.1, prints the URL.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { openLexo } from '../core/lexo';
import { resolveDataDir } from '../core/paths';
import { rendererDir, rendererIsBuilt, resourcesDir } from '../node-host/locations';
import { printPdfWithChromium } from '../node-host/pdf';
import { startWebHost } from './server';

const USAGE = `Usage: npm run web -- [--data-dir DIR] [--port N] [--open]

Serves LEXO to your browser on 127.0.0.1 (browser mode).
  --data-dir DIR  where the database lives (default: LEXO_DATA_DIR, else the OS data folder)
  --port N        port to listen on (default: a free one)
  --open          open the default browser on the printed URL`;

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  spawn(cmd, args, { detached: true, stdio: 'ignore' })
    .on('error', () => console.error(`Could not open a browser; open ${url}`))
    .unref();
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        open: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`lexo web: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`lexo web: --port must be a whole number from 0 to 65535, got "${values.port}"`);
    return 2;
  }
  if (!rendererIsBuilt()) {
    console.error('lexo web: the renderer is not built; run `npm run build` first');
    return 1;
  }
  // PDF through the installed Chromium; no saveFile: the browser downloads the exported file itself.
  const lexo = openLexo({
    dataDir: resolveDataDir(values['data-dir']),
    resourcesDir: resourcesDir(),
    host: 'web',
    services: { printPdf: (html) => printPdfWithChromium(html) },
  });
  const host = await startWebHost({ api: lexo.api, rendererDir: rendererDir(), port });
  console.log(`LEXO is running in browser mode (data: ${lexo.dataDir})`);
  console.log(`Open: ${host.url}`);
  console.log('Press Ctrl+C to stop.');
  if (values.open) openBrowser(host.url);
  const stop = (): void => {
    void host.close().then(() => {
      lexo.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`lexo web: ${(err as Error).message}`);
    process.exitCode = 1;
  },
);
