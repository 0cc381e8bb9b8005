// The topology diagram as data: which boxes a topology has, which link each step builds, where it breaks.
import { describe, expect, it } from 'vitest';
import type { StepStatus } from '../../src-main/core/contract';
import { combine, diagramModel } from '../../src-renderer/lib/diagram';
import { steps } from './case-engine';

const ONLINE_NA: Partial<Record<number, StepStatus>> = {
  2: 'not-applicable',
  3: 'not-applicable',
  4: 'not-applicable',
  5: 'not-applicable',
  6: 'not-applicable',
  7: 'not-applicable',
};

function statusOf(model: ReturnType<typeof diagramModel>) {
  return {
    boxes: Object.fromEntries(Object.values(model.boxes).map((b) => [b.id, b.status])),
    links: Object.fromEntries(model.links.map((l) => [l.id, `${l.from}-${l.to}:${l.status}`])),
    breaks: model.breaks.map((b) => `${b.element}:${b.step.number}`),
  };
}

describe('diagramModel', () => {
  it('Skype for Business Online only: no Front End or Edge, DNS goes to Skype for Business Online', () => {
    const model = diagramModel('sfb-online', steps({ ...ONLINE_NA, 1: 'missing' }));
    expect(model.onPrem).toBe(false);
    expect(statusOf(model)).toEqual({
      boxes: { fe: 'absent', edge: 'absent', exo: 'not-applicable', sfbo: 'neutral' },
      links: {
        internal: 'fe-edge:absent',
        dns: 'sfbo-exo:missing',
        federation: 'edge-exo:absent',
        oauth: 'fe-exo:absent',
        o365auth: 'fe-office365:absent',
      },
      breaks: ['dns:1'],
    });
  });

  it('Lync 2013 on-premises with step 5 missing: the Edge ↔ Exchange Online link breaks; no Skype for Business Online', () => {
    const model = diagramModel('lync2013-onprem', steps({ 1: 'done', 4: 'done', 5: 'missing', 6: 'not-applicable' }));
    expect(statusOf(model)).toEqual({
      boxes: { fe: 'unknown', edge: 'neutral', exo: 'unknown', sfbo: 'absent' },
      links: {
        internal: 'fe-edge:neutral',
        dns: 'edge-exo:done',
        federation: 'edge-exo:missing',
        oauth: 'fe-exo:not-applicable',
        o365auth: 'fe-office365:unknown',
      },
      breaks: ['federation:5'],
    });
  });

  it('a hybrid with step 6 missing breaks the OAuth link; both online boxes exist', () => {
    const model = diagramModel('lync2013-hybrid', steps({ 6: 'missing' }));
    expect(model.onPrem && model.online).toBe(true);
    expect(statusOf(model).breaks).toEqual(['oauth:6']);
    expect(model.links.find((l) => l.id === 'oauth')?.status).toBe('missing');
    expect(model.boxes.sfbo.present).toBe(true);
  });

  it('the user attribute steps mark the boxes: step 3 the Front End, step 2 Exchange Online', () => {
    const model = diagramModel('sfb-server-onprem', steps({ 2: 'done', 3: 'missing' }));
    expect(model.boxes.fe.status).toBe('missing');
    expect(model.boxes.exo.status).toBe('done');
    expect(statusOf(model).breaks).toEqual(['fe:3']);
  });

  it('with the topology unknown, the steps tell whether there is anything on premises', () => {
    expect(diagramModel(null, steps(ONLINE_NA)).onPrem).toBe(false);
    expect(diagramModel(null, steps()).onPrem).toBe(true);
    expect(diagramModel(null, []).onPrem).toBe(true);
    expect(diagramModel(null, steps()).boxes.sfbo.present).toBe(true);
  });

  it('several missing steps are all marked, in step order', () => {
    const model = diagramModel('sfb-server-hybrid', steps({ 7: 'missing', 1: 'missing' }));
    expect(statusOf(model).breaks).toEqual(['dns:1', 'o365auth:7']);
  });

  it('combine: missing over unknown over done over not applicable', () => {
    const s = (status: StepStatus) => ({ id: status, number: 4, title: status, status });
    expect(combine([s('done'), s('missing'), s('unknown')])).toBe('missing');
    expect(combine([s('done'), s('unknown')])).toBe('unknown');
    expect(combine([s('done'), s('not-applicable')])).toBe('done');
    expect(combine([s('not-applicable')])).toBe('not-applicable');
    expect(combine([])).toBe('neutral');
  });
});
