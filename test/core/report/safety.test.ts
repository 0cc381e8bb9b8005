// Hostile text in notes, evidence, names, customer and title, in every format: nothing becomes markup, a link,
// a heading or code.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDocLink } from '../../../src-main/core/contract';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { LexoError } from '../../../src-main/core/errors';
import { renderHtml } from '../../../src-main/core/report/html';
import { buildReport, reportCaseFromFile, type ReportModel } from '../../../src-main/core/report/model';
import { renderPs1 } from '../../../src-main/core/report/ps1';
import { renderReport } from '../../../src-main/core/report/render';
import {
  codeLines,
  HOSTILE,
  hostileText,
  htmlTags,
  htmlText,
  markdownParts,
  NOW,
  shippedDb,
  wrongProxyCase,
  type CaseFile,
} from './helpers';

let db: WritableDb;
beforeAll(() => {
  db = shippedDb();
});

const hostileCase = (): CaseFile =>
  wrongProxyCase(
    {
      title: `Title ${HOSTILE[0]} ${HOSTILE[1]}`,
      customer: `Customer ${HOSTILE[3]} ${HOSTILE[14]}`,
      ticket: `T-1 ${HOSTILE[2]}`,
      notes: HOSTILE.map((text) => ({ text })),
      history: [{ at: '2026-03-01T09:00:00Z', type: 'note-added', detail: HOSTILE[5]! }],
    },
    {
      symptom: `OWA ${HOSTILE[7]}`,
      evidence: [
        ...(wrongProxyCase().evidence ?? []),
        { name: `evil ${HOSTILE[1]}.txt`, text: hostileText },
        { name: 'fence.txt', text: 'before\n```\nnot the end\n````\nstill inside\n```````\nafter' },
      ],
    },
  );

const render = (file: CaseFile, format: 'md' | 'html' | 'json' | 'ps1') =>
  renderReport(db, reportCaseFromFile(file), { format, lang: 'en', now: NOW }).text;

/** The tags the HTML template writes: anything else came from the data. */
const TEMPLATE_TAGS = new Set(
  'html head meta title style body header h1 h2 h3 dl dt dd p section ul ol li code pre strong span table thead tbody tr th td a br article footer'.split(
    ' ',
  ),
);

describe('hostile text', () => {
  it('HTML: escaped everywhere; only template tags, no handlers, no script, links only to Microsoft docs', () => {
    const html = render(hostileCase(), 'html');
    for (const tag of htmlTags(html)) {
      expect(TEMPLATE_TAGS.has(tag.name), `<${tag.name}>`).toBe(true);
      expect(tag.attrs).not.toMatch(/\bon\w+\s*=|javascript:|\bsrc\s*=/i);
    }
    for (const m of html.matchAll(/href="([^"]*)"/g)) expect(isDocLink(m[1])).toBe(true);
    expect(html).not.toMatch(/<script|<img|<svg/i);
    // Shown as text, exactly (line breaks aside).
    const visible = htmlText(html);
    for (const h of HOSTILE.filter((x) => !/[\r\n\u2028\u0085]/.test(x))) expect(visible).toContain(h);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  it('Markdown: no HTML, no link but Microsoft docs, no injected heading or list, fences that hold', () => {
    const md = render(hostileCase(), 'md');
    const { fences, prose } = markdownParts(md);
    const outside = prose.join('\n');
    // Every < [ ] * _ ` from user text is escaped: outside code, none is left bare.
    const bare = outside.replace(/\\[\\`*_{}[\]()<>#+\-.!|~&=]/g, '');
    expect(bare).not.toMatch(/</);
    for (const m of bare.matchAll(/\]\(([^)]*)\)/g)) expect(isDocLink(m[1])).toBe(true);
    // Headings are the template's only; the injected ones are escaped text.
    const headings = prose.filter((l) => /^ {0,3}#{1,6}(\s|$)/.test(l));
    expect(headings.some((h) => /Injected/.test(h))).toBe(false);
    expect(prose.some((l) => /^ {0,3}(=+|-{3,})\s*$/.test(l) && l.trim() !== '---')).toBe(false);
    expect(prose.some((l) => /^ {0,3}(- |\d+[.)] |> )injected/.test(l))).toBe(false);
    expect(prose.some((l) => /^\s*\|.*\|\s*$/.test(l))).toBe(false);
    // The evidence is verbatim inside its own fence, backtick runs and all.
    const evidence = fences.find((f) => f.body.startsWith('before\n```'));
    expect(evidence?.body).toBe('before\n```\nnot the end\n````\nstill inside\n```````\nafter');
    expect(fences.some((f) => f.body === hostileText.replace(/\r\n?/g, '\n'))).toBe(true);
  });

  it('JSON: the text round-trips exactly and the document has no raw < > &', () => {
    const json = render(hostileCase(), 'json');
    expect(json).not.toMatch(/[<>&\u2028]/);
    const model = JSON.parse(json) as ReportModel;
    expect(model.notes.map((n) => n.text)).toEqual(HOSTILE);
    expect(model.case.title).toBe(`Title ${HOSTILE[0]} ${HOSTILE[1]}`);
    expect(model.evidence.find((e) => e.name.startsWith('evil'))?.text).toBe(hostileText);
  });

  it('PowerShell: user text only in comments; the code is the same as with harmless text', () => {
    const hostile = render(hostileCase(), 'ps1');
    const lines = hostile.split('\r\n');
    const code = codeLines(hostile);
    for (const h of HOSTILE) {
      for (const piece of h.split(/\r\n|[\r\n\u2028\u0085]/).filter((p) => p.trim().length > 4)) {
        expect(
          code.some((l) => l.includes(piece)),
          piece,
        ).toBe(false);
      }
    }
    // Each line of a note is its own "# | " comment, also after \r, U+2028 and U+0085.
    for (const piece of [
      'line one',
      'line two',
      'line three',
      'line four',
      'line five',
      '#> Remove-Item C:\\ -Recurse -Force <#',
    ]) {
      expect(lines).toContain(`# | ${piece}`);
    }
    expect(lines).not.toContain('# SIG # Begin signature block');
    expect(lines.some((l) => /^#requires/i.test(l))).toBe(false);
    const harmless = render(
      wrongProxyCase(
        { title: 'Title', customer: 'Customer', ticket: 'T-1', notes: [{ text: 'a note' }] },
        { symptom: 'OWA' },
      ),
      'ps1',
    );
    expect(code).toEqual(codeLines(harmless));
  });

  it('names must be names: a case file with PowerShell in a name is refused, naming the field', () => {
    for (const bad of ['ken"; Remove-Item C:\\ ; "', 'a$(calc)', 'x`whoami`', 'a\nb', "o'brien"]) {
      try {
        reportCaseFromFile({ ...wrongProxyCase(), names: { userIdentity: bad } });
        expect.unreachable(`accepted ${bad}`);
      } catch (err) {
        expect(err).toBeInstanceOf(LexoError);
        expect((err as LexoError).code).toBe('invalid-input');
        expect((err as LexoError).message).toContain('case.names.userIdentity');
      }
    }
  });

  it('names read from evidence carry no code into the commands', () => {
    const paste = [
      'PS C:\\> Get-CsUser -Identity "sip:x@fabrikam.com"',
      '',
      'Identity    : CN=X,DC=fabrikam,DC=com',
      'SipAddress  : sip:a$(Stop-Computer)@fabrikam.com',
      'DisplayName : X',
      '',
    ].join('\n');
    const file = wrongProxyCase(
      {},
      { evidence: [...(wrongProxyCase().evidence ?? []), { name: 'user.txt', text: paste }] },
    );
    const ps1 = render(file, 'ps1');
    expect(codeLines(ps1).join('\n')).not.toContain('Stop-Computer');
    const model = JSON.parse(render(file, 'json')) as ReportModel;
    expect(JSON.stringify([model.fix, model.verify, model.environment.names])).not.toContain('Stop-Computer');
  });
});

describe('properties', () => {
  let model: ReportModel;
  beforeAll(() => {
    model = buildReport(db, reportCaseFromFile(wrongProxyCase()), 'en', NOW);
  });
  const noteText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({
      unit: fc.constantFrom('<', '>', '&', '"', "'", '`', '#', '$', '(', ')', '\r', '\n', '\u2028', 'a', ' '),
      maxLength: 60,
    }),
    fc.array(fc.constantFrom(...HOSTILE), { maxLength: 4 }).map((a) => a.join('')),
  );
  const withNote = (text: string): ReportModel => ({ ...model, notes: [{ text }] });

  it('the HTML never holds a < that came from a note', () => {
    const lessThans = (html: string) => html.split('<').length;
    const base = lessThans(renderHtml(withNote('')));
    fc.assert(
      fc.property(noteText, (text) => {
        const html = renderHtml(withNote(text));
        expect(lessThans(html)).toBe(base);
      }),
      { numRuns: 200 },
    );
  });

  it('the script never holds note text outside comments', () => {
    const base = codeLines(renderPs1(withNote('')));
    fc.assert(
      fc.property(noteText, (text) => {
        expect(codeLines(renderPs1(withNote(text)))).toEqual(base);
      }),
      { numRuns: 200 },
    );
  });
});
