// The `lexo` command line: the same API as the app, for scripts. With --json, stdout is one JSON
// document; errors go to stderr with exit code 2 (the CLI contract of DESIGN.md).
import type { ParseArgsConfig } from 'node:util';
import type { HostServices } from '../core/api';
import type { AppInfo, SearchResult } from '../core/contract';
import { LexoError } from '../core/errors';
import { openLexo } from '../core/lexo';
import { resolveDataDir } from '../core/paths';
import { APP_VERSION } from '../core/version';
import { resourcesDir } from '../node-host/locations';
import { analyzeCommand } from './analyze';
import { langOption, parseCommandArgs, UsageError } from './args';
import { diagnoseCommand } from './diagnose';
import { reportCommand } from './report';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Reads an answer on the terminal; absent when stdin is not a terminal. */
  prompt?: (question: string) => Promise<string>;
  /** Standard input as bytes (lexo analyze -). */
  stdin?: () => Promise<Uint8Array>;
}

export const USAGE = `LEXO ${APP_VERSION}: offline troubleshooting of Exchange Online integration with Lync and Skype for Business

Usage: lexo <command> [options]

Commands:
  info              versions, schema version, data folder and knowledge-base statistics
  search "<text>"   search symptoms, KB articles, steps, cmdlets and topics
                    [--lang en|fr|zh-TW] [--limit N]
  analyze <file|->  read pasted cmdlet, DNS and AD output into facts and findings
                    [--topology T] [--cloud C] [--exchange E]
  diagnose          run the diagnostic tree over a case: --case case.json [--evidence FILE]...
                    [--lang en|fr|zh-TW]; asks its questions on a terminal, answers once with --json
  report            write a case report: --case case.json --format md|html|pdf|json|ps1 --out FILE
                    [--lang en|fr|zh-TW] [--redact]; --out - prints a text format on stdout;
                    PDF needs Chrome, Edge or Chromium (or LEXO_CHROMIUM)

Options:
  --json            print one JSON document on stdout (for scripts)
  --data-dir DIR    where the database lives (default: LEXO_DATA_DIR, else the OS data folder)
  -h, --help        show this help
  -v, --version     print the version

Exit codes: 0 success, 1 runtime failure, 2 bad arguments or bad input.`;

const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function parse(args: string[]) {
  return parseCommandArgs(args, COMMON_OPTIONS, false);
}

function formatInfo(info: AppInfo): string {
  const counts = Object.entries(info.kb.counts)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  return [
    `LEXO ${info.version}`,
    `Node ${info.versions.node}, SQLite ${info.versions.sqlite}`,
    `Schema version ${info.schemaVersion}`,
    `Data folder ${info.dataDir}`,
    `Database ${info.databasePath}`,
    `Content pack ${info.kb.packId ?? '(none)'} ${info.kb.packVersion ?? ''} (${info.kb.languages.join(', ')})`.trimEnd(),
    `Knowledge base: ${counts}`,
  ].join('\n');
}

async function info(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args);
  if (values.help) {
    io.out('Usage: lexo info [--json] [--data-dir DIR]\n');
    return 0;
  }
  const lexo = openLexo({
    dataDir: resolveDataDir(values['data-dir'], io.env),
    resourcesDir: resourcesDir(io.env),
    host: 'cli',
  });
  try {
    const value = await lexo.api.call('app.info', {});
    io.out(values.json ? `${JSON.stringify(value)}\n` : `${formatInfo(value)}\n`);
    return 0;
  } finally {
    lexo.close();
  }
}

function openFor(values: { 'data-dir'?: string | undefined }, io: CliIo, services?: HostServices) {
  return openLexo({
    dataDir: resolveDataDir(values['data-dir'], io.env),
    resourcesDir: resourcesDir(io.env),
    host: 'cli',
    ...(services ? { services } : {}),
  });
}

function formatResults(results: SearchResult[]): string {
  if (results.length === 0) return 'No match.';
  return results
    .map(
      (r, i) =>
        `${String(i + 1).padStart(2)}. [${r.kind}] ${r.title}${r.kb ? ` (KB ${r.kb})` : ''}  ${r.id}  ${r.score.toFixed(2)}`,
    )
    .join('\n');
}

async function searchCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...COMMON_OPTIONS, lang: { type: 'string' }, limit: { type: 'string' } },
    true,
  );
  if (values.help) {
    io.out('Usage: lexo search "<text>" [--lang en|fr|zh-TW] [--limit N] [--json] [--data-dir DIR]\n');
    return 0;
  }
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('search needs the text to look for, e.g. lexo search "no presence in OWA"');
  const lang = langOption(values.lang);
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new UsageError(`--limit must be a whole number from 1 to 100, got "${values.limit}"`);
  const lexo = openFor(values, io);
  try {
    const { results } = await lexo.api.call('kb.search', { query, lang, limit });
    io.out(values.json ? `${JSON.stringify({ results })}\n` : `${formatResults(results)}\n`);
    return 0;
  } finally {
    lexo.close();
  }
}

const COMMANDS: Readonly<Record<string, (args: string[], io: CliIo) => Promise<number>>> = {
  info,
  search: searchCommand,
  analyze: (args, io) => analyzeCommand(args, io, (dataDir) => openFor({ 'data-dir': dataDir }, io)),
  diagnose: (args, io) => diagnoseCommand(args, io, (dataDir) => openFor({ 'data-dir': dataDir }, io)),
  report: (args, io) => reportCommand(args, io, (dataDir, services) => openFor({ 'data-dir': dataDir }, io, services)),
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      io.out(`${USAGE}\n`);
      return first === undefined ? 2 : 0;
    }
    if (first === '--version' || first === '-v') {
      io.out(`${APP_VERSION}\n`);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (!command) {
      throw new UsageError(
        first.startsWith('-')
          ? `unknown option '${first}' before a command`
          : `unknown command '${first}' (known: ${Object.keys(COMMANDS).join(', ')})`,
      );
    }
    return await command(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`lexo: ${err.message}\nRun 'lexo --help' for usage.\n`);
      return 2;
    }
    if (err instanceof LexoError) {
      io.err(`lexo: ${err.message}\n`);
      return err.code === 'invalid-input' ? 2 : 1;
    }
    io.err(`lexo: unexpected error: ${(err as Error).message}\n`);
    return 1;
  }
}
