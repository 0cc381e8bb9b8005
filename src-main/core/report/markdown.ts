// The report as Markdown (CommonMark with GitHub's tables left out, so it reads the same anywhere). Text people
// typed is escaped so a note cannot make a heading, a link, a list or HTML; pasted evidence and commands go in
// fenced blocks whose fence is longer than any backtick run inside.
import { isDocLink } from '../contract';
import { groupParts, lineRanges } from './evidence-view';
import { formatTime, lf, oneLine } from './format';
import { labelsFor } from './labels';
import type { ReportCommand, ReportModel } from './model';

/** Characters that mean something inline (emphasis, code, links, HTML, entities, tables, strikethrough). */
const INLINE = /[\\`*_[\]<>&|~]/g;

/** What only means something at the start of a line: headings, quotes, list items, setext underlines. */
function escapeLineStart(line: string): string {
  if (/^[#>+\-=]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d+)([.)])/, '$1\\$2');
}

/** User text on one line (titles, names, values). */
export function mdInline(text: string): string {
  return escapeLineStart(oneLine(text).replace(INLINE, '\\$&'));
}

// eslint-disable-next-line no-control-regex -- control characters are dropped from what is shown
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** User text of several lines (notes): every line escaped; lines kept as hard breaks, blank lines as paragraphs. */
export function mdText(text: string): string {
  const lines = lf(text)
    .split('\n')
    .map((line) => escapeLineStart(line.replace(CONTROL, ' ').trim().replace(INLINE, '\\$&')));
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line) paragraphs.at(-1)!.push(line);
    else if (paragraphs.at(-1)!.length) paragraphs.push([]);
  }
  return paragraphs
    .filter((p) => p.length)
    .map((p) => p.join('  \n'))
    .join('\n\n');
}

/** A fenced block that nothing inside can close: the fence is longer than the longest backtick run. */
export function mdFence(text: string, info = ''): string {
  // Only runs of three or more backticks can close a fence of three: most texts have none.
  let longest = 0;
  for (let at = text.indexOf('```'); at >= 0; at = text.indexOf('```', at)) {
    let end = at;
    while (text.charCodeAt(end) === 96) end++;
    longest = Math.max(longest, end - at);
    at = end;
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${lf(text)}\n${fence}`;
}

/** Link targets: Microsoft documentation only, with the characters that would end a Markdown link encoded. */
const mdUrl = (url: string) => url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function commandBlocks(commands: ReportCommand[], runOnLabel: string, fillLabel: string, C: string): string[] {
  return commands.flatMap((c, i) => [
    `${i + 1}. ${c.caption ? mdInline(c.caption) : ''}`.trimEnd(),
    ...(c.runOn ? ['', `   *${mdInline(runOnLabel)}${C.trimEnd()}* ${mdInline(c.runOn)}`] : []),
    ...(c.unfilled.length
      ? ['', `   *${mdInline(fillLabel)}${C.trimEnd()}* ${c.unfilled.map((n) => `\`<${n}>\``).join(', ')}`]
      : []),
    '',
    mdFence(c.command, 'powershell')
      .split('\n')
      .map((l) => `   ${l}`)
      .join('\n'),
    '',
  ]);
}

export function renderMarkdown(model: ReportModel): string {
  const L = labelsFor(model.lang);
  const F = L.fields;
  const C = L.colon;
  const out: string[] = [];
  const h2 = (title: string) => out.push('', `## ${mdInline(title)}`, '');
  const colon = L.colon.trimEnd();
  const item = (label: string, value: string) => out.push(`- **${mdInline(label)}${colon}** ${value}`.trimEnd());
  const none = () => out.push(`*${mdInline(L.none)}*`);

  out.push(`# ${mdInline(L.reportTitle)}${L.colon}${mdInline(model.case.title || model.summary.symptom || '—')}`, '');
  if (model.case.customer) item(F.customer, mdInline(model.case.customer));
  if (model.case.ticket) item(F.ticket, mdInline(model.case.ticket));
  item(F.status, mdInline(L.caseStatus[model.case.status]));
  if (model.case.createdAt) item(F.created, formatTime(model.case.createdAt));
  if (model.case.updatedAt) item(F.updated, formatTime(model.case.updatedAt));
  if (model.case.closedAt) item(F.closed, formatTime(model.case.closedAt));
  item(F.generated, `${formatTime(model.generatedAt)} (${mdInline(model.generator)})`);
  if (model.redacted || model.secretsMasked) out.push('');
  if (model.redacted) out.push(`> **${mdInline(L.redacted)}**`);
  if (model.redacted && model.secretsMasked) out.push('>');
  if (model.secretsMasked) out.push(`> **${mdInline(L.secretsMasked(model.secretsMasked))}**`);

  h2(L.sections.summary);
  item(F.symptom, model.summary.symptom ? mdInline(model.summary.symptom) : `*${mdInline(L.unknown)}*`);
  item(F.topology, model.summary.topology ? mdInline(model.summary.topology.title) : `*${mdInline(L.unknown)}*`);
  if (model.summary.conclusion) {
    item(F.conclusion, `**${mdInline(model.summary.conclusion.title)}** (\`${model.summary.conclusion.id}\`)`);
    out.push('', mdText(model.summary.conclusion.summary));
  } else {
    out.push('', mdText(L.openSummary));
  }

  h2(L.sections.environment);
  const env = model.environment;
  item(F.topology, env.topology ? mdInline(env.topology.title) : `*${mdInline(L.unknown)}*`);
  item(F.exchange, env.exchange ? mdInline(env.exchange.title) : `*${mdInline(L.unknown)}*`);
  item(F.cloud, env.cloud ? mdInline(env.cloud.title) : `*${mdInline(L.unknown)}*`);
  item(F.dirsync, mdInline(env.dirsync === null ? L.unknown : env.dirsync ? L.yes : L.no));
  if (env.features.length) {
    item(F.features, '');
    for (const f of env.features) out.push(`  - ${mdInline(f.title)}${C}${mdInline(L.featureState[f.state])}`);
  }
  if (env.names.length) {
    item(F.names, '');
    for (const n of env.names) {
      out.push(
        `  - ${mdInline(L.name[n.field])}${C}\`${n.value.replace(/`/g, '')}\` (${mdInline(L.source[n.source])})`,
      );
    }
  }
  if (env.facts.length) {
    item(F.facts, '');
    for (const f of env.facts) out.push(`  - \`${f.name}\` = \`${f.value}\` (${mdInline(L.source[f.source])})`);
  }

  h2(L.sections.evidence);
  if (!model.evidence.length) none();
  for (const e of model.evidence) {
    const added = e.addedAt ? `, ${mdInline(F.added)} ${formatTime(e.addedAt)}` : '';
    out.push(`### ${mdInline(e.name)}`, '', `*${e.characters} ${mdInline(F.characters)}${added}*`, '');
    for (const p of groupParts(e.parts)) {
      const what = p.kind === 'not-recognized' ? mdInline(L.notRecognized) : `\`${p.kind}\``;
      const command = p.command ? ` — ${mdInline(p.command)}` : '';
      out.push(`- ${mdInline(F.lines)} ${mdInline(lineRanges(p.lines, L.more))}${C}${what}${command}`);
      if (p.incomplete) out.push(`  - ${mdInline(L.incomplete)}`);
      if (p.empty) out.push(`  - ${mdInline(L.emptyOutput)}`);
      const facts = Object.entries(p.facts);
      if (facts.length)
        out.push(`  - ${mdInline(F.factsRead)}${C}${facts.map(([k, v]) => `\`${k}\` = \`${v}\``).join(', ')}`);
      for (const err of p.errors ?? []) out.push(`  - ${mdInline(F.errors)}${C}${mdInline(err)}`);
      if (p.message) out.push(`  - ${mdInline(p.message)}`);
    }
    out.push('');
  }

  h2(L.sections.findings);
  if (!model.findings.length) none();
  for (const f of model.findings) {
    const kb = f.kb.length ? ` (${F.kb} ${f.kb.join(', ')})` : '';
    out.push(`- **${mdInline(L.severity[f.severity])}** \`${f.conclusion}\`${kb}${C}${mdInline(f.message)}`);
    if (f.fix.length) out.push('', mdFence(f.fix.join('\n'), 'powershell').replace(/^/gm, '  '), '');
  }

  h2(L.sections.trail);
  if (!model.trail.length) none();
  model.trail.forEach((t, i) => {
    out.push(`${i + 1}. ${mdInline(t.question)} — **${mdInline(t.answer)}** (${mdInline(L.source[t.source])})`);
  });

  h2(L.sections.steps);
  for (const s of model.steps) out.push(`- ${mdInline(s.title)}${C}${mdInline(L.stepStatus[s.status])}`);

  if (model.conclusion) {
    const c = model.conclusion;
    h2(L.sections.conclusion);
    out.push(`**${mdInline(c.title)}** (\`${c.id}\`)`, '', mdText(c.summary), '', `**${mdInline(F.why)}**`, '');
    out.push(mdText(c.explanation));
    if (c.confirm) out.push('', `**${mdInline(F.confirm)}**`, '', mdText(c.confirm));
    h2(L.sections.fix);
    if (model.fix.length) out.push(...commandBlocks(model.fix, F.runOn, F.fillIn, C));
    else out.push(`*${mdInline(L.noFix)}*`);
    h2(L.sections.verify);
    if (model.verify.length) out.push(...commandBlocks(model.verify, F.runOn, F.fillIn, C));
    else none();
  } else if (model.open) {
    h2(L.sections.open);
    out.push(mdText(L.openSummary), '', `**${mdInline(model.open.question)}**`);
    if (model.open.help) out.push('', mdText(model.open.help));
    out.push('', mdText(model.open.why), '', `${mdInline(F.choices)}${C.trimEnd()}`, '');
    for (const choice of model.open.choices) out.push(`- ${mdInline(choice)}`);
    h2(L.sections.checks);
    if (model.checks.length) out.push(...commandBlocks(model.checks, F.runOn, F.fillIn, C));
    else out.push(`*${mdInline(L.noChecks)}*`);
  }

  h2(L.sections.references);
  if (!model.references.length) none();
  for (const r of model.references) {
    const name = `${r.kb ? `KB ${r.kb}${C}` : ''}${r.title}`;
    if (r.url && isDocLink(r.url)) out.push(`- [${mdInline(name)}](${mdUrl(r.url)})`);
    else if (r.removed) {
      const source = `${r.removed.repo}/${r.removed.path} @ ${r.removed.commit} (${r.removed.date})`;
      out.push(`- ${mdInline(name)} — ${mdInline(F.removedArticle)}${C}\`${source.replace(/`/g, '')}\``);
    } else out.push(`- ${mdInline(name)}`);
  }

  h2(L.sections.notes);
  if (!model.notes.length) none();
  for (const n of model.notes) {
    if (n.createdAt) out.push(`*${formatTime(n.createdAt)}*`, '');
    out.push(mdText(n.text), '', '---', '');
  }

  if (model.history.length) {
    h2(L.sections.history);
    for (const h of model.history) {
      const detail = h.detail ? `: ${mdInline(h.detail)}` : '';
      out.push(`- ${formatTime(h.at)} — ${mdInline(L.event[h.type])}${detail}`);
    }
  }

  if (model.evidence.length) {
    h2(L.sections.evidenceText);
    for (const e of model.evidence) out.push(`### ${mdInline(e.name)}`, '', mdFence(e.text, 'text'), '');
  }

  out.push('', '---', '', `*${mdInline(L.neverRuns)}*`, '');
  out.push(`*${mdInline(L.generatedBy(model.generator.replace(/^LEXO /, ''), formatTime(model.generatedAt)))}*`, '');
  return out.join('\n');
}
