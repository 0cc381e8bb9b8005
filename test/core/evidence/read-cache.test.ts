import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeEvidence } from '../../../src-main/core/evidence/analyze';
import { analyzeEvidenceCached } from '../../../src-main/core/evidence/read-cache';
import { decodeText } from '../../../src-main/core/text/decode';
import { REPO_ROOT } from '../../helpers/db';

const fixture = (name: string) => ({
  name,
  text: decodeText(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'evidence', name))).text,
});

describe('analyzeEvidenceCached', () => {
  const items = [fixture('get-cshostingprovider-wrong.utf16le.txt'), fixture('get-csaccessedgeconfiguration.txt')];

  it('gives what analyzeEvidence gives, and re-evaluates what it read when the context changes', () => {
    for (const context of [
      { topology: 'lync2013-onprem' as const, cloud: 'worldwide' as const },
      { topology: 'lync2013-hybrid' as const, cloud: '21vianet' as const },
      {},
    ]) {
      expect(analyzeEvidenceCached(items, context)).toEqual(analyzeEvidence(items, context));
    }
  });

  it('reads a changed paste again', () => {
    const first = analyzeEvidenceCached(items, { topology: 'lync2013-onprem' });
    const changed = [
      items[0]!,
      {
        name: 'edge.txt',
        text: items[1]!.text.replace(
          'AllowFederatedUsers                         : False',
          'AllowFederatedUsers                         : True',
        ),
      },
    ];
    expect(analyzeEvidenceCached(changed, { topology: 'lync2013-onprem' })).toEqual(
      analyzeEvidence(changed, { topology: 'lync2013-onprem' }),
    );
    expect(analyzeEvidenceCached(items, { topology: 'lync2013-onprem' })).toEqual(first);
  });
});
