// Full cases through the real engine and the shipped knowledge base, rendered in every text format and language.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src-main/core/contract';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { diagnoseCase } from '../../../src-main/core/engine/handlers';
import { reportCaseFromFile, type ReportModel } from '../../../src-main/core/report/model';
import { renderReport } from '../../../src-main/core/report/render';
import {
  codeLines,
  htmlText,
  markdownParts,
  NOW,
  proxyPromptCase,
  shippedDb,
  unfinishedCase,
  wrongProxyCase,
  type CaseFile,
} from './helpers';

let db: WritableDb;
beforeAll(() => {
  db = shippedDb();
});

const render = (file: CaseFile, format: 'md' | 'html' | 'json' | 'ps1', lang: Lang, redact = false) =>
  renderReport(db, reportCaseFromFile(file), { format, lang, redact, now: NOW });

/** What each language must show: section headings, the conclusion's title, a trail question, the script's title. */
const EXPECT: Record<
  Lang,
  { headings: string[]; conclusion: string; question: string; answer: string; script: string; noteLabel: string }
> = {
  en: {
    headings: [
      'Summary',
      'Environment',
      'Evidence',
      'Findings',
      'Questions and answers',
      'The missing step and why',
      'Fix commands',
      'Verify commands',
      'KB references',
      "Engineer's notes",
    ],
    conclusion: 'Hosting provider for Exchange Online missing or wrong (step 5)',
    question: 'Does Get-CsAccessEdgeConfiguration show AllowFederatedUsers True?',
    answer: 'Yes, True',
    script: '# LEXO remediation script',
    noteLabel: "# Engineer's notes:",
  },
  fr: {
    headings: [
      'Résumé',
      'Environnement',
      'Éléments fournis',
      'Constats',
      'Questions et réponses',
      "L'étape manquante et pourquoi",
      'Commandes de correction',
      'Commandes de vérification',
      'Références de la base de connaissances',
      "Notes de l'ingénieur",
    ],
    conclusion: "Fournisseur d'hébergement Exchange Online absent ou incorrect (étape 5)",
    question: 'Get-CsAccessEdgeConfiguration',
    answer: 'True',
    script: '# Script de correction LEXO',
    noteLabel: "# Notes de l'ingénieur",
  },
  'zh-TW': {
    headings: [
      '摘要',
      '環境',
      '佐證資料',
      '發現的問題',
      '問題與回答',
      '缺少的步驟與原因',
      '修正命令',
      '驗證命令',
      '知識庫參考資料',
      '工程師備註',
    ],
    conclusion: 'Exchange Online 的裝載提供者遺失或設定錯誤 (步驟 5)',
    question: 'Get-CsAccessEdgeConfiguration',
    answer: 'True',
    script: '# LEXO 修正指令碼',
    noteLabel: '# 工程師備註',
  },
};

const NEW_PROVIDER =
  'New-CsHostingProvider -Identity "Exchange Online" -Enabled $True -EnabledSharedAddressSpace $False -HostsOCSUsers $False -ProxyFqdn "exap.um.outlook.com" -IsLocal $False -VerificationLevel UseSourceVerification';
const REMOVE_PROVIDER = 'Remove-CsHostingProvider -Identity "Exchange Online"';
const KB_SOURCE = 'MicrosoftDocs/OfficeDocs-Support/SkypeforBusiness/SkypeOnline/online-exchange-integration/';
const NOTE = 'Customer says OWA lost presence after the Edge was rebuilt.';
const FINDING = 'has ProxyFqdn "exap.um.outlook.cn"';

describe.each(['en', 'fr', 'zh-TW'] as const)('a concluded case with evidence, notes and a trail, in %s', (lang) => {
  const want = EXPECT[lang];

  it('Markdown: headings in the language, the conclusion, fix command, KB source, notes, findings, evidence', () => {
    const { text, fileName, mime } = render(wrongProxyCase(), 'md', lang);
    expect(fileName).toBe('lexo-INC-4711-2026-03-04.md');
    expect(mime).toMatch(/^text\/markdown/);
    const { fences, prose } = markdownParts(text);
    const headings = prose.filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    for (const h of want.headings) expect(headings).toContain(h.replace(/'/g, "'"));
    expect(prose.join('\n')).toContain(want.conclusion);
    expect(prose.join('\n')).toContain(want.question);
    expect(prose.join('\n')).toContain(want.answer);
    expect(fences.map((f) => f.body)).toContain(NEW_PROVIDER);
    expect(fences.map((f) => f.body)).toContain(REMOVE_PROVIDER);
    expect(text).toContain(KB_SOURCE);
    expect(prose.join('\n')).toContain(NOTE);
    expect(prose.join('\n')).toContain('Second note  \nwith two lines.');
    expect(prose.join('\n')).toContain(FINDING);
    // The evidence as pasted, verbatim, in its own fence; and what was read from it.
    expect(
      fences.some((f) => f.info === 'text' && f.body.includes('ProxyFqdn                 : exap.um.outlook.cn')),
    ).toBe(true);
    expect(text).toContain('`provider.proxyFqdn` = `wrong`');
  });

  it('HTML: lang attribute, headings, conclusion, fix command, notes, findings, CSP, print CSS', () => {
    const { text, fileName, mime } = render(wrongProxyCase(), 'html', lang);
    expect(fileName).toBe('lexo-INC-4711-2026-03-04.html');
    expect(mime).toMatch(/^text\/html/);
    expect(text).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
    expect(text).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(text).toMatch(/@media print \{/);
    expect(text).toMatch(/@page \{/);
    expect(text).toContain('"Microsoft JhengHei", "PingFang TC", "Noto Sans CJK TC"');
    const headings = [...text.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => htmlText(m[1]!));
    for (const h of want.headings) expect(headings).toContain(h);
    const visible = htmlText(text);
    for (const s of [want.conclusion, want.question, NEW_PROVIDER, REMOVE_PROVIDER, NOTE, FINDING, KB_SOURCE]) {
      expect(visible).toContain(s);
    }
    expect(text).not.toMatch(/<script|<img|<link|<iframe|\bsrc=/i);
  });

  it('JSON: the documented shape with the conclusion, commands, references, trail and notes', () => {
    const { text, mime } = render(wrongProxyCase(), 'json', lang);
    expect(mime).toMatch(/^application\/json/);
    const model = JSON.parse(text) as ReportModel;
    expect(model).toMatchObject({ format: 'lexo-report', version: 1, lang, redacted: false, secretsMasked: 0 });
    expect(model.conclusion).toMatchObject({ id: 'step-5-hosting-provider', title: want.conclusion });
    expect(model.fix.map((c) => c.command)).toEqual([REMOVE_PROVIDER, NEW_PROVIDER]);
    expect(model.verify.length).toBeGreaterThan(0);
    expect(model.references.find((r) => r.kb === '2614614')).toMatchObject({ status: 'removed' });
    expect(model.references.find((r) => r.kb === '2614614')?.removed?.path).toContain('online-exchange-integration/');
    expect(model.trail.find((t) => t.id === 'p-edge')).toMatchObject({ source: 'user' });
    expect(model.notes.map((n) => n.text)).toEqual([NOTE, 'Second note\nwith two lines.']);
    expect(model.findings.map((f) => f.id)).toContain('provider-proxyfqdn-wrong');
    expect(model.evidence.map((e) => e.name)).toEqual(['get-cshostingprovider-wrong.utf16le.txt', 'get-csuser.txt']);
    expect(model.evidence[0]!.parts[0]).toMatchObject({
      kind: 'hosting-provider',
      facts: { 'provider.proxyFqdn': 'wrong' },
    });
    expect(model.environment.names).toContainEqual({
      field: 'userSipAddress',
      value: 'kenmyer@litwareinc.com',
      source: 'evidence',
    });
    expect(model.environment.names).toContainEqual({
      field: 'edgePoolFqdn',
      value: 'edge01.litwareinc.com',
      source: 'case',
    });
    expect(model.history.map((h) => h.type)).toEqual(['created', 'evidence-added']);
    expect(model.generatedAt).toBe(NOW.toISOString());
  });

  it('PowerShell: comments in the language, the fix guarded, remove and recreate, verification at the end', () => {
    const { text, fileName } = render(wrongProxyCase(), 'ps1', lang);
    expect(fileName).toBe('lexo-INC-4711-2026-03-04.ps1');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain(want.script);
    expect(lines.some((l) => l.startsWith(want.noteLabel))).toBe(true);
    expect(lines).toContain(`# | ${NOTE}`);
    const code = codeLines(text).map((l) => l.trim());
    expect(code).toContain(NEW_PROVIDER);
    expect(code).toContain(REMOVE_PROVIDER);
    // Verification comes after the fix.
    expect(code.lastIndexOf('Get-CsHostingProvider -LocalStore | Out-Host')).toBeGreaterThan(
      code.indexOf(NEW_PROVIDER),
    );
  });
});

describe('references', () => {
  it('links a published KB article to its Microsoft page in HTML and Markdown, and nothing else', () => {
    const html = render(proxyPromptCase(), 'html', 'en').text;
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://support.microsoft.com/help/2298541']);
    const md = render(proxyPromptCase(), 'md', 'en').text;
    expect(md).toMatch(/\[KB 2298541: [^\]]+\]\(https:\/\/support\.microsoft\.com\/help\/2298541\)/);
    const json = JSON.parse(render(proxyPromptCase(), 'json', 'en').text) as ReportModel;
    expect(json.conclusion?.id).toBe('kb-2298541');
    expect(json.references.find((r) => r.kb === '2298541')).toMatchObject({
      status: 'published',
      url: 'https://support.microsoft.com/help/2298541',
    });
  });
});

describe('an unfinished case', () => {
  const pending = () => {
    const r = diagnoseCase(shippedDb(), unfinishedCase(), 'en');
    if (r.status !== 'needs-answer') throw new Error('the case should still need an answer');
    return r.question;
  };

  it('says what is still open and which checks to run, in every format', () => {
    const question = pending();
    const md = render(unfinishedCase(), 'md', 'en').text;
    expect(md).toContain('## Still open');
    expect(md).toContain(question.text);
    expect(md).not.toContain('## Fix commands');
    expect(md).toContain('## Checks to run');
    const html = htmlText(render(unfinishedCase(), 'html', 'en').text);
    expect(html).toContain(question.text);
    for (const choice of question.choices) expect(html).toContain(choice.label);
    const json = JSON.parse(render(unfinishedCase(), 'json', 'en').text) as ReportModel;
    expect(json.summary.status).toBe('needs-answer');
    expect(json.conclusion).toBeNull();
    expect(json.open).toMatchObject({ id: question.id, question: question.text });
    expect(json.fix).toEqual([]);
    expect(json.checks.length).toBeGreaterThan(0);
    // The checks are filled with the case's names where it has them.
    expect(json.checks.map((c) => c.command).join('\n')).toContain('fabrikam.com');
  });

  it('gives a script that only checks, says so, and changes nothing', () => {
    const ps1 = render(unfinishedCase(), 'ps1', 'en').text;
    expect(ps1).toContain('# No conclusion yet: this script changes nothing.');
    const code = codeLines(ps1);
    expect(code.join('\n')).not.toMatch(/\$PSCmdlet\.ShouldProcess|\b(New|Set|Remove|Add|Grant)-\w+/);
    const checks = (JSON.parse(render(unfinishedCase(), 'json', 'en').text) as ReportModel).checks;
    const live = checks.filter((c) => c.unfilled.length === 0);
    expect(live.length).toBeGreaterThan(0);
    for (const c of live) expect(code.map((l) => l.trim())).toContain(`${c.command} | Out-Host`);
  });

  it('is rendered in French too', () => {
    const md = render(unfinishedCase(), 'md', 'fr').text;
    expect(md).toContain('## Encore ouvert');
    expect(md).toContain('## Vérifications à exécuter');
  });
});

describe('file names', () => {
  it('use the ticket, else a slug of the title, with safe characters only', () => {
    const titled = wrongProxyCase({ ticket: '', title: 'Édition spéciale: <OWA> / "presence"?' });
    expect(render(titled, 'md', 'en').fileName).toBe('lexo-Edition-speciale-OWA-presence-2026-03-04.md');
    const chinese = wrongProxyCase({ ticket: '', title: '客戶無法看到狀態' });
    expect(render(chinese, 'html', 'zh-TW').fileName).toBe('lexo-report-2026-03-04.html');
    const dots = wrongProxyCase({ ticket: '../../etc/passwd' });
    expect(render(dots, 'json', 'en').fileName).toBe('lexo-etc-passwd-2026-03-04.json');
  });
});

describe('a long paste', () => {
  it('shows parts that read the same once, with the lines where they are', () => {
    const once = wrongProxyCase().evidence![0]!.text;
    const file = wrongProxyCase({}, { evidence: [{ name: 'session.txt', text: Array(12).fill(once).join('\n') }] });
    const md = render(file, 'md', 'en').text;
    const lines = md.split('\n').filter((l) => l.startsWith('- Lines ') && l.includes('`hosting-provider`'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^- Lines 1–\d+, \d+–\d+, .* and 4 more: `hosting-provider`/);
    const html = htmlText(render(file, 'html', 'fr').text);
    expect(html).toMatch(/Lignes 1–\d+, [^:]* et 4 de plus\u00a0:\s+hosting-provider/);
    // The JSON keeps every part.
    const model = JSON.parse(render(file, 'json', 'en').text) as ReportModel;
    expect(model.evidence[0]!.parts.filter((p) => p.kind === 'hosting-provider')).toHaveLength(12);
  });
});
