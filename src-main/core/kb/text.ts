// Text processing shared by the index and the queries, so both see the same tokens: diacritics folded,
// lower case, camelCase and Verb-Noun names split, light stemming for English and French, CJK as bigrams.

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+/g;

/** Lower case, no diacritics, typographic apostrophes as plain ones. */
export function fold(text: string): string {
  // Most tokens are plain ASCII: lower-casing is all they need (NFKD is the costly part of loading a pack).
  if (!/[^\u0020-\u007e]/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase();
}

const STOPWORDS = new Set(
  (
    'a an the is are was were be been am do does did to of in on at by for from with and or as it its this that these those my our your ' +
    'i we you he she they me us them his her their there here what which who when where why how can could should would will shall ' +
    'has have had if then than so too very just also into out up about after before while' +
    ' le la les un une des de du d l et ou en dans sur pour par au aux a est sont etait ete il elle ils elles on qui que quoi ce cet cette ces ' +
    'se s son sa ses leur leurs mon ma mes ton ta tes nous vous y avec sans plus tres tout tous toute toutes quand comme mais donc car c j je me m' +
    // KB numbers are looked up on their own; the letters before them carry nothing.
    ' kb'
  ).split(/\s+/),
);

/** Words that make a query read like a complaint: symptoms then come first. */
const COMPLAINT_WORDS = new Set(
  (
    "not no cannot can't cant doesn't doesnt don't dont isn't isnt won't wont didn't didnt never missing broken fail fails failed failing " +
    'error errors unable empty wrong blank gone disappeared stuck greyed grayed dimmed unavailable offline lost prompt prompted ' +
    'pas plus aucun aucune impossible manque manquant manquante erreur echec echoue vide absent absente disparu bloque ne n'
  ).split(/\s+/),
);
const COMPLAINT_CJK = /無法|沒有|不能|不會|沒|不|失敗|錯誤|找不到|消失|空白|缺少|無/;

export function readsLikeComplaint(query: string): boolean {
  if (COMPLAINT_CJK.test(query)) return true;
  return fold(query)
    .split(/[^a-z0-9']+/)
    .some((w) => COMPLAINT_WORDS.has(w));
}

const SUFFIXES = [
  'ements',
  'ement',
  'ations',
  'ation',
  'ages',
  'age',
  'ings',
  'ing',
  'ies',
  'ees',
  'ee',
  'es',
  'ed',
  's',
  'e',
];

/** A light stemmer for English and French: enough to meet plurals, feminines and -ing forms half-way. */
export function stem(word: string): string {
  if (word.length < 5 || /\d/.test(word)) return word;
  for (const suffix of SUFFIXES) {
    // -age only on long words: adressage → adress, but partage → partag (as partagée).
    const min = suffix.startsWith('age') ? 5 : 4;
    if (word.endsWith(suffix) && word.length - suffix.length >= min) {
      return suffix === 'ies' ? `${word.slice(0, -3)}y` : word.slice(0, -suffix.length);
    }
  }
  return word;
}

function cjkBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Parts of a technical name: New-CsHostingProvider → new, cs, hosting, provider, cshostingprovider, newcshostingprovider. */
function nameParts(word: string): string[] {
  const pieces = word.split(/[-_.]/).filter(Boolean);
  const camel = pieces.flatMap((p) => p.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/));
  const out = new Set<string>();
  for (const p of camel) out.add(p);
  for (const p of pieces) out.add(p);
  if (pieces.length > 1) out.add(pieces.join(''));
  return [...out];
}

export interface TokenOptions {
  /** Drop stopwords (queries); the index keeps them out too, so both agree. */
  stopwords?: boolean;
}

/** Index tokens of one word as written (case kept for camelCase); cached, since a pack repeats its words. */
interface WordTokens {
  /** Folded parts, for the stopword check. */
  folded: string[];
  stems: string[];
}
const wordCache = new Map<string, WordTokens>();
function wordTokens(raw: string): WordTokens {
  let cached = wordCache.get(raw);
  if (cached) return cached;
  const parts = /[-_.]|[a-z][A-Z]/.test(raw) ? nameParts(raw) : raw.split("'");
  const out: string[] = [];
  for (const part of parts) {
    const f = fold(part).replace(/[^a-z0-9]+/g, '');
    // A lone letter (the t of can't) says nothing and, as a prefix, would match everything.
    if (f.length >= 2) out.push(f);
  }
  cached = { folded: out, stems: out.map(stem) };
  if (wordCache.size > 100_000) wordCache.clear();
  wordCache.set(raw, cached);
  return cached;
}

/** Tokens of a text for the words index and for word queries. */
export function tokens(text: string, { stopwords = true }: TokenOptions = {}): string[] {
  const out: string[] = [];
  // Latin-script words and technical names first, on the original case to see camelCase.
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\-_.']*/gu)) {
    const raw = m[0].replace(/[-_.']+$/, '');
    if (CJK.test(raw)) continue;
    const { folded, stems } = wordTokens(raw);
    for (let i = 0; i < stems.length; i++) {
      if (stopwords && STOPWORDS.has(folded[i]!)) continue;
      out.push(stems[i]!);
    }
  }
  for (const run of text.match(CJK_RUN) ?? []) out.push(...cjkBigrams(run));
  return out;
}

/** The folded text for the trigram index: substrings of names and error strings. */
export function fuzzyText(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

/** Trigrams of the query words long enough to have one, for near-miss search. */
export function queryTrigrams(query: string): string[] {
  const set = new Set<string>();
  for (const word of fold(query).split(/[^\p{L}\p{N}]+/u)) {
    const chars = [...word];
    for (let i = 0; i + 3 <= chars.length; i++) set.add(chars.slice(i, i + 3).join(''));
  }
  return [...set];
}
