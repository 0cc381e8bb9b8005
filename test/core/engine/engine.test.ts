import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseInput, DiagnoseResult, Lang } from '../../../src-main/core/contract';
import type { WritableDb } from '../../../src-main/core/db/sqlite';
import { caseFileSchema } from '../../../src-main/core/engine/case-file';
import { diagnose } from '../../../src-main/core/engine/diagnose';
import { areaOf } from '../../../src-main/core/engine/facts';
import { withSymptomFeatures } from '../../../src-main/core/engine/handlers';
import { knowledge } from '../../../src-main/core/engine/knowledge';
import { fillCommand } from '../../../src-main/core/engine/render';
import { LexoError } from '../../../src-main/core/errors';
import { loadPack, readPack } from '../../../src-main/core/kb/pack';
import { memoryDb, MINI_PACK_DIR } from '../../helpers/db';

let db: WritableDb;
beforeAll(() => {
  db = memoryDb();
  loadPack(db, readPack(MINI_PACK_DIR));
});

const run = (c: CaseInput, lang: Lang = 'en'): DiagnoseResult => diagnose(knowledge(db), caseFileSchema.parse(c), lang);
const concluded = (r: DiagnoseResult) => {
  if (r.status !== 'concluded') throw new Error(`expected a conclusion, got question ${r.question.id}`);
  return r;
};
const asked = (r: DiagnoseResult) => {
  if (r.status !== 'needs-answer') throw new Error(`expected a question, got ${r.conclusion.id}`);
  return r.question;
};

describe('the walk', () => {
  it('asks a check node when the case does not know its fact, with "not sure" as the last choice', () => {
    const q = asked(run({}));
    expect(q.id).toBe('root');
    expect(q.choices.map((c) => c.id)).toEqual(['onprem', 'online', 'unsure']);
    expect(asked(run({}, 'fr')).choices.at(-1)!.label).toBe('Je ne sais pas');
  });

  it('answers a check node from the case without asking, and says so in the trail', () => {
    const r = concluded(run({ topology: 'sfb-online' }));
    expect(r.conclusion.id).toBe('not-supported');
    expect(r.questionsAsked).toBe(0);
    expect(r.trail).toEqual([expect.objectContaining({ id: 'root', choice: 'online', source: 'case' })]);
  });

  it('triangulates from the feature ticks: free/busy works, OWA presence broken → the hosting provider, no question', () => {
    const r = concluded(
      run({ topology: 'lync2013-onprem', features: { 'free-busy': 'works', 'owa-im-presence': 'broken' } }),
    );
    expect(r.conclusion.id).toBe('step-5-hosting-provider');
    expect(r.questionsAsked).toBe(0);
    expect(r.steps.find((s) => s.number === 3)?.status).toBe('done');
    expect(r.steps.find((s) => s.number === 5)?.status).toBe('missing');
  });

  it('asks the probe that splits the candidates, and explains what each answer rules out', () => {
    const q = asked(run({ topology: 'lync2013-onprem', features: { 'owa-im-presence': 'broken' } }));
    expect(q.id).toBe('p-freebusy');
    expect(q.choices.find((c) => c.id === 'yes')!.rulesOut.map((l) => l.id)).toEqual(['step-3-mail-attribute']);
    expect(q.choices.find((c) => c.id === 'no')!.rulesOut.map((l) => l.id)).toEqual(['step-5-hosting-provider']);
    expect(q.why).toMatch(/Mail attribute.*Hosting provider/);
  });

  it('concludes on the earliest candidate when "not sure" leaves nothing else to ask', () => {
    const r = concluded(
      run({
        topology: 'lync2013-onprem',
        features: { 'owa-im-presence': 'broken' },
        answers: { 'p-freebusy': 'unsure', 'p-provider': 'unsure' },
      }),
    );
    expect(r.conclusion.id).toBe('step-3-mail-attribute');
    expect(r.trail.filter((e) => e.choice === 'unsure').map((e) => e.id)).toEqual(['p-freebusy', 'p-provider']);
  });

  it('goes to the "none" branch when every candidate step is done', () => {
    const q = asked(
      run({ topology: 'lync2013-onprem', features: { 'free-busy': 'works' }, facts: { 'step.5': 'done' } }),
    );
    expect(q.id).toBe('eap');
    const r = concluded(
      run({
        topology: 'lync2013-onprem',
        features: { 'free-busy': 'works' },
        facts: { 'step.5': 'done' },
        answers: { eap: 'no' },
      }),
    );
    expect(r.conclusion.id).toBe('external-access-policy');
    expect(r.questionsAsked).toBe(1);
    expect(r.trail.at(-1)).toMatchObject({ id: 'eap', source: 'user' });
  });

  it('names the fact behind each answer, the topology used, and the steps in the UI language', () => {
    const r = asked(run({ features: { 'owa-im-presence': 'broken' }, answers: { root: 'onprem' } }, 'fr'));
    const full = run({ features: { 'owa-im-presence': 'broken' }, answers: { root: 'onprem' } }, 'fr');
    expect(r.id).toBe('p-freebusy');
    expect(full.trail[0]).toMatchObject({ id: 'root', fact: 'topology', source: 'user' });
    expect(full.topology).toBe('lync2013-onprem');
    expect(full.steps.map((s) => s.title)).toEqual(['Attribut mail', "Fournisseur d'hébergement"]);
    const answered = run({
      features: { 'owa-im-presence': 'broken' },
      answers: { root: 'onprem', 'p-freebusy': 'yes' },
    });
    // The probe's answer is in the trail once, as the answer; not again as a known feature.
    expect(answered.trail.filter((e) => e.fact === 'feature.free-busy').map((e) => e.id)).toEqual(['p-freebusy']);
  });

  it('marks facts from evidence with their source', () => {
    const r = concluded(
      run({ topology: 'lync2013-onprem', facts: { 'step.5': 'missing', 'feature.free-busy': 'works' } }),
    );
    expect(r.conclusion.id).toBe('step-5-hosting-provider');
    expect(r.trail.find((e) => e.id === 'feature.free-busy')?.source).toBe('evidence');
  });

  it('recomputes when an earlier answer changes, ignoring answers to questions no longer on the path', () => {
    const base = { features: { 'owa-im-presence': 'broken' as const, 'free-busy': 'works' as const } };
    expect(concluded(run({ ...base, answers: { root: 'onprem' } })).conclusion.id).toBe('step-5-hosting-provider');
    const changed = concluded(run({ ...base, answers: { root: 'online', 'p-provider': 'yes' } }));
    expect(changed.conclusion.id).toBe('not-supported');
    expect(changed.trail.map((e) => e.id)).toEqual(['root']);
  });

  it('refuses an answer that is not a choice, naming the question and its choices', () => {
    expect(() => run({ answers: { root: 'maybe' } })).toThrow(LexoError);
    expect(() => run({ answers: { root: 'maybe' } })).toThrow(
      '"maybe" is not an answer to question root (choices: onprem, online, unsure)',
    );
  });
});

describe('fix commands for the case', () => {
  const provider = {
    topology: 'lync2013-onprem' as const,
    features: { 'free-busy': 'works' as const, 'owa-im-presence': 'broken' as const },
  };

  it("takes the step's variant for the topology and marks what the case does not know", () => {
    const r = concluded(run(provider));
    expect(r.fixCommands).toEqual(['New-CsHostingProvider -Identity "Exchange Online" -ProxyFqdn "<proxyFqdn>"']);
    expect(r.fix[0]!.command).toBe('New-CsHostingProvider -Identity "Exchange Online" -ProxyFqdn "{{proxyFqdn}}"');
    expect(r.unfilled).toEqual(['proxyFqdn']);
    // The step and the conclusion both name it: shown once.
    expect(r.verifyCommands).toEqual(['Get-CsHostingProvider -LocalStore']);
  });

  it.each([
    ['worldwide', 'exap.um.outlook.com'],
    ['21vianet', 'exap.um.partner.outlook.cn'],
    ['gcc-high', 'exap.um.office365.us'],
  ] as const)('fills the ProxyFqdn of the %s cloud', (cloud, fqdn) => {
    const r = concluded(run({ ...provider, cloud }));
    expect(r.fixCommands[0]).toContain(`-ProxyFqdn "${fqdn}"`);
    expect(r.unfilled).toEqual([]);
  });

  it('removes and recreates a provider whose ProxyFqdn is wrong (it cannot be modified)', () => {
    const r = concluded(run({ ...provider, cloud: '21vianet', facts: { 'provider.proxyFqdn': 'wrong' } }));
    expect(r.fixCommands).toEqual([
      'Remove-CsHostingProvider -Identity "Exchange Online"',
      'New-CsHostingProvider -Identity "Exchange Online" -ProxyFqdn "exap.um.partner.outlook.cn"',
    ]);
    expect(r.conclusion.explanation).toContain('ProxyFqdn cannot be changed');
  });

  it("fills the customer's names", () => {
    const r = concluded(
      run({
        topology: 'lync2013-onprem',
        features: { 'free-busy': 'broken' },
        names: { userIdentity: 'kmyer', userMail: 'ken.myer@contoso.com' },
      }),
    );
    expect(r.conclusion.id).toBe('step-3-mail-attribute');
    expect(r.fixCommands).toEqual(['Set-ADUser -Identity kmyer -EmailAddress "ken.myer@contoso.com"']);
  });

  it('refuses names that would inject PowerShell', () => {
    for (const bad of ['x"; Remove-Item C:\\ -Recurse; "', 'a$(whoami)', 'a`b', 'a;b', 'line\nbreak', "it's"]) {
      expect(() => caseFileSchema.parse({ names: { sipDomain: bad } })).toThrow(/no quotes or PowerShell syntax/);
    }
  });
});

describe('property: any sequence of answers ends in a conclusion or a pending question, never an error', () => {
  const topology = fc.constantFrom(undefined, 'lync2013-onprem', 'sfb-online', 'lync2013-hybrid', 'sfb-server-onprem');
  const state = fc.constantFrom(undefined, 'works', 'broken', 'unknown');
  it('holds for 2,000 random cases answered at random', () => {
    fc.assert(
      fc.property(
        topology,
        state,
        state,
        fc.array(fc.nat(5), { maxLength: 12 }),
        fc.constantFrom<Lang>('en', 'fr', 'zh-TW'),
        (t, fb, owa, picks, lang) => {
          const c: CaseInput = { answers: {} };
          if (t) c.topology = t as CaseInput['topology'];
          c.features = {
            ...(fb ? { 'free-busy': fb } : {}),
            ...(owa ? { 'owa-im-presence': owa } : {}),
          } as CaseInput['features'];
          let result = run(c, lang);
          for (const pick of picks) {
            if (result.status === 'concluded') break;
            const choices = result.question.choices;
            c.answers![result.question.id] = choices[pick % choices.length]!.id;
            result = run(c, lang);
          }
          expect(['concluded', 'needs-answer']).toContain(result.status);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('where a case starts', () => {
  it('derives the area from the broken features, earliest in the chain first', () => {
    expect(areaOf(['owa-im-presence'])).toBe('owa-im');
    expect(areaOf(['owa-online-meeting', 'free-busy'])).toBe('ews');
    expect(areaOf(['voicemail', 'owa-online-meeting'])).toBe('owa-meeting');
    expect(areaOf([])).toBeUndefined();
  });

  it('starts from the features of the symptom the engineer typed, unless the case already ticks a broken one', () => {
    expect(withSymptomFeatures(db, { symptom: 'OWA shows no presence' }).features).toEqual({
      'owa-im-presence': 'broken',
    });
    const ticked = { symptom: 'OWA shows no presence', features: { 'free-busy': 'broken' as const } };
    expect(withSymptomFeatures(db, ticked)).toBe(ticked);
    expect(withSymptomFeatures(db, { symptom: 'zzqx' }).features).toBeUndefined();
  });
});

describe('fillCommand', () => {
  const marker = (n: string) => `<${n}>`;
  it('keeps a name with spaces one argument: quoted when bare, as is inside quotes', () => {
    const values = { userIdentity: 'Ken Myer -Server evil', policyName: 'Sales EU' };
    expect(fillCommand('Get-ADUser -Identity {{userIdentity}} -Properties mail', values, marker)).toBe(
      "Get-ADUser -Identity 'Ken Myer -Server evil' -Properties mail",
    );
    expect(fillCommand('Grant-CsExternalAccessPolicy -PolicyName "{{policyName}}"', values, marker)).toBe(
      'Grant-CsExternalAccessPolicy -PolicyName "Sales EU"',
    );
    expect(fillCommand("Get-CsUser -Identity '{{userIdentity}}'", values, marker)).toBe(
      "Get-CsUser -Identity 'Ken Myer -Server evil'",
    );
  });

  it('leaves a placeholder inside a larger bare token unfilled when the name has a space', () => {
    const values = { sipDomain: 'contoso.com -Server evil' };
    expect(fillCommand('Resolve-DnsName -Name lyncdiscover.{{sipDomain}} -Type CNAME', values, marker)).toBe(
      'Resolve-DnsName -Name lyncdiscover.<sipDomain> -Type CNAME',
    );
    expect(fillCommand('Resolve-DnsName -Name lyncdiscover.{{sipDomain}}', { sipDomain: 'contoso.com' }, marker)).toBe(
      'Resolve-DnsName -Name lyncdiscover.contoso.com',
    );
  });
});
