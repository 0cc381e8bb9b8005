// The report as one self-contained HTML page: inline CSS (with print rules, so the host prints it to PDF as it is),
// no script, no image, nothing fetched; the only links are the KB articles' Microsoft documentation pages. Every
// text is escaped, and a Content-Security-Policy forbids scripts should anything slip through.
import { isDocLink } from '../contract';
import { groupParts, lineRanges } from './evidence-view';
import { formatTime, oneLine } from './format';
import { labelsFor } from './labels';
import type { ReportCommand, ReportModel } from './model';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values; control characters other than tab and line breaks are dropped. */
export function esc(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped
  return text.replace(/[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => ENTITIES[c] ?? '');
}

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 60rem; padding: 1.5rem 2rem 3rem; color: #1b1b1b; background: #fff;
  font: 15px/1.5 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial,
    "Microsoft JhengHei", "PingFang TC", "Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", sans-serif;
}
h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #0f6cbd; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.notice { border-left: 4px solid #bc4b09; background: #fff4ec; padding: .5rem .8rem; margin: 1rem 0; }
.muted { color: #555; }
/* Short cells (a source, a time) stay on one line: CJK text would otherwise break after every character. */
.nowrap { white-space: nowrap; }
.pre-wrap { white-space: pre-wrap; overflow-wrap: anywhere; }
pre, code { font-family: Consolas, "Cascadia Mono", Menlo, "DejaVu Sans Mono", "Noto Sans Mono CJK TC", monospace; }
pre { background: #f5f5f5; border: 1px solid #ddd; padding: .6rem .8rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; }
code { font-size: .9em; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #ddd; padding: .3rem .5rem; }
th { background: #f0f0f0; }
.sev-error { color: #b10e1c; font-weight: 600; }
.sev-warning { color: #8a5300; font-weight: 600; }
.step-missing { color: #b10e1c; font-weight: 600; }
.step-done { color: #0e7a0d; }
ol.commands > li { margin-bottom: .8rem; }
a { color: #0f6cbd; }
footer { margin-top: 2.5rem; border-top: 1px solid #ddd; padding-top: .6rem; font-size: .85rem; color: #555; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  tr, .notice, ol.commands > li { break-inside: avoid; }
  pre { border-color: #bbb; background: none; font-size: 8.5pt; }
  a { color: inherit; text-decoration: underline; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; color: #555; overflow-wrap: anywhere; }
  .evidence-text { break-before: page; }
}
`;

function commandList(commands: ReportCommand[], runOnLabel: string, fillLabel: string, C: string): string {
  const items = commands.map(
    (c) =>
      `<li>${c.caption ? `<p>${esc(c.caption)}</p>` : ''}` +
      `${c.runOn ? `<p class="muted"><strong>${esc(runOnLabel)}${C.trimEnd()}</strong> ${esc(c.runOn)}</p>` : ''}` +
      `${c.unfilled.length ? `<p><strong>${esc(fillLabel)}${C.trimEnd()}</strong> ${c.unfilled.map((n) => `<code>&lt;${esc(n)}&gt;</code>`).join(', ')}</p>` : ''}` +
      `<pre><code>${esc(c.command)}</code></pre></li>`,
  );
  return `<ol class="commands">${items.join('\n')}</ol>`;
}

export function renderHtml(model: ReportModel): string {
  const L = labelsFor(model.lang);
  const F = L.fields;
  const C = L.colon;
  const title = `${L.reportTitle}${L.colon}${oneLine(model.case.title || model.summary.symptom || '—')}`;
  const body: string[] = [];
  const section = (id: string, heading: string, content: string) =>
    body.push(`<section id="${id}">\n<h2>${esc(heading)}</h2>\n${content}\n</section>`);
  const none = `<p class="muted">${esc(L.none)}</p>`;
  const unknown = `<span class="muted">${esc(L.unknown)}</span>`;
  const meta = (pairs: [string, string][]) =>
    `<dl class="meta">${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;

  const head: [string, string][] = [];
  if (model.case.customer) head.push([F.customer, esc(model.case.customer)]);
  if (model.case.ticket) head.push([F.ticket, esc(model.case.ticket)]);
  head.push([F.status, esc(L.caseStatus[model.case.status])]);
  if (model.case.createdAt) head.push([F.created, esc(formatTime(model.case.createdAt))]);
  if (model.case.updatedAt) head.push([F.updated, esc(formatTime(model.case.updatedAt))]);
  if (model.case.closedAt) head.push([F.closed, esc(formatTime(model.case.closedAt))]);
  head.push([F.generated, `${esc(formatTime(model.generatedAt))} (${esc(model.generator)})`]);
  body.push(`<header>\n<h1>${esc(title)}</h1>\n${meta(head)}\n</header>`);
  if (model.redacted) body.push(`<p class="notice">${esc(L.redacted)}</p>`);
  if (model.secretsMasked) body.push(`<p class="notice">${esc(L.secretsMasked(model.secretsMasked))}</p>`);

  const summary: [string, string][] = [
    [F.symptom, model.summary.symptom ? `<span class="pre-wrap">${esc(model.summary.symptom)}</span>` : unknown],
    [F.topology, model.summary.topology ? esc(model.summary.topology.title) : unknown],
  ];
  if (model.summary.conclusion) {
    const c = model.summary.conclusion;
    summary.push([F.conclusion, `<strong>${esc(c.title)}</strong> <code>${esc(c.id)}</code>`]);
  }
  section(
    'summary',
    L.sections.summary,
    meta(summary) +
      `\n<p class="pre-wrap">${esc(model.summary.conclusion ? model.summary.conclusion.summary : L.openSummary)}</p>`,
  );

  const env = model.environment;
  const envPairs: [string, string][] = [
    [F.topology, env.topology ? esc(env.topology.title) : unknown],
    [F.exchange, env.exchange ? esc(env.exchange.title) : unknown],
    [F.cloud, env.cloud ? esc(env.cloud.title) : unknown],
    [F.dirsync, esc(env.dirsync === null ? L.unknown : env.dirsync ? L.yes : L.no)],
  ];
  if (env.features.length) {
    envPairs.push([
      F.features,
      `<ul>${env.features.map((f) => `<li>${esc(f.title)}${C}${esc(L.featureState[f.state])}</li>`).join('')}</ul>`,
    ]);
  }
  if (env.names.length) {
    envPairs.push([
      F.names,
      `<ul>${env.names.map((n) => `<li>${esc(L.name[n.field])}${C}<code>${esc(n.value)}</code> <span class="muted">(${esc(L.source[n.source])})</span></li>`).join('')}</ul>`,
    ]);
  }
  if (env.facts.length) {
    envPairs.push([
      F.facts,
      `<ul>${env.facts.map((f) => `<li><code>${esc(f.name)}</code> = <code>${esc(f.value)}</code> <span class="muted">(${esc(L.source[f.source])})</span></li>`).join('')}</ul>`,
    ]);
  }
  section('environment', L.sections.environment, meta(envPairs));

  section(
    'evidence',
    L.sections.evidence,
    model.evidence.length
      ? model.evidence
          .map((e) => {
            const added = e.addedAt ? `, ${esc(F.added)} ${esc(formatTime(e.addedAt))}` : '';
            const parts = groupParts(e.parts).map((p) => {
              const what = p.kind === 'not-recognized' ? esc(L.notRecognized) : `<code>${esc(p.kind)}</code>`;
              const details = [
                p.command ? `<code>${esc(p.command)}</code>` : '',
                p.incomplete ? esc(L.incomplete) : '',
                p.empty ? esc(L.emptyOutput) : '',
                Object.keys(p.facts).length
                  ? `${esc(F.factsRead)}${C}${Object.entries(p.facts)
                      .map(([k, v]) => `<code>${esc(k)}</code> = <code>${esc(v)}</code>`)
                      .join(', ')}`
                  : '',
                ...(p.errors ?? []).map((err) => `${esc(F.errors)}${C}<span class="pre-wrap">${esc(err)}</span>`),
                p.message ? `<span class="pre-wrap">${esc(p.message)}</span>` : '',
              ].filter(Boolean);
              return `<li>${esc(F.lines)} ${esc(lineRanges(p.lines, L.more))}${C}${what}${details.length ? `<br>${details.join('<br>')}` : ''}</li>`;
            });
            return `<h3>${esc(e.name)}</h3>\n<p class="muted">${e.characters} ${esc(F.characters)}${added}</p>\n<ul>${parts.join('\n')}</ul>`;
          })
          .join('\n')
      : none,
  );

  section(
    'findings',
    L.sections.findings,
    model.findings.length
      ? `<ul>${model.findings
          .map(
            (f) =>
              `<li><span class="sev-${f.severity}">${esc(L.severity[f.severity])}</span> <code>${esc(f.conclusion)}</code>` +
              `${f.kb.length ? ` (${esc(F.kb)} ${esc(f.kb.join(', '))})` : ''}${C}<span class="pre-wrap">${esc(f.message)}</span>` +
              `${f.fix.length ? `<pre><code>${esc(f.fix.join('\n'))}</code></pre>` : ''}</li>`,
          )
          .join('\n')}</ul>`
      : none,
  );

  section(
    'trail',
    L.sections.trail,
    model.trail.length
      ? `<table><thead><tr><th>#</th><th>${esc(F.question)}</th><th>${esc(F.answer)}</th><th class="nowrap">${esc(F.source)}</th></tr></thead><tbody>${model.trail
          .map(
            (t, i) =>
              `<tr><td>${i + 1}</td><td>${esc(t.question)}</td><td>${esc(t.answer)}</td><td class="nowrap">${esc(L.source[t.source])}</td></tr>`,
          )
          .join('\n')}</tbody></table>`
      : none,
  );

  section(
    'steps',
    L.sections.steps,
    `<ul>${model.steps.map((s) => `<li>${esc(s.title)}${C}<span class="step-${s.status}">${esc(L.stepStatus[s.status])}</span></li>`).join('')}</ul>`,
  );

  if (model.conclusion) {
    const c = model.conclusion;
    section(
      'conclusion',
      L.sections.conclusion,
      `<p><strong>${esc(c.title)}</strong> <code>${esc(c.id)}</code></p>\n<p class="pre-wrap">${esc(c.summary)}</p>\n` +
        `<h3>${esc(F.why)}</h3>\n<p class="pre-wrap">${esc(c.explanation)}</p>` +
        (c.confirm ? `\n<h3>${esc(F.confirm)}</h3>\n<p class="pre-wrap">${esc(c.confirm)}</p>` : ''),
    );
    section(
      'fix',
      L.sections.fix,
      model.fix.length ? commandList(model.fix, F.runOn, F.fillIn, C) : `<p class="muted">${esc(L.noFix)}</p>`,
    );
    section('verify', L.sections.verify, model.verify.length ? commandList(model.verify, F.runOn, F.fillIn, C) : none);
  } else if (model.open) {
    const o = model.open;
    section(
      'open',
      L.sections.open,
      `<p>${esc(L.openSummary)}</p>\n<p><strong>${esc(o.question)}</strong></p>` +
        (o.help ? `\n<p class="pre-wrap">${esc(o.help)}</p>` : '') +
        `\n<p class="muted">${esc(o.why)}</p>\n<p>${esc(F.choices)}${C.trimEnd()}</p>\n<ul>${o.choices.map((ch) => `<li>${esc(ch)}</li>`).join('')}</ul>`,
    );
    section(
      'checks',
      L.sections.checks,
      model.checks.length ? commandList(model.checks, F.runOn, F.fillIn, C) : `<p class="muted">${esc(L.noChecks)}</p>`,
    );
  }

  section(
    'references',
    L.sections.references,
    model.references.length
      ? `<ul>${model.references
          .map((r) => {
            const name = esc(`${r.kb ? `KB ${r.kb}${C}` : ''}${r.title}`);
            if (r.url && isDocLink(r.url))
              return `<li><a href="${esc(r.url)}" rel="noreferrer noopener">${name}</a></li>`;
            if (r.removed) {
              return `<li>${name} <span class="muted">— ${esc(F.removedArticle)}${C}<code>${esc(`${r.removed.repo}/${r.removed.path} @ ${r.removed.commit} (${r.removed.date})`)}</code></span></li>`;
            }
            return `<li>${name}</li>`;
          })
          .join('\n')}</ul>`
      : none,
  );

  section(
    'notes',
    L.sections.notes,
    model.notes.length
      ? model.notes
          .map(
            (n) =>
              `<article class="note">${n.createdAt ? `<p class="muted">${esc(formatTime(n.createdAt))}</p>` : ''}<p class="pre-wrap">${esc(n.text)}</p></article>`,
          )
          .join('\n')
      : none,
  );

  if (model.history.length) {
    section(
      'history',
      L.sections.history,
      `<table><thead><tr><th>${esc(F.when)}</th><th>${esc(F.event)}</th><th>${esc(F.detail)}</th></tr></thead><tbody>${model.history
        .map(
          (h) =>
            `<tr><td class="nowrap">${esc(formatTime(h.at))}</td><td>${esc(L.event[h.type])}</td><td class="pre-wrap">${esc(h.detail)}</td></tr>`,
        )
        .join('\n')}</tbody></table>`,
    );
  }

  if (model.evidence.length) {
    body.push(
      `<section id="evidence-text" class="evidence-text">\n<h2>${esc(L.sections.evidenceText)}</h2>\n` +
        model.evidence.map((e) => `<h3>${esc(e.name)}</h3>\n<pre>${esc(e.text)}</pre>`).join('\n') +
        '\n</section>',
    );
  }

  body.push(
    `<footer><p>${esc(L.neverRuns)}</p><p>${esc(L.generatedBy(model.generator.replace(/^LEXO /, ''), formatTime(model.generatedAt)))}</p></footer>`,
  );

  return [
    '<!doctype html>',
    `<html lang="${esc(model.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${esc(model.generator)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
