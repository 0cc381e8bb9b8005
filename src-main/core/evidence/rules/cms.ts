// Central Management store replication: a change reaches the Edge Server only once it has replicated.
import type { RecognizedPart } from '../recognize';
import type { EvidenceContext } from './context';
import { finding, listText, type Outcome } from './outcome';
import { partsOf } from './parts';

/** Get-CsManagementStoreReplicationStatus | Where-Object {$_.UpToDate -eq $False}: nothing printed = all current. */
const onlyStale = (command: string | undefined) => {
  const c = (command ?? '').toLowerCase().replaceAll(' ', '');
  return c.includes('uptodate-eq$false') || c.includes('uptodate-ne$true') || c.includes('-not$_.uptodate');
};

export function cmsRules(all: RecognizedPart[], _ctx: EvidenceContext, out: Outcome): void {
  const { parts, records } = partsOf(all, 'cms-replication');
  if (parts.length === 0) return;
  const stale = records.filter((r) => r.upToDate === false);
  if (stale.length > 0) {
    out.fact('cms.replication', 'pending');
    const replicas = stale.map((r) => {
      const since = r.lastStatusReport ? ` (last status report ${r.lastStatusReport})` : '';
      return `${r.replicaFqdn ?? 'a replica'}${since}`;
    });
    out.add(() =>
      finding(
        'cms-replication-pending',
        'warning',
        'cms-replication',
        `UpToDate is False for ${listText(replicas)}: the latest configuration changes (hosting provider, Access ` +
          `Edge settings) have not reached ${stale.length > 1 ? 'those servers' : 'that server'} yet. Changes ` +
          `normally replicate within about a minute; a replica that stays behind needs attention.`,
        [],
        stale.map((r) => `Invoke-CsManagementStoreReplication -ReplicaFqdn ${r.replicaFqdn ?? '{{edgePoolFqdn}}'}`),
      ),
    );
    return;
  }
  const decided = records.filter((r) => r.upToDate === true);
  const emptyFiltered = parts.some((p) => p.empty && onlyStale(p.command));
  const complete = !parts.some((p) => p.incomplete);
  if ((decided.length > 0 && decided.length === records.length && complete) || emptyFiltered) {
    out.fact('cms.replication', 'current');
  }
}
