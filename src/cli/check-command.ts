import { parseArgs } from 'util';
import { LayerStatus, NOT_FOLLOWING } from '../facts/layer-status';
import { missingFingerprints } from '../report/rendered-fingerprints';
import { acknowledgementsOf } from '../report/acknowledged-findings';
import { failsStrictSynthesis, findingLine, findingsBeyondLayers } from '../report/standing-findings';
import { readAssemblyReport } from './cli-inputs';
import { CliError } from './usage';

/** `cdk-layer-sync check [cdk.out] [--json] [--include-acknowledged]` */
export function checkCommand(args: string[], out: (line: string) => void): number {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, options: { 'json': { type: 'boolean' }, 'include-acknowledged': { type: 'boolean' } },
  });
  if (positionals.length > 1) {
    throw new CliError(`expected at most one cloud assembly directory, got ${positionals.length}`);
  }
  const assembly = positionals[0] ?? 'cdk.out';
  const report = readAssemblyReport(assembly);
  // The invariant: what the report calls followed is in the templates CDK wrote.
  const notCarried = missingFingerprints(assembly, report);
  // A consumer whose finding the app acknowledged (cdk synth --strict passes) is shown, and not a problem.
  const isAcknowledged = acknowledgementsOf([report]);
  const rows = report.consumers.flatMap(c => c.layers.map(l => ({
    stack: c.stack, function: c.function, source: l.source, fingerprint: l.fingerprint ?? '-', status: l.status,
    ...(l.finding ? { finding: l.finding } : {}), acknowledged: isAcknowledged(l.finding, c.function),
  })));
  const counts = (r: { status: LayerStatus; acknowledged: boolean }) => NOT_FOLLOWING.has(r.status) && (!r.acknowledged || values['include-acknowledged'] === true);
  const acknowledgedRows = rows.filter(r => NOT_FOLLOWING.has(r.status) && r.acknowledged).length;
  // The findings no layer row shows (a Stage not covered, a pipeline's order, a check that could not run): each fails
  // check as it fails `cdk synth --strict`.
  const findings = findingsBeyondLayers(report).map(f => ({ ...f, fails: failsStrictSynthesis(f, values['include-acknowledged'] === true) }));
  const problems = rows.filter(counts).length + report.staleEntries.length + notCarried.length + findings.filter(f => f.fails).length;
  if (values.json) {
    const json = { ok: problems === 0, consumers: rows, acknowledged: acknowledgedRows, staleEntries: report.staleEntries, notCarried, findings };
    out(JSON.stringify(json, undefined, 2));
  } else {
    printTable(rows.map(r => ({ ...r, status: r.acknowledged ? `${r.status} (acknowledged)` : r.status })), out);
    for (const stale of report.staleEntries) {
      out(`stale registry entry: '${stale.parameterName}' registered ${stale.registered.slice(0, 12)}, `
        + `source ${stale.source} ${stale.current ? `now ${stale.current.slice(0, 12)}` : `unreadable (${stale.error})`}`);
    }
    for (const missing of notCarried) {
      out(`fingerprint not in the template: ${missing.function} (stack ${missing.stack}) follows ${missing.expected.join(' ')} `
        + `according to the report, but its template has ${missing.found}`);
    }
    for (const finding of findings) {
      out(`finding ${findingLine(finding)}`);
    }
    const noted = acknowledgedRows > 0 && values['include-acknowledged'] !== true
      ? `; ${acknowledgedRows} not followed but acknowledged (--include-acknowledged counts them)` : '';
    out(problems === 0 ? `ok: ${rows.length} layer use(s), all followed or already tracked by CloudFormation${noted}`
      : `${problems} problem(s): consumers that will not move with their layer, stale registry entries, followed `
        + `consumers whose template lacks the fingerprint, or findings that fail cdk synth --strict${noted}`);
  }
  return problems === 0 ? 0 : 1;
}

function printTable(rows: Array<Record<string, string | boolean>>, out: (line: string) => void): void {
  const columns = ['stack', 'function', 'source', 'fingerprint', 'status'];
  const headers: Record<string, string> = { stack: 'STACK', function: 'FUNCTION', source: 'LAYER SOURCE', fingerprint: 'FINGERPRINT', status: 'STATUS' };
  const widths = columns.map(c => Math.max(headers[c].length, ...rows.map(r => String(r[c]).length)));
  const line = (r: Record<string, string | boolean>) => columns.map((c, i) => String(r[c]).padEnd(widths[i])).join('  ').trimEnd();
  out(line(headers));
  rows.forEach(r => out(line(r)));
}
