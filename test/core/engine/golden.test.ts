// Golden scenarios: cases written from the seeds and the reference articles, each with the conclusion the
// engine must reach, the fix commands it must show, and how many questions it may ask.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseInput, DiagnoseResult, Lang } from '../../../src-main/core/contract';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { caseFileSchema } from '../../../src-main/core/engine/case-file';
import { diagnose } from '../../../src-main/core/engine/diagnose';
import { knowledge } from '../../../src-main/core/engine/knowledge';
import { loadPack, readPack } from '../../../src-main/core/kb/pack';
import { memoryDb, PACK_DIR } from '../../helpers/db';

export interface Golden {
  name: string;
  lang?: Lang;
  case: CaseInput;
  /** Answers the engineer gives when asked, by question id (the walk stops with an error if it asks another). */
  answers?: Record<string, string>;
  expect: {
    conclusion: string;
    questionsAsked: number;
    /** Each string must appear in one of the fix commands, in order of the list. */
    fixContains?: string[];
    /** Strings no fix command may contain. */
    fixExcludes?: string[];
    verifyContains?: string[];
    /** Placeholders left for the engineer to fill. */
    unfilled?: string[];
    kb?: string[];
  };
}

export const GOLDEN = JSON.parse(readFileSync(join(import.meta.dirname, 'golden.json'), 'utf8')) as Golden[];

let db: WritableDb;
beforeAll(() => {
  db = memoryDb();
  loadPack(db, readPack(PACK_DIR));
});

/** Runs a scenario the way the UI does: ask, answer from the script, run again, until a conclusion. */
export function play(db: WritableDb, g: Golden): DiagnoseResult {
  const answers: Record<string, string> = { ...(g.case.answers ?? {}) };
  for (let i = 0; i < 50; i++) {
    const result = diagnose(knowledge(db), caseFileSchema.parse({ ...g.case, answers }), g.lang ?? 'en');
    if (result.status === 'concluded') return result;
    const answer = g.answers?.[result.question.id];
    if (answer === undefined) {
      throw new Error(`${g.name}: asked "${result.question.id}" (${result.question.text}) with no scripted answer`);
    }
    answers[result.question.id] = answer;
  }
  throw new Error(`${g.name}: no conclusion after 50 answers`);
}

describe('golden scenarios', () => {
  it('has at least 45 scenarios', () => {
    expect(GOLDEN.length).toBeGreaterThanOrEqual(45);
  });

  it.each(GOLDEN.map((g) => [g.name, g] as const))('%s', (_name, g) => {
    const result = play(db, g);
    if (result.status !== 'concluded') throw new Error('not concluded');
    expect(result.conclusion.id).toBe(g.expect.conclusion);
    expect(result.questionsAsked).toBe(g.expect.questionsAsked);
    const fix = result.fixCommands.join('\n');
    for (const part of g.expect.fixContains ?? []) expect(fix).toContain(part);
    for (const part of g.expect.fixExcludes ?? []) expect(fix).not.toContain(part);
    const verify = result.verifyCommands.join('\n');
    for (const part of g.expect.verifyContains ?? []) expect(verify).toContain(part);
    if (g.expect.unfilled) expect(result.unfilled).toEqual(g.expect.unfilled);
    if (g.expect.kb) expect(result.conclusion.kb).toEqual(expect.arrayContaining(g.expect.kb));
    expect(result.conclusion.confirm.length).toBeGreaterThan(0);
  });

  it('prints the median number of questions', () => {
    const counts = GOLDEN.map((g) => g.expect.questionsAsked).sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)]!;
    console.log(`golden: ${GOLDEN.length} scenarios, median ${median} question(s) to a conclusion`);
    expect(median).toBeLessThanOrEqual(4);
  });
});

describe('property: on the shipped tree, any case and any answers end in a conclusion or a pending question', () => {
  const FEATURES = [
    'outlook-integration',
    'free-busy',
    'oof',
    'conversation-history',
    'contact-card',
    'hires-photos',
    'ucs',
    'owa-im-presence',
    'owa-online-meeting',
    'voicemail',
  ];
  const FACTS: Record<string, string[]> = {
    'step.5': ['done', 'missing'],
    'provider.proxyFqdn': ['right', 'wrong'],
    'provider.settings': ['right', 'wrong'],
    'policy.outside-access': ['on', 'off'],
    'edge.allow-federated-users': ['yes', 'no'],
    'user.mail': ['set', 'empty'],
    'dns.target': ['online', 'onprem', 'mixed'],
  };
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const caseArb = fc.record({
    topology: maybe(
      fc.constantFrom('sfb-online', 'lync2013-onprem', 'lync2013-hybrid', 'sfb-server-onprem', 'sfb-server-hybrid'),
    ),
    exchange: maybe(fc.constantFrom('exchange-online', 'exchange-hybrid', 'exchange-onprem')),
    cloud: maybe(fc.constantFrom('worldwide', '21vianet', 'gcc-high')),
    dirsync: maybe(fc.boolean()),
    features: fc.dictionary(fc.constantFrom(...FEATURES), fc.constantFrom('works', 'broken', 'unknown'), {
      maxKeys: 4,
    }),
    facts: fc.dictionary(
      fc.constantFrom(...Object.keys(FACTS)),
      fc.constantFrom(
        'done',
        'missing',
        'right',
        'wrong',
        'on',
        'off',
        'yes',
        'no',
        'set',
        'empty',
        'online',
        'onprem',
        'mixed',
      ),
      { maxKeys: 3 },
    ),
  });
  it('holds for 1,500 random cases answered at random', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.nat(6), { maxLength: 15 }),
        fc.constantFrom<Lang>('en', 'fr', 'zh-TW'),
        (raw, picks, lang) => {
          const c = JSON.parse(JSON.stringify(raw)) as CaseInput;
          c.answers = {};
          let result = diagnose(knowledge(db), caseFileSchema.parse(c), lang);
          for (const pick of picks) {
            if (result.status === 'concluded') break;
            const choices = result.question.choices;
            c.answers[result.question.id] = choices[pick % choices.length]!.id;
            result = diagnose(knowledge(db), caseFileSchema.parse(c), lang);
          }
          expect(['concluded', 'needs-answer']).toContain(result.status);
          if (result.status === 'concluded') expect(result.conclusion.title.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
