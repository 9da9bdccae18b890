import { AuditRow } from './audit-model';
import { auditSummary } from './audit-rows';

const COLUMNS: Array<[string, (r: AuditRow) => string]> = [
  ['FUNCTION', r => r.function],
  ['QUALIFIER', r => r.qualifier],
  ['VERSION', r => (r.version === undefined ? '-' : r.weight === undefined ? r.version : `${r.version} (${share(r.weight)})`)],
  ['LAYER', r => r.layer],
  ['RUNS', r => (r.runsVersion === undefined ? '?' : String(r.runsVersion))],
  ['CURRENT', r => (r.currentVersion === undefined ? '?' : String(r.currentVersion))],
  ['BEHIND', r => (r.status === 'stale' ? `${r.behind} behind` : r.status)],
  ['CURRENT FROM', r => r.note],
];

/**
 * A weight as a share of the calls: whole percents where they are exact, else one decimal (two under 1%), so that no
 * share a version really gets reads as 0% or as 100%.
 */
export function share(weight: number): string {
  const percent = weight * 100;
  const rounded = Math.round(percent);
  if (Math.abs(percent - rounded) < 1e-9) {
    return `${rounded}%`;
  }
  const shown = Number(percent.toFixed(percent < 1 || percent > 99 ? 2 : 1));
  return shown <= 0 ? '<0.01%' : shown >= 100 ? '>99.99%' : `${shown}%`;
}

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
