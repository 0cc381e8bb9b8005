// Synthetic transactions (Test-CsExStorageConnectivity, Test-CsUnifiedContactStore, Test-CsExUMConnectivity):
// Lync 2013 prints "Target Fqdn / Result / Latency / Error Message / Diagnosis", Lync 2010 "TargetFqdn … Error".
// Test-CsExStorageConnectivity can also answer in plain text ("Test passed." or an HTTP 401 with -Verbose).
import type { PsLine, PsObject } from '../ps-output';
import type { SyntheticTest, SyntheticTestRecord } from '../records';
import { compact, Fields } from './fields';

export const SYNTHETIC_TEST_CMDLETS: Record<string, SyntheticTest> = {
  'test-csexstorageconnectivity': 'exstorage',
  'test-csunifiedcontactstore': 'ucs',
  'test-csexumconnectivity': 'exum',
};

export function syntheticTestFrom(obj: PsObject, test: SyntheticTest | undefined): SyntheticTestRecord {
  const f = new Fields(obj);
  const errorMessage = f.value('errormessage', 'errorMessage') ?? f.value('error', 'errorMessage');
  return compact({
    kind: 'synthetic-test',
    test,
    targetFqdn: f.value('targetfqdn', 'targetFqdn') ?? f.value('targeturi', 'targetFqdn'),
    result: f.value('result'),
    latency: f.value('latency'),
    errorMessage,
    diagnosis: f.value('diagnosis'),
    cut: f.cut,
    other: f.other(),
  });
}

const FAILURE_MARKERS = ['test failed', '401 unauthorized', '(401)', 'x-ms-diagnostics', 'error_category', 'exception'];

/** Plain-text answers: "Test passed." / "Test failed." / a verbose HTTP exchange with a 401 in it. */
export function syntheticTestFromText(
  lines: PsLine[],
  test: SyntheticTest | undefined,
): SyntheticTestRecord | undefined {
  let passed = false;
  let failure: string | undefined;
  for (const { text } of lines) {
    const t = text.toLowerCase();
    if (t.includes('test passed')) passed = true;
    if (!failure && FAILURE_MARKERS.some((m) => t.includes(m))) failure = text.trim();
  }
  const diagnostic = lines.map((l) => l.text).find((t) => t.toLowerCase().includes('x-ms-diagnostics'));
  if (failure) {
    return compact<SyntheticTestRecord>({
      kind: 'synthetic-test',
      test,
      result: 'Failure',
      errorMessage: failure.length > 500 ? `${failure.slice(0, 500)}…` : failure,
      diagnosis: diagnostic ? diagnosticReason(diagnostic) : undefined,
      cut: [],
      other: {},
    });
  }
  if (passed)
    return compact<SyntheticTestRecord>({ kind: 'synthetic-test', test, result: 'Success', cut: [], other: {} });
  return undefined;
}

/** x-ms-diagnostics: 2000004;reason="The tenant … does not exist.";error_category="invalid_tenant" → the reason. */
function diagnosticReason(line: string): string {
  const at = line.toLowerCase().indexOf('x-ms-diagnostics');
  const rest = line.slice(at);
  const reason = rest.indexOf('reason="');
  if (reason < 0) return rest.slice(0, 300);
  const end = rest.indexOf('"', reason + 8);
  const category = rest.indexOf('error_category="');
  const categoryText = category >= 0 ? rest.slice(category + 16, rest.indexOf('"', category + 16)) : '';
  const text = rest.slice(reason + 8, end < 0 ? undefined : end);
  return categoryText ? `${text} (${categoryText})` : text;
}
