// A synthetic knowledge base of N articles for the search benchmark: domain words mixed with a long tail of
// generated words, as a real article collection has, deterministic from a seed.
import { ENTRY_KINDS } from '../../src-main/core/kb/pack-schema';
import type { Pack } from '../../src-main/core/kb/pack';
import type { LoadedEntries } from '../../src-main/core/kb/validate';

const DOMAIN = (
  'lync skype business online exchange outlook web app owa presence instant messaging im meeting online link calendar ' +
  'free busy out office conversation history contact card photo resolution unified store list mailbox server edge ' +
  'hosting provider proxy fqdn federation dns srv record autodiscover ews certificate oauth partner application ' +
  'replication central management voice mail unified messaging policy external access user sign error client ' +
  'hybrid premises tenant domain sip address attribute directory synchronization credentials prompt'
).split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeWords(random: () => number, n: number): string[] {
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ren',
    'tas',
    'vo',
    'pe',
    'dri',
    'sul',
    'qua',
    'ne',
    'xi',
    'bor',
    'fen',
    'gu',
    'hal',
  ];
  return Array.from({ length: n }, () => {
    const len = 2 + Math.floor(random() * 3);
    return Array.from({ length: len }, () => syllables[Math.floor(random() * syllables.length)]).join('');
  });
}

export function syntheticPack(count: number, seed = 42): Pack {
  const random = rng(seed);
  const tail = makeWords(random, 20_000);
  // Zipf-like: low ranks more often. About one word in ten is a domain word, so a domain word appears in a
  // few percent to a few tens of percent of the articles, as product names do in a real support collection.
  const pick = (list: string[], skew: number) => list[Math.floor(list.length * random() ** skew)]!;
  const sentence = (n: number) =>
    Array.from({ length: n }, () => (random() < 0.1 ? pick(DOMAIN, 1.5) : pick(tail, 2.5))).join(' ');
  const entries = Object.fromEntries(ENTRY_KINDS.map((k) => [k, []])) as unknown as LoadedEntries;
  for (let i = 0; i < count; i++) {
    const kb = String(3_000_000 + i);
    const text = (n: number) => ({ en: sentence(n) });
    entries.article.push({
      file: 'synthetic',
      index: i,
      entry: {
        id: `kb-${kb}`,
        kb,
        title: text(9),
        summary: text(20),
        appliesTo: { topologies: [], exchange: [], clouds: [], clients: [], products: [] },
        symptoms: text(25),
        errors: [`Error 0x${((i * 2654435761) >>> 0).toString(16)}: ${sentence(6)}`],
        cause: text(20),
        resolution: text(30),
        commands: [],
        steps: [],
        features: [],
        cmdlets: [],
        related: [],
        status: 'published',
        link: `https://support.example.com/kb/${kb}`,
        retiredProduct: false,
        sources: [{ title: `Synthetic ${kb}` }],
      },
    });
  }
  return {
    manifest: { id: 'synthetic', version: '1.0.0', languages: ['en'], files: [] },
    entries,
    hash: `synthetic-${count}-${seed}`,
  };
}
