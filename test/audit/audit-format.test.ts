import { auditMarkdown, auditTable, share } from '../../src/audit/audit-format';
import { AuditRow } from '../../src/audit/audit-model';

const rows: AuditRow[] = [
  { function: 'orders', qualifier: 'Live', version: '3', layerVersionArn: 'a', layer: 'tools', runsVersion: 2, currentVersion: 4, behind: 2, status: 'stale', note: 'parameter /p' },
  { function: 'orders', qualifier: 'Canary', version: '4', weight: 0.1, layerVersionArn: 'b', layer: 'tools|x', runsVersion: 4, currentVersion: 4, behind: 0, status: 'current', note: 'newest in the account' },
];

test('the table aligns its columns and ends with the summary', () => {
  expect(auditTable(rows)).toEqual([
    'FUNCTION  QUALIFIER  VERSION  LAYER    RUNS  CURRENT  BEHIND    CURRENT FROM',
    'orders    Live       3        tools    2     4        2 behind  parameter /p',
    'orders    Canary     4 (10%)  tools|x  4     4        current   newest in the account',
    '1 current, 1 stale',
  ]);
});

test('Markdown escapes the cell separator and bolds the summary', () => {
  const lines = auditMarkdown(rows);
  expect(lines[3]).toBe('| orders | Canary | 4 (10%) | tools\\|x | 4 | 4 | current | newest in the account |');
  expect(lines[lines.length - 1]).toBe('**1 current, 1 stale**');
});

test.each([
  [0.1, '10%'],
  [0.5, '50%'],
  [0.004, '0.4%'],
  [0.996, '99.6%'],
  [1 / 3, '33.3%'],
  [0.99995, '>99.99%'],
  [0.00004, '<0.01%'],
])('a weight of %d is shown as %s: no share a version gets reads as 0%% or 100%%', (weight, shown) => {
  expect(share(weight)).toBe(shown);
});
