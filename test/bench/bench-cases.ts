// Case list figures: listing and searching 10,000 stored cases (target ≤ 50 ms), next to a bare SQLite count over
// the same table as the baseline.
import { performance } from 'node:perf_hooks';
import { createApi } from '../../src-main/core/api';
import type { CaseListInput } from '../../src-main/core/contract';
import { transaction } from '../../src-main/core/db/sqlite';
import { fold } from '../../src-main/core/kb/text';
import { memoryDb } from '../helpers/db';

type Report = (name: string, value: number, unit: string) => void;

const CUSTOMERS = ['Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Woodgrove', 'Litware', 'Adatum', 'Proseware'];
const SYMPTOMS = [
  'No presence in Outlook Web App',
  'Online Meeting button missing',
  'Free/busy not shown in Lync',
  'Conversation history not saved',
  'Contact photos wrong',
  'Voice mail not delivered',
  'Présence absente dans OWA',
  '無法顯示狀態',
];
const CONCLUSIONS = ['step-1-dns', 'step-5-hosting-provider', 'step-6-oauth-partner-apps', 'cms-replication', null];

/** 10,000 cases written straight into the tables (the store's own path would take minutes of engine runs). */
function seedCases(n: number) {
  const db = memoryDb();
  const insert = db.prepare(
    `INSERT INTO case_record (id, title, customer, ticket, status, lang, file, symptom, conclusion, search_text,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'en', '{}', ?, ?, ?, ?, ?)`,
  );
  transaction(db, () => {
    for (let i = 0; i < n; i++) {
      const customer = `${CUSTOMERS[i % CUSTOMERS.length]} ${Math.floor(i / 8)}`;
      const symptom = SYMPTOMS[(i * 7) % SYMPTOMS.length]!;
      const title = `${symptom} #${i}`;
      const ticket = `SR-${100000 + i}`;
      const conclusion = CONCLUSIONS[i % CONCLUSIONS.length] ?? null;
      const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
      insert.run(
        `case-${i}`,
        title,
        customer,
        ticket,
        i % 3 === 0 ? 'closed' : 'open',
        symptom,
        conclusion,
        fold([title, customer, ticket, symptom, conclusion ?? '', `note about the call ${i}`].join('\n')),
        at,
        at,
      );
    }
  });
  return db;
}

function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

export async function benchCases(report: Report): Promise<void> {
  const db = seedCases(10_000);
  const api = createApi({ db, host: 'cli', dataDir: '/d', databasePath: ':memory:' });
  const queries: CaseListInput[] = [
    {},
    { status: 'open' },
    { query: 'presence' },
    { query: 'contoso 12' },
    { query: '顯示' },
    { customer: 'fabrikam' },
    { ticket: 'SR-1054' },
    { conclusion: 'step-1-dns', status: 'all' },
    { from: '2026-06-01', to: '2026-06-30' },
    { query: 'no such words at all' },
  ];
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      const start = performance.now();
      await api.call('cases.list', q);
      times.push(performance.now() - start);
    }
  }
  const baseline: number[] = [];
  for (let round = 0; round < 20; round++) {
    const start = performance.now();
    db.prepare('SELECT count(*) FROM case_record WHERE deleted_at IS NULL').get();
    baseline.push(performance.now() - start);
  }
  report('cases list/search 10k p95', p95(times), 'ms');
  report('cases list/search 10k max', Math.max(...times), 'ms');
  report('cases bare count 10k p95 (baseline)', p95(baseline), 'ms');
  db.close();
}
