// Hits into findings: one per article, as strong as its best evidence, pointing at the article (conclusion, KB
// number, commands) with the lines that matched. An article for other deployments than the case's is shown as
// information when its evidence is strong, and not at all when it is weak: the paste may belong to another
// customer, or the case's topology may be wrong, and either way the article must not steer the diagnosis.
import type { Finding, FindingLine } from '../../contract';
import type { EvidenceContext } from '../rules/context';
import { TOPOLOGY_LABEL } from '../rules/context';
import { listText } from '../rules/outcome';
import { TIER_RANK, type ArticleInfo, type SignatureHit, type SignatureSet } from './types';

export interface ItemHits {
  name: string;
  hits: SignatureHit[];
}

const MAX_LINES = 6;
const MAX_NAMED = 4;

interface Located extends SignatureHit {
  item: string;
  order: number;
}

/** Why the article does not fit the case, or undefined when it does (or the case does not say). */
export function outsideAppliesTo(a: ArticleInfo, ctx: EvidenceContext): string | undefined {
  if (ctx.topology && a.topologies.length && !a.topologies.includes(ctx.topology)) {
    return `The article is for ${listText(a.topologies.map((t) => TOPOLOGY_LABEL[t as keyof typeof TOPOLOGY_LABEL] ?? t))}, and this case is ${TOPOLOGY_LABEL[ctx.topology]}: check the case's topology before following it.`;
  }
  if (ctx.exchange && a.exchange.length && !a.exchange.includes(ctx.exchange)) {
    return `The article is for ${listText(a.exchange)}, and this case says ${ctx.exchange}: check the case before following it.`;
  }
  if (ctx.cloud && a.clouds.length && !a.clouds.includes(ctx.cloud)) {
    return `The article is for the ${listText(a.clouds)} cloud, and this case says ${ctx.cloud}: check the case before following it.`;
  }
  return undefined;
}

const where = (h: Located) =>
  `${h.item} ${h.from === h.to ? `line ${h.from}` : `lines ${h.from}–${h.to}`}${h.count > 1 ? `, ${h.count} times` : ''}`;

const named = (h: Located) => (h.kind === 'event' || h.kind === 'diagnostic' ? h.what : `"${h.what}"`);

function message(a: ArticleInfo, shown: Located[], weak: boolean, outside: string | undefined): string {
  const title = a.title.en ?? Object.values(a.title)[0] ?? a.id;
  const first = shown.slice(0, MAX_NAMED).map((h) => `${named(h)} (${where(h)})`);
  const more = shown.length > MAX_NAMED ? [`${shown.length - MAX_NAMED} more`] : [];
  const kb = a.kb ? ` (KB ${a.kb})` : '';
  const parts = [
    `The evidence shows ${listText([...first, ...more])}, as described in the support article "${title}"${kb}.`,
  ];
  if (weak)
    parts.push(
      'These are weaker signs (a setting, a short message or a code without its text): confirm with the article before acting.',
    );
  if (a.removedOn) parts.push(`Microsoft removed this article on ${a.removedOn}; LEXO keeps its text.`);
  if (a.retiredProduct) parts.push('It concerns a retired product.');
  if (outside) parts.push(outside);
  return parts.join(' ');
}

/** One finding per article whose signatures the evidence shows, in the order of the pack. */
export function articleFindings(items: ItemHits[], set: SignatureSet, ctx: EvidenceContext = {}): Finding[] {
  const byArticle = new Map<string, Located[]>();
  let order = 0;
  for (const item of items) {
    for (const h of item.hits) {
      const list = byArticle.get(h.article) ?? [];
      list.push({ ...h, item: item.name, order: order++ });
      byArticle.set(h.article, list);
    }
  }
  const out: Finding[] = [];
  for (const a of set.articles) {
    const hits = byArticle.get(a.id);
    if (!hits) continue;
    const best = Math.max(...hits.map((h) => TIER_RANK[h.tier]));
    // A status line or two common words never makes a finding alone.
    if (best === TIER_RANK.corroborating) continue;
    const outside = outsideAppliesTo(a, ctx);
    if (outside && best < TIER_RANK.strong) continue;
    const severity: Finding['severity'] = outside ? 'info' : best === TIER_RANK.strong ? 'error' : 'warning';
    const shown = hits.sort((x, y) => TIER_RANK[y.tier] - TIER_RANK[x.tier] || x.order - y.order);
    // Two signatures on the same lines (a code and its reason) show those lines once.
    const lines: FindingLine[] = [];
    const listed = new Set<string>();
    for (const h of shown) {
      const key = `${h.item}\u0001${h.from}\u0001${h.to}`;
      if (listed.has(key) || lines.length >= MAX_LINES) continue;
      listed.add(key);
      lines.push({ item: h.item, from: h.from, to: h.to, text: h.text });
    }
    out.push({
      id: `article-evidence-${a.id}`,
      severity,
      conclusion: a.id,
      message: message(a, shown, best < TIER_RANK.strong, outside),
      kb: a.kb ? [a.kb] : [],
      fix: a.fix,
      lines,
    });
  }
  return out;
}

/**
 * The rules' findings and the articles' together. Where a rule already concludes on the article (the
 * Test-CsExStorageConnectivity rule on invalid_tenant), its finding stays and gets the article's lines.
 */
export function withArticleFindings(rules: Finding[], articles: Finding[]): Finding[] {
  if (articles.length === 0) return rules;
  const byConclusion = new Map(articles.map((f) => [f.conclusion, f]));
  const merged = rules.map((f) => {
    const a = byConclusion.get(f.conclusion);
    if (!a) return f;
    byConclusion.delete(f.conclusion);
    return f.lines ? f : { ...f, lines: a.lines ?? [] };
  });
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...merged, ...byConclusion.values()]
    .map((f, i) => ({ f, i }))
    .sort((x, y) => rank[x.f.severity] - rank[y.f.severity] || x.i - y.i)
    .map(({ f }) => f);
}
