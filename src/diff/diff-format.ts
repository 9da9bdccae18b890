import { environmentLabel } from '../registry/environment-match';
import { findingLine } from '../report/standing-findings';
import { LayerChange, LayerDiff } from './layer-diff';

function transition(change: LayerChange): string {
  return `${change.before ?? '(none)'} -> ${change.after ?? '(none)'}`;
}

/** Rows of cells, as the table and the Markdown formats print them. */
function sections(diff: LayerDiff): Array<{ title: string; headers: string[]; rows: string[][] }> {
  return [
    {
      title: 'Changed layers',
      headers: ['CHANGE', 'PARAMETER', 'ENVIRONMENT', 'PRODUCER', 'FINGERPRINT'],
      rows: diff.changedLayers.map(c => [c.change, c.parameterName ?? `(${c.via.replace('-', ' ')})`, c.parameterName !== undefined ? environmentLabel(c) : '-',
        c.producer ?? '-', transition(c)]),
    },
    {
      title: 'Moved (will be updated; a function with versions gets a new one, and its aliases follow)',
      headers: ['STACK', 'FUNCTION', 'LAYER', 'FINGERPRINT', 'VERSION', 'ALIASES'],
      rows: diff.moved.map(m => [m.stack, m.function, m.layer, `${m.before ?? '(none)'} -> ${m.after}`,
        m.versions.join(', ') || '(no versions: $LATEST only)', m.aliases.join(', ') || '-']),
    },
    {
      title: 'Not following (will keep the old layer)',
      headers: ['STACK', 'FUNCTION', 'PARAMETER OR LAYER', 'STATUS', 'FINDING'],
      rows: diff.notFollowing.map(n => [n.stack, n.function, n.parameterName, n.status,
        `${n.finding ?? '-'}${n.acknowledged ? ' (acknowledged)' : ''}`]),
    },
  ];
}

/** The findings of the app no layer shows, one per line, after the tables. */
function findingLines(diff: LayerDiff): string[] {
  return diff.findings.length === 0 ? [] : [`Findings of the app: ${diff.findings.length}`, ...diff.findings.map(f => `  ${findingLine(f)}`)];
}

/** What a diff against assemblies without a report compares, said first. */
function baselineNote(diff: LayerDiff): string[] {
  return (diff.withoutReport ?? []).map(dir => `${dir} has no layer-dependencies.json (synthesized without cdk-layer-sync): `
    + 'its templates are compared with the line added. Each function under Moved gets its first fingerprint and moves '
    + 'once; each under Not following is one the line cannot follow.');
}

/** A plain-text report for terminals. */
export function diffAsTable(diff: LayerDiff): string {
  if (diff.changedLayers.length === 0 && diff.moved.length === 0 && diff.notFollowing.length === 0) {
    return [...baselineNote(diff), 'no layer changed', ...findingLines(diff)].join('\n');
  }
  const out: string[] = baselineNote(diff);
  for (const section of sections(diff)) {
    out.push(`${section.title}: ${section.rows.length}`);
    if (section.rows.length === 0) {
      continue;
    }
    const widths = section.headers.map((h, i) => Math.max(h.length, ...section.rows.map(r => r[i].length)));
    const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()}`;
    out.push(line(section.headers), ...section.rows.map(line));
  }
  out.push(...findingLines(diff));
  return out.join('\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The findings of the app no layer shows, as a Markdown list. */
function findingsMarkdown(diff: LayerDiff): string[] {
  return diff.findings.length === 0 ? [] : ['', '#### Findings of the app', '', ...diff.findings.map(f => `- ${escapeMarkdown(findingLine(f))}`)];
}

/** A Markdown report for a pull-request comment. */
export function diffAsMarkdown(diff: LayerDiff): string {
  if (diff.changedLayers.length === 0 && diff.moved.length === 0 && diff.notFollowing.length === 0) {
    return ['### Layer impact', '', ...baselineNote(diff).flatMap(n => [n, '']), 'No layer changed.', ...findingsMarkdown(diff)].join('\n');
  }
  const out = ['### Layer impact', '', ...baselineNote(diff).flatMap(n => [n, ''])];
  out.push(`${diff.changedLayers.length} layer(s) changed, ${diff.moved.length} function(s) move with them, `
    + `${diff.notFollowing.length} will not follow.`);
  for (const section of sections(diff)) {
    out.push('', `#### ${section.title}`, '');
    if (section.rows.length === 0) {
      out.push('None.');
      continue;
    }
    const headers = section.headers.map(h => h.charAt(0) + h.slice(1).toLowerCase());
    out.push(`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`);
    for (const row of section.rows) {
      out.push(`| ${row.map(cell => `\`${escapeMarkdown(cell)}\``).join(' | ')} |`);
    }
  }
  out.push(...findingsMarkdown(diff));
  return out.join('\n');
}

/** The diff as JSON: `changedLayers`, `moved`, `notFollowing`, `findings`. */
export function diffAsJson(diff: LayerDiff): string {
  return JSON.stringify(diff, undefined, 2);
}
