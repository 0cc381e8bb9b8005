// Support-article signatures, piece by piece, on small hand-made articles: what an error string becomes, how a
// paste is compared (wrapped lines, quotes, entities), the events of each export format, the findings and their
// guards (generic strings, other event sources, applies-to), and the merge with the cmdlet rules' findings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeEvidence } from '../../../src-main/core/evidence/analyze';
import { buildAutomaton } from '../../../src-main/core/evidence/signatures/automaton';
import {
  buildSignatureSet,
  namedProviders,
  type ArticleSource,
} from '../../../src-main/core/evidence/signatures/build';
import { classifyError, messageTier } from '../../../src-main/core/evidence/signatures/classify';
import { findEvents } from '../../../src-main/core/evidence/signatures/events';
import { LineIndex } from '../../../src-main/core/evidence/signatures/lines';
import { normalize } from '../../../src-main/core/evidence/signatures/normalize';
import { scanSignatures } from '../../../src-main/core/evidence/signatures/scan';
import { scanText } from '../../../src-main/core/evidence/signatures/scan-text';

const text = (en: string) => ({ en, fr: en, 'zh-TW': en });

/** An article with only what signatures read; the rest is filler the schema requires. */
function article(id: string, errors: string[], more: Partial<ArticleSource> = {}): ArticleSource {
  return {
    id,
    kb: id.startsWith('kb-') ? id.slice(3) : null,
    title: text(`Title of ${id}`),
    summary: text(''),
    symptoms: text(''),
    cause: text(''),
    appliesTo: { topologies: [], exchange: [], clouds: [], clients: [], products: [] },
    errors,
    commands: [],
    status: 'published',
    retiredProduct: false,
    ...more,
  };
}

const STORAGE = article(
  'article-storage',
  [
    'Event ID 32054',
    'Storage Service had an EWS Autodiscovery failure.',
    'x-ms-diagnostics: 2000004;reason="The tenant for tenant guid \'contoso.com\' does not exist.";error_category="invalid_tenant"',
  ],
  {
    symptoms: text('The Lync Server log shows Event ID 32054 (source LS Storage Service, task category (4006)).'),
    appliesTo: {
      topologies: ['lync2013-onprem', 'sfb-server-onprem'],
      exchange: [],
      clouds: [],
      clients: [],
      products: [],
    },
    commands: [{ command: 'Get-AcceptedDomain | Format-Table DomainName, DomainType' }],
  },
);

const findingsOf = (articles: ArticleSource[], paste: string, context = {}) =>
  analyzeEvidence([{ name: 'paste.txt', text: paste }], context, buildSignatureSet(articles, 'test')).findings;

describe('error strings', () => {
  it('an "Event ID" string is an event, a code in ms-diagnostics a diagnostic, its reason a message', () => {
    expect(classifyError('Event ID 32054')).toEqual({ events: [32054], diagnostics: [], phrases: [] });
    expect(classifyError('Event IDs 32402, 61045').events).toEqual([32402, 61045]);
    const diag = classifyError('ms-diagnostics: 15000;reason="Unable to read the user properties publication."');
    expect(diag.diagnostics).toEqual(['15000']);
    expect(diag.phrases.map((p) => p.text)).toContain('Unable to read the user properties publication.');
    expect(classifyError('2000004').diagnostics).toEqual(['2000004']);
  });

  it('names in the text (<username>, contoso.com, build numbers, process ids, "…") split it into pieces', () => {
    const spec = classifyError("The tenant for tenant guid 'contoso.com' does not exist.").phrases[0]!;
    expect(spec.chunks.map((c) => c.norm)).toEqual(['thetenantfortenantguid', 'doesnotexist.']);
    const watson = classifyError(
      'Watson report about to be sent for process id: 1124, with parameters: 15.00.1104.005, E12',
    ).phrases[0]!;
    expect(watson.chunks.map((c) => c.norm)).toEqual([
      'watsonreportabouttobesentforprocessid:',
      ',withparameters:',
      ',e12',
    ]);
    const cut = classifyError('[New-MoveRequest], UnableToMoveUCS…nlevelException').phrases[0]!;
    expect(cut.chunks.map((c) => c.norm)).toEqual(['[new-moverequest],unabletomoveucs', 'nlevelexception']);
    expect(cut.boundaryEnd).toBe(true);
  });

  it('a long message is strong, a short one weak, a status line or two words only corroborate', () => {
    expect(messageTier('Storage Service had an EWS Autodiscovery failure.')).toBe('strong');
    expect(messageTier('Credentials are required')).toBe('weak');
    expect(messageTier('Presence Unknown')).toBe('corroborating');
    expect(messageTier('401 Unauthorized: Access Denied')).toBe('corroborating');
    expect(messageTier('SIP/2.0 500 Server Internal Error')).toBe('corroborating');
    expect(messageTier('550 5.7.1 Unable to relay')).toBe('corroborating');
    expect(messageTier('451 4.7.0 Temporary server error. Please try again later. PRX5')).toBe('strong');
  });

  it('registry paths match either spelling of the hive; a value name alone is an identifier', () => {
    const [path, name] = classifyError('HKCU\\SOFTWARE\\Microsoft\\Office\\15.0\\Common\\Identity\\EnableADAL').phrases;
    expect(path!.kind).toBe('registry');
    expect(path!.aliases).toEqual([
      normalize('HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Office\\15.0\\Common\\Identity\\EnableADAL'),
    ]);
    expect(name).toMatchObject({ kind: 'identifier', text: 'EnableADAL', tier: 'weak' });
    const value = classifyError('"AllowAdalForNonLyncIndependentOfLync"=dword:00000001').phrases;
    expect(value.map((p) => [p.kind, p.tier])).toEqual([
      ['registry', 'weak'],
      ['identifier', 'weak'],
    ]);
    // Not a .reg line: a SIP parameter is one identifier.
    expect(classifyError('appName="ExumRouting"').phrases.map((p) => p.kind)).toEqual(['identifier']);
  });

  it('reads the event sources an article names', () => {
    const named = namedProviders(
      'Event ID 32054 (source LS Storage Service, task category (4006)). The log shows Event ID 4999, source MSExchange Common, task category General.',
    );
    expect(Object.fromEntries(named)).toEqual({ 32054: ['ls storage service'], 4999: ['msexchange common'] });
  });

  it("a name the article's own commands set is a setting: it only supports stronger evidence", () => {
    const set = buildSignatureSet(
      [
        article('article-photo', ['TurnOffPhotograph', 'EXC_BAD_ACCESS_XYZ'], {
          commands: [
            {
              command: 'reg add "HKCU\\Software\\Policies\\Microsoft\\Office\\16.0\\Common" /v TurnOffPhotograph /d 0',
            },
          ],
        }),
      ],
      'test',
    );
    expect(set.phrases.map((p) => [p.text, p.tier])).toEqual([
      ['TurnOffPhotograph', 'corroborating'],
      ['EXC_BAD_ACCESS_XYZ', 'weak'],
    ]);
  });
});

describe('comparing a paste', () => {
  const set = buildSignatureSet([STORAGE], 'test');
  const hitsOf = (paste: string) => scanSignatures(paste, set).map((h) => [h.what, h.tier, h.from, h.to]);

  it('finds a message wrapped in the middle of a word, in any case, with CSV quotes or XML entities', () => {
    expect(hitsOf('Message : Storage Service had an EWS Auto\n          discovery failure.')).toEqual([
      ['Storage Service had an EWS Autodiscovery failure.', 'strong', 1, 2],
    ]);
    expect(hitsOf('x\r\nSTORAGE SERVICE HAD AN EWS AUTODISCOVERY FAILURE.\r\n')).toEqual([
      ['Storage Service had an EWS Autodiscovery failure.', 'strong', 2, 2],
    ]);
    expect(hitsOf('<Data>Storage Service had an EWS Autodiscovery failure&#46;</Data>')).toHaveLength(1);
    const csv = 'Error,LS Storage Service,"reason=""The tenant for tenant guid \'fabrikam.com\' does not exist."""';
    expect(hitsOf(csv)).toEqual([["The tenant for tenant guid 'contoso.com' does not exist.", 'strong', 1, 1]]);
    expect(
      hitsOf('reason=&quot;The tenant for tenant guid &apos;fabrikam.com&apos; does not exist.&quot;'),
    ).toHaveLength(1);
  });

  it('a message with a name in it is strong only when all of its pieces are there, in order', () => {
    expect(hitsOf("The tenant for tenant guid 'adatum.com' does not exist.")[0]![1]).toBe('strong');
    // The first piece alone is a weaker sign; the pieces in the wrong order are not the message.
    expect(hitsOf('The tenant for tenant guid was not given.')[0]![1]).toBe('weak');
    expect(hitsOf("does not exist. The tenant for tenant guid 'adatum.com'")[0]![1]).toBe('weak');
  });

  it('an identifier must not continue a word of the paste', () => {
    const ids = buildSignatureSet([article('article-adal', ['EnableADALogging'])], 'test');
    expect(scanSignatures('EnableADALogging : True', ids)).toHaveLength(1);
    expect(scanSignatures('XEnableADALogging : True', ids)).toHaveLength(0);
    expect(scanSignatures('EnableADALoggingV2 : True', ids)).toHaveLength(0);
  });

  it('counts the occurrences and keeps the first, with its lines', () => {
    const paste = [
      'a',
      'Storage Service had an EWS Autodiscovery failure.',
      'b',
      'Storage Service had an EWS Autodiscovery failure.',
    ];
    const [hit] = scanSignatures(paste.join('\n'), set);
    expect(hit).toMatchObject({ from: 2, to: 2, count: 2, text: paste[1] });
  });

  it('the automaton finds what a naive search finds', () => {
    const alphabet = fc.constantFrom('a', 'b', 'ab', 'ba', ' ', '\n', 'A', '"');
    fc.assert(
      fc.property(
        fc
          .uniqueArray(
            fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => normalize(a.join(''))),
            {
              minLength: 1,
              maxLength: 6,
            },
          )
          .map((ps) => [...new Set(ps.filter((p) => p.length > 0))]),
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        (patterns, paste) => {
          fc.pre(patterns.length > 0);
          const found: string[] = [];
          scanText(paste, buildAutomaton(patterns), (p, start, end) => found.push(`${p}@${start}-${end}`));
          // Naive: every pattern at every position of the normalized paste.
          const norm: { c: string; at: number }[] = [];
          for (let i = 0; i < paste.length; i++)
            if (!/[\s"]/.test(paste[i]!)) norm.push({ c: paste[i]!.toLowerCase(), at: i });
          const s = norm.map((n) => n.c).join('');
          const expected: string[] = [];
          for (let e = 1; e <= s.length; e++) {
            patterns.forEach((p, id) => {
              if (e >= p.length && s.slice(e - p.length, e) === p)
                expected.push(`${id}@${norm[e - p.length]!.at}-${norm[e - 1]!.at + 1}`);
            });
          }
          expect(found.sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('events in each export format', () => {
  const events = (paste: string) =>
    findEvents(paste, () => new LineIndex(paste)).map((e) => [e.id, e.provider, e.from, e.to]);

  it('Event Viewer "Copy details as text" and wevtutil /f:text', () => {
    const copy =
      'Log Name:      Lync Server\nSource:        LS Storage Service\nDate:          x\nEvent ID:      32054\nDescription:\nhello';
    expect(events(copy)).toEqual([[32054, 'LS Storage Service', 2, 4]]);
    const wevtutil =
      'Event[0]:\n  Log Name: Application\n  Source: MSExchange Common\n  Event ID: 4999\n  Description:\nWatson';
    expect(events(wevtutil)).toEqual([[4999, 'MSExchange Common', 3, 4]]);
  });

  it('Get-WinEvent as a list (default and fl *), as a table under its ProviderName header', () => {
    const list =
      'TimeCreated  : x\nProviderName : LS Storage Service\nId           : 32054\nMessage      : m\n\nTimeCreated  : y\nProviderName : LS Storage Service\nId           : 32048\nMessage      : n';
    expect(events(list)).toEqual([
      [32054, 'LS Storage Service', 2, 3],
      [32048, 'LS Storage Service', 7, 8],
    ]);
    const star =
      'Message      : m\n               more\nId           : 32042\nVersion      : 0\nProviderName : LS User Services\nLogName      : Lync Server\nTimeCreated  : t\n\nMessage      : n\nId           : 7\nProviderName : Other\nLogName      : Lync Server';
    expect(events(star)).toEqual([
      [32042, 'LS User Services', 3, 5],
      [7, 'Other', 10, 11],
    ]);
    const table =
      '\n   ProviderName: LS Storage Service\n\nTimeCreated                     Id LevelDisplayName Message\n-----------                     -- ---------------- -------\n11/23/2026 9:41:17 AM        32054 Error            Storage...\n11/23/2026 9:40:02 AM          148 Information      Other...\n';
    expect(events(table)).toEqual([
      [32054, 'LS Storage Service', 6, 6],
      [148, 'LS Storage Service', 7, 7],
    ]);
  });

  it('a table that ends without a blank line does not hide the event after it', () => {
    const paste =
      'TimeCreated                     Id Message\n-----------                     -- -------\n11/23/2026 9:41:17 AM        32054 x\nSource: LS Storage Service\nEvent ID: 32048';
    expect(events(paste)).toEqual([
      [32054, undefined, 3, 3],
      [32048, 'LS Storage Service', 4, 5],
    ]);
  });

  it('a bare "Id : 5" is not an event without a source and another event key', () => {
    expect(events('Identity : Global\nId : 5\nProviderName : x')).toEqual([]);
    expect(events('Id : 5\nName : x')).toEqual([]);
  });

  it('Event Viewer CSV and tab-separated exports, Export-Csv, with messages over several lines', () => {
    const csv =
      'Level,Date and Time,Source,Event ID,Task Category\nError,d,MSExchange Common,4999,General,"Watson\nline two ""quoted"""\nInformation,d,MSExchangeRepl,4114,Service,ok\n\nnot csv, Event ID 1';
    expect(events(csv)).toEqual([
      [4999, 'MSExchange Common', 2, 2],
      [4114, 'MSExchangeRepl', 4, 4],
      [1, undefined, 6, 6],
    ]);
    const tab =
      'Level\tDate and Time\tSource\tEvent ID\tTask Category\nError\td\tLS MCU Infrastructure\t61045\t(1022)\t"The DATAMCU\n\nResolution: x"';
    expect(events(tab)).toEqual([[61045, 'LS MCU Infrastructure', 2, 2]]);
    const exported =
      '#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\n"Message","Id","Version","ProviderName"\n"Invalid incoming\nHTTPS certificate.","32042","0","LS User Services"';
    expect(events(exported)).toEqual([[32042, 'LS User Services', 4, 4]]);
  });

  it('XML from wevtutil /f:xml (one line, single quotes) and .ToXml() (double quotes)', () => {
    const wevtutil =
      "<Event xmlns='e'><System><Provider Name='MSExchange Unified Messaging'/><EventID Qualifiers='32772'>1649</EventID></System></Event><Event xmlns='e'><System><Provider Name='MSExchangeTransport'/><EventID Qualifiers='1'>1649</EventID></System></Event>";
    expect(events(wevtutil)).toEqual([
      [1649, 'MSExchange Unified Messaging', 1, 1],
      [1649, 'MSExchangeTransport', 1, 1],
    ]);
    const pretty =
      '<Event xmlns="e">\n  <System>\n    <Provider Name="LS User Services" />\n    <EventID Qualifiers="50158">32042</EventID>\n';
    expect(events(pretty)).toEqual([[32042, 'LS User Services', 3, 4]]);
  });

  it('"Event ID 32054" in running text, without its source', () => {
    expect(events('We see event id 32054 on FE01 every hour, and EventID=61045.')).toEqual([
      [32054, undefined, 1, 1],
      [61045, undefined, 1, 1],
    ]);
    expect(events('Event ID 99999 and event id 12a')).toEqual([]);
  });
});

describe('findings', () => {
  it('one finding per article: the article as conclusion, its KB, its commands, the lines that matched', () => {
    const paste =
      'Log Name: Lync Server\nSource: LS Storage Service\nEvent ID: 32054\nDescription:\nStorage Service had an EWS Autodiscovery failure.';
    const [f, ...rest] = findingsOf(
      [STORAGE, article('kb-1234567', ['Storage Service had an EWS Autodiscovery failure.'])],
      paste,
    );
    expect(rest).toHaveLength(1);
    expect(f).toMatchObject({
      id: 'article-evidence-article-storage',
      severity: 'error',
      conclusion: 'article-storage',
      kb: [],
      fix: ['Get-AcceptedDomain | Format-Table DomainName, DomainType'],
      lines: [
        { item: 'paste.txt', from: 2, to: 3, text: 'Source: LS Storage Service\nEvent ID: 32054' },
        { item: 'paste.txt', from: 5, to: 5, text: 'Storage Service had an EWS Autodiscovery failure.' },
      ],
    });
    expect(f!.message).toContain('Event ID 32054 from LS Storage Service (paste.txt lines 2–3)');
    expect(f!.message).toContain('"Title of article-storage"');
    expect(rest[0]).toMatchObject({ conclusion: 'kb-1234567', kb: ['1234567'] });
  });

  it("an event from another source than the article names is not the article's", () => {
    expect(findingsOf([STORAGE], 'Source: Microsoft-Windows-Kernel-General\nEvent ID: 32054')).toEqual([]);
    // Without its source, the ID is a weaker sign.
    expect(findingsOf([STORAGE], 'Event ID 32054 keeps coming back').map((f) => f.severity)).toEqual(['warning']);
  });

  it("an article naming no source takes events from the products' own sources only", () => {
    const mcu = article('article-mcu', ['Event ID 61045']);
    const both = [STORAGE, mcu];
    expect(
      findingsOf(both, 'Source: LS MCU Infrastructure\nEvent ID: 61045').map((f) => [f.conclusion, f.severity]),
    ).toEqual([['article-mcu', 'error']]);
    expect(findingsOf(both, 'Source: Application Error\nEvent ID: 61045')).toEqual([]);
  });

  it('short and generic strings alone make no finding; beside a strong one they are listed', () => {
    const generic = article('article-generic', [
      '404 Not Found',
      'Presence Unknown',
      'Storage Service had an EWS Autodiscovery failure.',
    ]);
    expect(findingsOf([generic], 'HTTP/1.1 404 Not Found\nPresence Unknown')).toEqual([]);
    const [f] = findingsOf([generic], '404 Not Found\nStorage Service had an EWS Autodiscovery failure.');
    expect(f!.lines!.map((l) => l.from)).toEqual([2, 1]);
  });

  it("an article for other deployments than the case's is information when strong, nothing when weak", () => {
    const paste = 'Storage Service had an EWS Autodiscovery failure.';
    expect(findingsOf([STORAGE], paste, { topology: 'lync2013-onprem' })[0]!.severity).toBe('error');
    const online = findingsOf([STORAGE], paste, { topology: 'sfb-online' });
    expect(online.map((f) => f.severity)).toEqual(['info']);
    expect(online[0]!.message).toContain('this case is Skype for Business Online only');
    expect(findingsOf([STORAGE], 'Event ID 32054', { topology: 'sfb-online' })).toEqual([]);
    // A case that does not say its topology gets the finding as it is.
    expect(findingsOf([STORAGE], paste, {})[0]!.severity).toBe('error');
  });

  it('says when Microsoft removed the article', () => {
    const removed = article('article-old', ['Storage Service had an EWS Autodiscovery failure.'], {
      status: 'removed',
      removed: { repo: 'MicrosoftDocs/OfficeDocs-Support', path: 'x.md', commit: 'abcdef1', date: '2023-05-01' },
      retiredProduct: true,
    });
    const [f] = findingsOf([removed], 'Storage Service had an EWS Autodiscovery failure.');
    expect(f!.message).toContain('Microsoft removed this article on 2023-05-01');
    expect(f!.message).toContain('retired product');
  });

  it('where a cmdlet rule already concludes on the article, its finding stays and gets the lines', () => {
    const paste = [
      'PS C:\\> Test-CsExStorageConnectivity -SipUri "sip:kim@fabrikam.com"',
      '',
      'Target Fqdn   : fe01.fabrikam.com',
      'Result        : Failure',
      'Error Message : The remote server returned an error: (401) Unauthorized.',
      'Diagnosis     : x-ms-diagnostics: 2000004;reason="The tenant for tenant guid \'fabrikam.com\' does not exist.";error_category="invalid_tenant"',
    ].join('\n');
    const rule = article('article-sfb-and-exchange-integration-fails', STORAGE.errors);
    const findings = findingsOf([rule], paste);
    expect(findings.map((f) => [f.id, f.conclusion])).toEqual([
      ['test-exstorage-failed', 'article-sfb-and-exchange-integration-fails'],
    ]);
    expect(findings[0]!.lines).toEqual([expect.objectContaining({ from: 6, to: 6 })]);
  });
});
