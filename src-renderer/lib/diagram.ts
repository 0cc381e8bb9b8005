// The topology diagram as data: which boxes exist in the case's topology, which link or box each of the seven
// steps belongs to, and where the chain breaks. The component only draws this.
import type { StepCheck, StepStatus, Topology } from '../../src-main/core/contract';

export type BoxId = 'fe' | 'edge' | 'exo' | 'sfbo';
/** `office365` is the frame around the two online boxes: the Office 365 authentication service lives there. */
export type EndId = BoxId | 'office365';
export type LinkId = 'internal' | 'dns' | 'federation' | 'oauth' | 'o365auth';

/** A step's status, or `absent` (not in this topology) or `neutral` (no step of its own). */
export type ElementStatus = StepStatus | 'absent' | 'neutral';

export interface DiagramBox {
  id: BoxId;
  /** False: this topology has no such server (greyed out). */
  present: boolean;
  status: ElementStatus;
  steps: StepCheck[];
}

export interface DiagramLink {
  id: LinkId;
  from: EndId;
  to: EndId;
  status: ElementStatus;
  steps: StepCheck[];
}

export interface DiagramBreak {
  /** The box or link drawn in red. */
  element: BoxId | LinkId;
  step: StepCheck;
}

export interface DiagramModel {
  boxes: Record<BoxId, DiagramBox>;
  links: DiagramLink[];
  /** Where the chain breaks: the missing steps, in step order. */
  breaks: DiagramBreak[];
  onPrem: boolean;
  online: boolean;
}

/** Which part of the diagram each step (by number) belongs to. */
export const STEP_ELEMENT: Readonly<Record<number, BoxId | LinkId>> = {
  1: 'dns',
  2: 'exo',
  3: 'fe',
  4: 'federation',
  5: 'federation',
  6: 'oauth',
  7: 'o365auth',
};

/** Missing first, then unknown, done, not applicable: what the engineer must see about a group of steps. */
export function combine(steps: readonly StepCheck[]): ElementStatus {
  if (steps.length === 0) return 'neutral';
  for (const status of ['missing', 'unknown', 'done'] as const) {
    if (steps.some((s) => s.status === status)) return status;
  }
  return 'not-applicable';
}

/**
 * The diagram of a topology with the checklist's steps. With the topology unknown, the on-premises servers are
 * assumed to exist unless every step that concerns them is not applicable.
 */
export function diagramModel(topology: Topology | null, steps: readonly StepCheck[]): DiagramModel {
  const stepsOf = (element: BoxId | LinkId) => steps.filter((s) => STEP_ELEMENT[s.number] === element);
  const onPremSteps = steps.filter((s) => s.number >= 2);
  const onPrem =
    topology !== null
      ? topology !== 'sfb-online'
      : onPremSteps.length === 0 || onPremSteps.some((s) => s.status !== 'not-applicable');
  const online = topology !== null ? topology === 'sfb-online' || topology.endsWith('-hybrid') : true;
  const present: Record<BoxId, boolean> = { fe: onPrem, edge: onPrem, exo: true, sfbo: online };

  const box = (id: BoxId): DiagramBox => {
    const own = stepsOf(id);
    return { id, present: present[id], status: present[id] ? combine(own) : 'absent', steps: own };
  };
  const boxes: Record<BoxId, DiagramBox> = { fe: box('fe'), edge: box('edge'), exo: box('exo'), sfbo: box('sfbo') };

  const link = (id: LinkId, from: EndId, to: EndId): DiagramLink => {
    const own = stepsOf(id);
    const ends = [from, to].every((end) => end === 'office365' || present[end]);
    return { id, from, to, steps: own, status: ends ? combine(own) : 'absent' };
  };
  const links: DiagramLink[] = [
    link('internal', 'fe', 'edge'),
    // Exchange Online finds the SIP domain's servers through DNS: the Edge, or Skype for Business Online.
    link('dns', onPrem ? 'edge' : 'sfbo', 'exo'),
    link('federation', 'edge', 'exo'),
    link('oauth', 'fe', 'exo'),
    link('o365auth', 'fe', 'office365'),
  ];

  const breaks: DiagramBreak[] = [...steps]
    .filter((s) => s.status === 'missing' && STEP_ELEMENT[s.number] !== undefined)
    .sort((a, b) => a.number - b.number)
    .map((step) => ({ element: STEP_ELEMENT[step.number] as BoxId | LinkId, step }));

  return { boxes, links, breaks, onPrem, online };
}
