// `npm run bench`: one JSON line per figure ({"name","value","unit"}), each next to a baseline measured
// in the same run, so a figure reads the same on a fast or a slow machine.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { all, openDatabase, type WritableDb } from '../../src-main/core/db/sqlite';
import { loadPack, readPack } from '../../src-main/core/kb/pack';
import { search } from '../../src-main/core/kb/search';
import { memoryDb, PACK_DIR, REPO_ROOT } from '../helpers/db';
import { syntheticPack } from './kb-corpus';
import { syntheticTree } from './tree-corpus';
import { benchCases } from './bench-cases';
import { benchEvidence } from '../core/evidence/bench-evidence';
import { caseFileSchema } from '../../src-main/core/engine/case-file';
import { diagnose } from '../../src-main/core/engine/diagnose';
import { knowledge, type Knowledge } from '../../src-main/core/engine/knowledge';
import type { CaseInput } from '../../src-main/core/contract';
import { openLexo } from '../../src-main/core/lexo';
import { startWebHost } from '../../src-main/web/server';
import { launchChromium } from '../helpers/chromium';
import { RESOURCES_DIR, tempDir } from '../helpers/db';
import { RENDERER_DIR } from '../helpers/web-session';
import { mixedPaste } from '../core/evidence/bench-evidence';
import { buildReport, reportCaseFromFile } from '../../src-main/core/report/model';
import { renderModel, renderReport } from '../../src-main/core/report/render';

type Figure = { name: string; value: number; unit: string };
const figures: Figure[] = [];
function report(name: string, value: number, unit: string): void {
  const figure = { name, value: Number(value.toFixed(unit === 'x' ? 2 : 3)), unit };
  figures.push(figure);
  console.log(JSON.stringify(figure));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function benchDatabase(): void {
  const root = tempDir('lexo-bench-');
  try {
    const cold: number[] = [];
    for (let i = 0; i < 15; i++) {
      const dataDir = join(root.dir, `cold-${i}`);
      cold.push(time(() => openLexo({ dataDir, resourcesDir: RESOURCES_DIR, host: 'cli' }).close()));
    }
    const warmDir = join(root.dir, 'cold-0');
    const warm: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 40; i++) {
      warm.push(time(() => openLexo({ dataDir: warmDir, resourcesDir: RESOURCES_DIR, host: 'cli' }).close()));
      bare.push(time(() => openDatabase({ path: join(warmDir, 'lexo.sqlite') }).close()));
    }
    report('db.cold-open.create-migrate-load', median(cold), 'ms');
    report('db.warm-open', median(warm), 'ms');
    report('db.baseline.bare-sqlite-open', median(bare), 'ms');
    report('db.warm-open.vs-bare-open', median(warm) / median(bare), 'x');
  } finally {
    root.cleanup();
  }
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

type Lang = 'en' | 'fr' | 'zh-TW';
function benchQueries(): { query: string; lang: Lang }[] {
  const file = join(REPO_ROOT, 'test', 'core', 'kb', 'relevance.json');
  const set = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { query: string; lang: Lang }[]) : [];
  return [
    ...set.map(({ query, lang }) => ({ query, lang })),
    { query: 'presence owa', lang: 'en' },
    { query: 'hosting provider edge proxy', lang: 'en' },
    { query: 'free busy calendar outlook', lang: 'en' },
    { query: 'kalomi', lang: 'en' },
    { query: 'conversation history missing', lang: 'en' },
    { query: '3012345', lang: 'en' },
  ];
}

/** Search latency per query in ms, each query run `rounds` times after one warm-up run. */
function timeQueries(
  db: WritableDb,
  queries: { query: string; lang: Lang }[],
  run: (q: { query: string; lang: Lang }) => unknown,
  rounds = 5,
): number[] {
  const times: number[] = [];
  for (const q of queries) {
    run(q);
    for (let i = 0; i < rounds; i++) times.push(time(() => run(q)));
  }
  void db;
  return times;
}

/** The naive alternative: every query word as a LIKE over the stored entries. */
function likeScan(db: WritableDb, query: string): unknown[] {
  const words = query
    .split(/\s+/)
    .filter((w) => w.length > 1)
    .slice(0, 8);
  if (words.length === 0) return [];
  return all(
    db,
    `SELECT kind, id FROM kb_entry WHERE ${words.map(() => 'data LIKE ?').join(' AND ')} LIMIT 10`,
    words.map((w) => `%${w}%`),
  );
}

function benchSearch(): void {
  const loads: number[] = [];
  for (let i = 0; i < 7; i++) {
    const db = memoryDb();
    loads.push(time(() => loadPack(db, readPack(PACK_DIR))));
    db.close();
  }
  report('kb.first-run-load.shipped-pack', median(loads), 'ms');

  const queries = benchQueries();
  const shipped = memoryDb();
  loadPack(shipped, readPack(PACK_DIR));
  const small = timeQueries(shipped, queries, (q) => search(shipped, { ...q, limit: 10 }));
  report('kb.search.shipped.p50', percentile(small, 50), 'ms');
  report('kb.search.shipped.p95', percentile(small, 95), 'ms');
  shipped.close();

  const big = memoryDb();
  const loadBig = time(() => loadPack(big, syntheticPack(50_000)));
  report('kb.synthetic-50k.load', loadBig, 'ms');
  const fts = timeQueries(big, queries, (q) => search(big, { ...q, limit: 10 }));
  const like = timeQueries(big, queries, (q) => likeScan(big, q.query), 1);
  report('kb.search.50k.p50', percentile(fts, 50), 'ms');
  report('kb.search.50k.p95', percentile(fts, 95), 'ms');
  report('kb.search.50k.like-baseline.p50', percentile(like, 50), 'ms');
  report('kb.search.50k.like-baseline.p95', percentile(like, 95), 'ms');
  report('kb.search.50k.vs-like.p50', percentile(like, 50) / percentile(fts, 50), 'x');
  report('kb.search.50k.vs-like.p95', percentile(like, 95) / percentile(fts, 95), 'x');
  big.close();
}

/** Plays a case to its conclusion, answering with `pick`; the time of every engine call (one per answer). */
function playTimed(
  k: Knowledge,
  c: CaseInput,
  pick: (choices: string[], id: string) => string,
): { times: number[]; questions: number } {
  const answers: Record<string, string> = { ...(c.answers ?? {}) };
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    let result!: ReturnType<typeof diagnose>;
    times.push(time(() => (result = diagnose(k, caseFileSchema.parse({ ...c, answers }), 'en'))));
    if (result.status === 'concluded') return { times, questions: result.questionsAsked };
    answers[result.question.id] = pick(
      result.question.choices.map((x) => x.id),
      result.question.id,
    );
  }
  return { times, questions: -1 };
}

function benchEngine(): void {
  const db = memoryDb();
  loadPack(db, readPack(PACK_DIR));
  const k = knowledge(db);
  const goldenFile = join(REPO_ROOT, 'test', 'core', 'engine', 'golden.json');
  const golden = existsSync(goldenFile)
    ? (JSON.parse(readFileSync(goldenFile, 'utf8')) as { case: CaseInput; answers?: Record<string, string> }[])
    : [];
  if (k.nodes.size > 0 && golden.length > 0) {
    const times: number[] = [];
    const questions: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const g of golden) {
        const played = playTimed(k, g.case, (choices, id) => g.answers?.[id] ?? choices.at(-1)!);
        times.push(...played.times);
        if (round === 0) questions.push(played.questions);
      }
    }
    report('engine.shipped-tree.per-answer.p50', percentile(times, 50), 'ms');
    report('engine.shipped-tree.per-answer.p95', percentile(times, 95), 'ms');
    report('engine.golden.median-questions', median(questions), 'questions');
  }
  const big = syntheticTree(k, 5000);
  const random = (() => {
    let s = 7;
    return () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
  })();
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    times.push(
      ...playTimed(big, { topology: 'lync2013-onprem' }, (choices) => choices[Math.floor(random() * choices.length)]!)
        .times,
    );
  }
  report('engine.generated-tree.nodes', big.nodes.size, 'nodes');
  report('engine.generated-tree.per-answer.p50', percentile(times, 50), 'ms');
  report('engine.generated-tree.per-answer.p95', percentile(times, 95), 'ms');
  db.close();
}

function benchRendererSize(): void {
  const assets = join(RENDERER_DIR, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const raw = js.reduce((n, f) => n + readFileSync(join(assets, f)).length, 0);
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
  report('renderer.js.raw', raw / 1024, 'KB');
  report('renderer.js.gzip', gz / 1024, 'KB');
}

async function benchFirstRender(): Promise<void> {
  const data = tempDir('lexo-bench-web-');
  const baselineDir = tempDir('lexo-bench-static-');
  writeFileSync(join(baselineDir.dir, 'index.html'), '<!doctype html><p data-testid="ready">ready</p>');
  const lexo = openLexo({ dataDir: data.dir, resourcesDir: RESOURCES_DIR, host: 'web' });
  const host = await startWebHost({ api: lexo.api, rendererDir: RENDERER_DIR });
  const baselineHost = await startWebHost({ api: lexo.api, rendererDir: baselineDir.dir });
  const browser = await launchChromium();
  try {
    const measure = async (url: string, testId: string): Promise<number> => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const ms = await timeAsync(async () => {
        await page.goto(url, { waitUntil: 'commit' });
        await page.getByTestId(testId).first().waitFor({ state: 'visible' });
      });
      await context.close();
      return ms;
    };
    await measure(host.url, 'info-schema-version'); // warm the browser process, not counted
    const app: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < 7; i++) {
      app.push(await measure(host.url, 'info-schema-version'));
      baseline.push(await measure(baselineHost.url, 'ready'));
    }
    report('web.first-render.app-info', median(app), 'ms');
    report('web.baseline.static-page', median(baseline), 'ms');
    report('web.first-render.vs-static-page', median(app) / median(baseline), 'x');
  } finally {
    await browser.close();
    await host.close();
    await baselineHost.close();
    lexo.close();
    data.cleanup();
    baselineDir.cleanup();
  }
}

/**
 * Reports of a case with 1 MB of evidence and 200 trail entries. The tree asks each question once (a real walk
 * records about ten), so the 200 entries are put in the model directly. Rendering is timed per format from the
 * model; building the model (engine, evidence read from the cache, secrets masked) is timed on its own.
 */
function benchReports(): void {
  const db = memoryDb();
  loadPack(db, readPack(PACK_DIR));
  const paste = mixedPaste(1024 * 1024);
  const rc = reportCaseFromFile({
    symptom: 'OWA shows no presence',
    topology: 'lync2013-onprem',
    exchange: 'exchange-online',
    cloud: 'worldwide',
    features: { 'owa-im-presence': 'broken', 'free-busy': 'works' },
    evidence: [{ name: 'session.txt', text: paste }],
    lexo: { format: 'lexo-case', version: 1, title: 'Bench', notes: [{ text: 'A note.' }] },
  });
  // 200 trail lines come from a history this long (the walk records about 10 questions; the audit trail grows).
  const rc200 = {
    ...rc,
    history: Array.from({ length: 200 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 1, 9, i)).toISOString(),
      type: 'answered' as const,
      detail: `q-${i}=yes`,
    })),
  };
  const now = new Date();
  const built = buildReport(db, rc, 'en', now);
  const build: number[] = [];
  const redacted: number[] = [];
  for (let i = 0; i < 7; i++) {
    build.push(time(() => buildReport(db, rc, 'en', now)));
    redacted.push(time(() => buildReport(db, rc, 'en', now, { redact: true })));
  }
  const trail = Array.from({ length: 200 }, (_, i) => ({ ...built.trail[i % built.trail.length]!, id: `q-${i}` }));
  const model = { ...built, trail };
  const chars = model.evidence.reduce((n, e) => n + e.text.length, 0);
  report('report.evidence-chars', chars, 'chars');
  report('report.model.build', median(build), 'ms');
  report('report.model.build.redacted', median(redacted), 'ms');
  for (const format of ['md', 'html', 'json', 'ps1'] as const) {
    const runs: number[] = [];
    for (let i = 0; i < 15; i++) runs.push(time(() => renderModel(model, format)));
    report(`report.${format}.render`, median(runs), 'ms');
  }
  // Export as the user sees it: the case's model built and rendered. Warm: the guided flow has just read this
  // evidence (the usual case); cold: evidence nobody read yet.
  for (const format of ['md', 'html', 'json', 'ps1'] as const) {
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) runs.push(time(() => renderReport(db, rc200, { format, lang: 'en', now })));
    report(`report.${format}.export`, median(runs), 'ms');
  }
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const fresh = {
      ...rc200,
      file: { ...rc200.file, evidence: [{ name: 'session.txt', text: `${paste}\n# run ${i}` }] },
    };
    cold.push(time(() => renderReport(db, fresh, { format: 'html', lang: 'en', now })));
  }
  report('report.html.export.cold', median(cold), 'ms');
  const copy: number[] = [];
  for (let i = 0; i < 15; i++) copy.push(time(() => JSON.stringify(model)));
  report('report.baseline.json-stringify', median(copy), 'ms');
  db.close();
}

export async function runBench(): Promise<Figure[]> {
  benchDatabase();
  benchSearch();
  benchEngine();
  for (const f of benchEvidence()) report(f.name, f.value, f.unit);
  await benchCases(report);
  benchReports();
  benchRendererSize();
  await benchFirstRender();
  return figures;
}
