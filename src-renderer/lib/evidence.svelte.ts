// What the case's evidence shows: `evidence.analyze` over every piece, in the case's context (topology, cloud,
// Exchange side decide what is right). Stateless on the host side like the engine, so any change of the pieces
// or the context asks again and the latest call wins. Helpers turn fact names, values and the conclusion a
// finding points at into what the panel shows.
import type {
  ApiError,
  CaseInput,
  EvidenceAnalysisView,
  EvidenceContextInput,
  Finding,
} from '../../src-main/core/contract';
import type { EvidenceItem } from './case.svelte';
import type { LexoClient } from './client';
import type { MessageKey } from './i18n/en';
import { en } from './i18n/en';

type Phase =
  | { status: 'idle' }
  | { status: 'loading'; previous: EvidenceAnalysisView | null }
  | { status: 'ready'; value: EvidenceAnalysisView }
  | { status: 'error'; error: ApiError };

export class EvidenceAnalysis {
  #phase = $state.raw<Phase>({ status: 'idle' });
  readonly #client: LexoClient;
  #request = 0;

  constructor(client: LexoClient) {
    this.#client = client;
  }

  /** The latest analysis; while the next one runs, the previous stays here. */
  get result(): EvidenceAnalysisView | null {
    const phase = this.#phase;
    if (phase.status === 'ready') return phase.value;
    if (phase.status === 'loading') return phase.previous;
    return null;
  }

  get error(): ApiError | null {
    return this.#phase.status === 'error' ? this.#phase.error : null;
  }

  get pending(): boolean {
    return this.#phase.status === 'loading';
  }

  /** Reads the pieces in this context; with no piece there is nothing to read (and no call). */
  async analyze(items: readonly EvidenceItem[], context: EvidenceContextInput): Promise<void> {
    const request = ++this.#request;
    if (items.length === 0) {
      this.#phase = { status: 'idle' };
      return;
    }
    this.#phase = { status: 'loading', previous: this.result };
    const result = await this.#client.callCatch('evidence.analyze', {
      items: items.map(({ name, text }) => ({ name, text })),
      context,
    });
    if (request !== this.#request) return;
    this.#phase = result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error };
  }
}

/** The context the evidence is read in: only what the case states. */
export function evidenceContext(input: Pick<CaseInput, 'topology' | 'cloud' | 'exchange'>): EvidenceContextInput {
  const context: EvidenceContextInput = {};
  if (input.topology) context.topology = input.topology;
  if (input.cloud) context.cloud = input.cloud;
  if (input.exchange) context.exchange = input.exchange;
  return context;
}

function messageKey(key: string): MessageKey | null {
  return Object.hasOwn(en, key) ? (key as MessageKey) : null;
}

/** The words for a fact name (`provider.exists`), with a step number for `step.N`; null for a fact without words. */
export function factLabel(fact: string): { key: MessageKey; params?: Record<string, string> } | null {
  const step = /^step\.(\d)$/.exec(fact);
  if (step) return { key: 'evidence.fact.step', params: { number: step[1] ?? '' } };
  const key = messageKey(`evidence.fact.${fact}`);
  return key ? { key } : null;
}

/** The words for a fact's value (`yes`, `wrong`, `missing`…); null for a value without words. */
export function factValue(value: string): MessageKey | null {
  return messageKey(`evidence.value.${value}`);
}

/** The words for a part's kind (`hosting-provider`…); null for a kind without words. */
export function partKind(kind: string): MessageKey | null {
  return messageKey(`evidence.kind.${kind}`);
}

/** Where a finding's conclusion can be read: a configuration step or a KB article page; null otherwise. */
export function conclusionLink(conclusion: string): { kind: 'step' | 'article'; href: string; kb?: string } | null {
  if (/^step-\d+(-[a-z0-9]+)*$/.test(conclusion)) return { kind: 'step', href: `#/kb/step/${conclusion}` };
  const kb = /^kb-(\d{6,8})$/.exec(conclusion);
  if (kb) return { kind: 'article', href: `#/kb/article/${conclusion}`, kb: kb[1] ?? '' };
  return null;
}

/** A finding's fix command with the case's names filled in; other placeholders stay `{{name}}` to be marked. */
export function fillNames(command: string, names: Readonly<Record<string, string | undefined>>): string {
  return command.replace(/\{\{\s*([A-Za-z][\w.-]*)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(names, name) && names[name] ? names[name] : whole,
  );
}

/** Findings in the order the panel shows them: errors, then warnings, then information (stable within each). */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
}
