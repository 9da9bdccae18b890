import { AuditRow } from './audit-model';
import { auditSummary } from './audit-rows';

const COLUMNS: Array<[string, (r: AuditRow) => string]> = [
  ['FUNCTION', r => r.function],
  ['QUALIFIER', r => r.qualifier],
  ['VERSION', r => (r.version === undefined ? '-' : r.weight === undefined ? r.version : `${r.version} (${Math.round(r.weight * 100)}%)`)],
  ['LAYER', r => r.layer],
  ['RUNS', r => (r.runsVersion === undefined ? '?' : String(r.runsVersion))],
  ['CURRENT', r => (r.currentVersion === undefined ? '?' : String(r.currentVersion))],
  ['BEHIND', r => (r.status === 'stale' ? `${r.behind} behind` : r.status)],
  ['CURRENT FROM', r => r.note],
];

/** The audit as an aligned text table, then the summary line. */
export function auditTable(rows: AuditRow[]): string[] {
  const cells = rows.map(r => COLUMNS.map(([, cell]) => cell(r)));
  const widths = COLUMNS.map(([title], i) => Math.max(title.length, ...cells.map(c => c[i].length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(COLUMNS.map(([title]) => title)), ...cells.map(line), auditSummary(rows)];
}

/** The audit as a Markdown table (for a pull request or a pipeline summary), then the summary line. */
export function auditMarkdown(rows: AuditRow[]): string[] {
  const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  return [
    `| ${COLUMNS.map(([title]) => title).join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...rows.map(r => `| ${COLUMNS.map(([, cell]) => escape(cell(r))).join(' | ')} |`),
    '',
    `**${auditSummary(rows)}**`,
  ];
}
