// The shipped knowledge base against pastes as the tools write them (test/fixtures/evidence-articles: Event Viewer,
// Get-WinEvent, wevtutil, Export-Csv, a Lync client log, an OCSLogger trace, Exchange cmdlet errors, a
// Test-CsExStorageConnectivity failure, a .reg export; UTF-16LE where Windows PowerShell 5.1 or the tool writes
// it), the ordinary cmdlet pastes of test/fixtures/evidence (no new article findings), and the wiring:
// evidence.analyze, engine.diagnose and the read cache keyed on the pack.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../src-main/core/api';
import type { Finding } from '../../../src-main/core/contract';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { diagnoseCase } from '../../../src-main/core/engine/handlers';
import { analyzeEvidence, evidenceFromBytes } from '../../../src-main/core/evidence/analyze';
import { evidenceHandlers } from '../../../src-main/core/evidence/handlers';
import { analyzeEvidenceCached } from '../../../src-main/core/evidence/read-cache';
import { buildSignatureSet } from '../../../src-main/core/evidence/signatures/build';
import type { SignatureSet } from '../../../src-main/core/evidence/signatures/types';
import { loadPackFolder } from '../../../src-main/core/kb/pack';
import { articleSignatures } from '../../../src-main/core/kb/signatures-cache';
import { memoryDb, PACK_DIR, REPO_ROOT } from '../../helpers/db';
import { FIXTURES_DIR, fixture } from './helpers';

const ARTICLE_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'evidence-articles');
const paste = (name: string) => evidenceFromBytes(name, readFileSync(join(ARTICLE_FIXTURES, name)));

/** 1-based line of the first line containing `needle` (the analyzer's numbering: \r\n, \n or \r ends a line). */
function lineOf(text: string, needle: string): number {
  const index = text.split(/\r\n|\n|\r/).findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the fixture`);
  return index + 1;
}

let db: WritableDb;
let set: SignatureSet;
beforeAll(() => {
  db = memoryDb();
  loadPackFolder(db, PACK_DIR);
  set = articleSignatures(db);
});

const analyze = (name: string, context = {}) => analyzeEvidence([paste(name)], context, set).findings;
const byConclusion = (findings: Finding[], id: string) => {
  const f = findings.find((x) => x.conclusion === id);
  if (!f) throw new Error(`no finding for ${id} in ${JSON.stringify(findings.map((x) => x.conclusion))}`);
  return f;
};
const ranges = (f: Finding) => (f.lines ?? []).map((l) => [l.from, l.to]);

describe('pastes of each format point at their article, with the lines that matched', () => {
  it('Event Viewer "Copy details as text" (32054, LS Storage Service)', () => {
    const name = 'eventviewer-copy-32054.txt';
    const text = paste(name).text;
    const f = byConclusion(analyze(name), 'article-sfb-and-exchange-integration-fails');
    expect(f.severity).toBe('error');
    expect(ranges(f)).toEqual(
      expect.arrayContaining([
        [lineOf(text, 'Source:        LS Storage Service'), lineOf(text, 'Event ID:      32054')],
        [lineOf(text, 'had an EWS Autodiscovery failure'), lineOf(text, 'had an EWS Autodiscovery failure')],
      ]),
    );
    expect(f.lines![0]!.item).toBe(name);
    expect(f.message).toContain('Event ID 32054 from LS Storage Service');
    // The other event of the paste (LS User Replicator 30024) points at nothing.
    expect(analyze(name).map((x) => x.conclusion)).toEqual(['article-sfb-and-exchange-integration-fails']);
  });

  it('Get-WinEvent | Format-List redirected by PowerShell 5.1 (UTF-16LE, messages wrapped mid-word)', () => {
    const name = 'get-winevent-fl-32054.utf16le-bom.txt';
    expect(paste(name).encoding).toBe('utf-16le');
    const text = paste(name).text;
    const f = byConclusion(analyze(name), 'article-sfb-and-exchange-integration-fails');
    expect(f.severity).toBe('error');
    expect(ranges(f)).toContainEqual([
      lineOf(text, 'ProviderName : LS Storage Service'),
      lineOf(text, 'Id           : 32054'),
    ]);
    // The EWS exception is wrapped over two lines in the middle of "request": still found, with both lines.
    expect(ranges(f)).toContainEqual([lineOf(text, 'ServiceRequestException: The r'), lineOf(text, 'equest failed.')]);
    expect(f.message).toMatch(/Event ID 32054 from LS Storage Service \([^)]*2 times\)/);
  });

  it('Get-WinEvent as a table under its ProviderName header, and fl * (Message first, ProviderName later)', () => {
    const table = 'get-winevent-table.txt';
    const f = byConclusion(analyze(table), 'article-sfb-and-exchange-integration-fails');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('Event ID 32054 from LS Storage Service');
    expect(ranges(f)[0]).toEqual([lineOf(paste(table).text, '32054 Error'), lineOf(paste(table).text, '32054 Error')]);
    expect(analyze(table)).toHaveLength(1);

    const star = 'get-winevent-fl-star-32042.txt';
    const g = byConclusion(analyze(star), 'article-event-32402-61045-front-end');
    expect(g.severity).toBe('error');
    expect(ranges(g)).toContainEqual([
      lineOf(paste(star).text, 'Id                   : 32042'),
      lineOf(paste(star).text, 'ProviderName         : LS User Services'),
    ]);
  });

  it('Event Viewer "Save As" text (tab-separated, UTF-16LE): 61045 and 32042 with their messages', () => {
    const name = 'eventviewer-save-as-tab.utf16le-bom.txt';
    const text = paste(name).text;
    const findings = analyze(name);
    expect(findings.map((x) => [x.conclusion, x.severity])).toEqual([['article-event-32402-61045-front-end', 'error']]);
    expect(findings[0]!.message).toContain('Event ID 61045 from LS MCU Infrastructure');
    expect(ranges(findings[0]!)).toContainEqual([lineOf(text, '\t61045\t'), lineOf(text, '\t61045\t')]);
    expect(ranges(findings[0]!)).toContainEqual([lineOf(text, '\t32042\t'), lineOf(text, '\t32042\t')]);
    // The information events between them (LS Data MCU 41024, LS User Services 32108) are not listed.
    for (const id of ['\t41024\t', '\t32108\t']) {
      expect(ranges(findings[0]!).some(([from]) => from === lineOf(text, id))).toBe(false);
    }
  });

  it('Event Viewer "Save As" CSV (UTF-16LE): the Watson report of 4999 and the TLS failure of 1649', () => {
    const name = 'eventviewer-save-as.utf16le-bom.csv';
    const text = paste(name).text;
    const findings = analyze(name);
    expect(findings.map((x) => [x.conclusion, x.severity])).toEqual([
      ['kb-3145482', 'error'],
      ['article-event-id-1649-tls-failure', 'error'],
    ]);
    const watson = byConclusion(findings, 'kb-3145482');
    expect(watson.kb).toEqual(['3145482']);
    expect(watson.message).toContain('Event ID 4999 from MSExchange Common');
    expect(ranges(watson)).toContainEqual([
      lineOf(text, 'MSExchange Common,4999'),
      lineOf(text, 'MSExchange Common,4999'),
    ]);
    // The MSExchange ADAccess event above it mentions w3wp.exe (MSExchangeServicesAppPool): not the article's.
    expect(ranges(watson).every(([from]) => from !== lineOf(text, 'MSExchange ADAccess'))).toBe(true);
  });

  it('wevtutil qe /f:xml (one line of events, UTF-16LE): the same ID from another provider is not the article', () => {
    const name = 'wevtutil-qe-1649.utf16le-bom.xml';
    const findings = analyze(name);
    expect(findings.map((x) => [x.conclusion, x.severity])).toEqual([['article-event-id-1649-tls-failure', 'error']]);
    expect(findings[0]!.message).toContain('Event ID 1649 from MSExchange Unified Messaging');
    expect(findings[0]!.message).not.toContain('MSExchangeTransport');
    // The excerpt of a long line is the part around what matched.
    for (const l of findings[0]!.lines!) expect(l.text.length).toBeLessThan(300);
  });

  it('(Get-WinEvent …).ToXml() at the console', () => {
    const name = 'get-winevent-toxml-32042.txt';
    const f = byConclusion(analyze(name), 'article-event-32402-61045-front-end');
    expect(f.severity).toBe('error');
    expect(ranges(f)).toEqual([[2, 2]]);
  });

  it('a Lync client UCCAPI log and an OCSLogger SIPStack trace: the 500 with ms-diagnostics 15000', () => {
    for (const name of ['lync-uccapi-0.uccapilog', 'ocslogger-sipstack.txt']) {
      const text = paste(name).text;
      const findings = analyze(name);
      expect(findings.map((x) => x.conclusion)).toEqual(['article-call-to-subscriber-access-auto-attendan-fail']);
      const f = findings[0]!;
      expect(f.severity).toBe('error');
      const diagnostics = lineOf(text, 'ms-diagnostics: 15000');
      // The code, its reason and the status line; the 404 with ms-diagnostics 4005 of the trace is not listed.
      expect(ranges(f)).toEqual([
        [diagnostics, diagnostics],
        [lineOf(text, 'SIP/2.0 500'), lineOf(text, 'SIP/2.0 500')],
      ]);
    }
  });

  it('Exchange cmdlet errors (New-MoveRequest, Enable-UMMailbox) wrapped at the console width', () => {
    const name = 'exchange-cmdlet-errors.txt';
    const text = paste(name).text;
    const findings = analyze(name);
    const move = byConclusion(findings, 'kb-2932443');
    expect(move.severity).toBe('error');
    expect(ranges(move)[0]).toEqual([lineOf(text, "You shouldn't migrate"), lineOf(text, "ionCompleted $false'.")]);
    expect(byConclusion(findings, 'kb-2811654').severity).toBe('error');
    expect(ranges(byConclusion(findings, 'kb-2811654'))[0]![0]).toBe(
      lineOf(text, '+ CategoryInfo          : InvalidArgument'),
    );
    const usage = byConclusion(findings, 'kb-4096172');
    expect(usage.severity).toBe('error');
    expect(ranges(usage)[0]).toEqual([lineOf(text, 'UsageLocation validation error'), lineOf(text, 'eLocation.')]);
    // A generic failure category alone is at most a weaker sign, never an error.
    for (const f of findings.filter((x) => !['kb-2932443', 'kb-2811654', 'kb-4096172'].includes(x.conclusion))) {
      expect(f.severity).not.toBe('error');
    }
  });

  it("Test-CsExStorageConnectivity -Verbose redirected with *> (UTF-16LE): the rule's finding gets the lines", () => {
    const name = 'test-csexstorageconnectivity-tenant.utf16le-bom.txt';
    const text = paste(name).text;
    const findings = analyze(name, { topology: 'sfb-server-onprem', exchange: 'exchange-onprem' });
    const f = byConclusion(findings, 'article-sfb-and-exchange-integration-fails');
    expect(f.severity).toBe('error');
    expect(findings.filter((x) => x.conclusion === f.conclusion)).toHaveLength(1);
    expect(ranges(f)).toContainEqual([
      lineOf(text, 'x-ms-diagnostics: 2000004'),
      lineOf(text, 'x-ms-diagnostics: 2000004'),
    ]);
  });

  it('a .reg export (UTF-16LE): a value set as the article describes is a weaker sign, a setting name alone nothing', () => {
    const findings = analyze('lync-policies.utf16le-bom.reg');
    expect(findings.map((x) => [x.conclusion, x.severity])).toEqual([
      ['article-allowadalfornonlyncindependentoflync-setting', 'warning'],
    ]);
    expect(findings[0]!.message).toContain('weaker signs');
  });

  it('ordinary logs: the same event IDs from other sources, status lines and common words make no finding', () => {
    expect(analyze('ordinary-logs.txt')).toEqual([]);
  });
});

describe('ordinary evidence', () => {
  const samples = readdirSync(FIXTURES_DIR).sort();

  it.each(samples)('%s: no article finding it did not have before', (name) => {
    const item = fixture(name);
    for (const context of [{}, { topology: 'lync2013-onprem' as const }, { topology: 'sfb-online' as const }]) {
      const before = analyzeEvidence([item], context).findings;
      const after = analyzeEvidence([item], context, set).findings;
      expect(after.map((f) => [f.id, f.severity, f.conclusion])).toEqual(
        before.map((f) => [f.id, f.severity, f.conclusion]),
      );
    }
  });
});

describe('wiring', () => {
  it('evidence.analyze reports the articles when it has the knowledge base, as before without it', () => {
    const items = [{ name: 'event.txt', text: paste('eventviewer-copy-32054.txt').text }];
    const withKb = evidenceHandlers({ db })['evidence.analyze']({ items });
    expect(withKb.findings.map((f) => f.conclusion)).toEqual(['article-sfb-and-exchange-integration-fails']);
    expect(evidenceHandlers()['evidence.analyze']({ items }).findings).toEqual([]);
  });

  it('the API every host serves (IPC, web host, CLI) reads them too', async () => {
    const items = [{ name: 'event.txt', text: paste('eventviewer-copy-32054.txt').text }];
    const api = createApi({ db, host: 'cli', dataDir: '/d', databasePath: ':memory:' });
    const { findings } = await api.call('evidence.analyze', { items });
    expect(findings.map((f) => f.conclusion)).toEqual(['article-sfb-and-exchange-integration-fails']);
    expect(findings[0]!.lines?.length).toBeGreaterThan(0);
  });

  it("engine.diagnose reports them through the case's evidence, commands filled like the other findings", () => {
    const evidence = [{ name: 'lync-server.evtx.txt', text: paste('eventviewer-copy-32054.txt').text }];
    const names = { userSipAddress: 'kim.akers@litwareinc.com' };
    const result = diagnoseCase(db, { topology: 'sfb-server-onprem', evidence, names }, 'fr');
    const f = byConclusion(result.findings, 'article-sfb-and-exchange-integration-fails');
    expect(f.severity).toBe('error');
    expect(f.lines![0]).toMatchObject({ item: 'lync-server.evtx.txt', from: 2, to: 4 });
    expect(f.fix).toContain('Test-CsExStorageConnectivity -SipUri "sip:kim.akers@litwareinc.com" -Verbose');
    // On a case for another deployment the same paste is information only.
    const online = diagnoseCase(db, { topology: 'sfb-online', evidence }, 'en');
    expect(byConclusion(online.findings, f.conclusion).severity).toBe('info');
  });

  it('the read cache keys on the pack: another pack, other signatures, other findings', () => {
    const items = [{ name: 'event.txt', text: 'Storage Service had an EWS Autodiscovery failure.' }];
    const first = analyzeEvidenceCached(items, {}, set);
    expect(analyzeEvidenceCached(items, {}, set)).toBe(first);
    const other = buildSignatureSet([], 'another-pack');
    expect(analyzeEvidenceCached(items, {}, other).findings).toEqual([]);
    expect(analyzeEvidenceCached(items, {}).findings).toEqual([]);
    expect(analyzeEvidenceCached(items, {}, set).findings).toEqual(first.findings);
  });

  it('the signatures are built once per pack content and rebuilt when it changes', () => {
    expect(articleSignatures(db)).toBe(set);
    const fresh = memoryDb();
    expect(articleSignatures(fresh).articles).toEqual([]);
    loadPackFolder(fresh, PACK_DIR);
    const loaded = articleSignatures(fresh);
    expect(loaded.key).toBe(set.key);
    expect(loaded.articles.length).toBe(set.articles.length);
  });
});
