// Step 4: the shared SIP address space, AllowFederatedUsers on the Access Edge configuration.
import type { RecognizedPart } from '../recognize';
import { CHECKLIST_KB, onPremSteps, type EvidenceContext } from './context';
import { finding, type Outcome } from './outcome';
import { partsOf } from './parts';

export function edgeRules(all: RecognizedPart[], ctx: EvidenceContext, out: Outcome): void {
  const { records } = partsOf(all, 'access-edge');
  if (records.length === 0) return;
  const cms = records.filter((r) => !r.localStore);
  const local = records.filter((r) => r.localStore);
  const main = cms.length > 0 ? cms : local;
  const steps = onPremSteps(ctx);
  const federated = main.map((r) => r.allowFederatedUsers).filter((v) => v !== undefined);
  if (federated.includes(false)) {
    out.fact('edge.allow-federated-users', 'no');
    if (steps) out.fact('step.4', 'missing');
    const id = main.find((r) => r.allowFederatedUsers === false)?.identity ?? 'Global';
    out.add(() =>
      finding(
        'edge-federation-off',
        'error',
        'step-4-shared-sip-address-space',
        `AllowFederatedUsers is False in the Access Edge configuration (${id}). That switch also governs the shared ` +
          `SIP address space with Exchange Online: while it is off, the Edge Server refuses the traffic, so IM and ` +
          `presence in Outlook Web App cannot work.`,
        [CHECKLIST_KB],
        ['Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True'],
      ),
    );
  } else if (federated.includes(true)) {
    out.fact('edge.allow-federated-users', 'yes');
    if (steps) out.fact('step.4', 'done');
  }
  if (main.some((r) => r.routingMethod?.toLowerCase() === 'usedefaultrouting')) {
    out.add(() =>
      finding(
        'edge-default-routing',
        'warning',
        'step-5-hosting-provider',
        'RoutingMethod is UseDefaultRouting: an Edge Server that uses default routing instead of DNS SRV routing ' +
          'cannot federate with a hosting provider, the Exchange Online one included.',
        [],
        ['Set-CsAccessEdgeConfiguration -UseDnsSrvRouting'],
      ),
    );
  }
  const a = cms.find((r) => r.allowFederatedUsers !== undefined)?.allowFederatedUsers;
  const b = local.find((r) => r.allowFederatedUsers !== undefined)?.allowFederatedUsers;
  if (a !== undefined && b !== undefined && a !== b) {
    out.fact('cms.replication', 'pending');
    out.add(() =>
      finding(
        'edge-local-store-differs',
        'warning',
        'cms-replication',
        `AllowFederatedUsers is ${a ? 'True' : 'False'} in the Central Management store but ${b ? 'True' : 'False'} ` +
          `in the Edge Server's local store: the change has not replicated to the Edge yet.`,
        [],
        ['Invoke-CsManagementStoreReplication -ReplicaFqdn {{edgePoolFqdn}}'],
      ),
    );
  }
}
