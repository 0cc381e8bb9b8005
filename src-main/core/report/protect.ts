// Makes a report model safe to hand over: secret-looking values in what people typed or pasted are masked (always),
// and, for reports that leave the company, what identifies the customer is replaced by stable tokens.
import type { ReportModel } from './model';
import { createRedactor } from './redact';
import { createSecretMasker } from './secrets';

export interface ProtectOptions {
  redact: boolean;
  /** People the evidence shows, with every name they go by. */
  people?: { aliases: string[]; address?: string }[];
  /** Domains to keep besides Microsoft's own (the KB clouds' ProxyFqdn domains). */
  keepDomains?: readonly string[];
}

type Edit = (text: string) => string;

/** Text people typed or pasted: where a secret can hide. */
function editTyped(model: ReportModel, edit: Edit): ReportModel {
  return {
    ...model,
    case: {
      ...model.case,
      title: edit(model.case.title),
      customer: edit(model.case.customer),
      ticket: edit(model.case.ticket),
    },
    summary: { ...model.summary, symptom: edit(model.summary.symptom) },
    evidence: model.evidence.map((e) => ({
      ...e,
      name: edit(e.name),
      text: edit(e.text),
      parts: e.parts.map((p) => ({
        ...p,
        ...(p.command !== undefined ? { command: edit(p.command) } : {}),
        ...(p.errors ? { errors: p.errors.map(edit) } : {}),
        ...(p.message !== undefined ? { message: edit(p.message) } : {}),
      })),
    })),
    // Findings quote the values they read.
    findings: model.findings.map((f) => ({ ...f, message: edit(f.message) })),
    notes: model.notes.map((n) => ({ ...n, text: edit(n.text) })),
    history: model.history.map((h) => ({ ...h, detail: edit(h.detail) })),
  };
}

/** Everything that can name the customer: what people typed, the names, and the commands filled with them. */
function editIdentifying(model: ReportModel, edit: Edit): ReportModel {
  const typed = editTyped(model, edit);
  const command = <T extends { command: string }>(c: T): T => ({ ...c, command: edit(c.command) });
  return {
    ...typed,
    environment: {
      ...typed.environment,
      names: typed.environment.names.map((n) => ({ ...n, value: edit(n.value) })),
    },
    findings: typed.findings.map((f) => ({ ...f, fix: f.fix.map(edit) })),
    fix: typed.fix.map(command),
    verify: typed.verify.map(command),
    checks: typed.checks.map(command),
  };
}

export function protectModel(model: ReportModel, options: ProtectOptions): ReportModel {
  const masker = createSecretMasker();
  let out = editTyped(model, masker.mask);
  out = { ...out, secretsMasked: masker.count };
  if (!options.redact) return out;

  const redactor = createRedactor({ keepDomains: options.keepDomains ?? [] });
  redactor.customer(out.case.customer);
  // The case's user: every name the case gives for them is one person.
  const names = Object.fromEntries(out.environment.names.map((n) => [n.field, n.value]));
  const address = names.userSipAddress ?? names.userPrincipalName ?? names.userMail;
  redactor.user(
    [names.userIdentity, names.userPrincipalName, names.userMail].filter((n): n is string => !!n),
    address,
  );
  for (const person of options.people ?? []) redactor.user(person.aliases, person.address);
  // Every text is learned before any is redacted, so a name has one token wherever it first appears.
  editIdentifying(out, (text) => {
    redactor.learn(text);
    return text;
  });
  out = editIdentifying(out, redactor.redact);
  return { ...out, redacted: true };
}
