import { parseArgs } from 'util';
import { missingFingerprints } from '../report/rendered-fingerprints';
import { readAssemblyReport } from './cli-inputs';
import { CliError } from './usage';

/** Statuses that mean a consumer will not move with its layer. */
const FAILING = new Set(['unhashed', 'unresolvable', 'exported', 'stale', 'cached-lookup']);


/** `cdk-layer-sync check [cdk.out] [--json]` */
export function checkCommand(args: string[], out: (line: string) => void): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length > 1) {
    throw new CliError(`expected at most one cloud assembly directory, got ${positionals.length}`);
  }
  const assembly = positionals[0] ?? 'cdk.out';
  const report = readAssemblyReport(assembly);
  // The invariant: what the report calls followed is in the templates CDK wrote.
  const notCarried = missingFingerprints(assembly, report);
  const rows = report.consumers.flatMap(c => c.layers.map(l => ({
    stack: c.stack, function: c.function, source: l.source, fingerprint: l.fingerprint ?? '-', status: l.status,
  })));
  const problems = rows.filter(r => FAILING.has(r.status)).length + report.staleEntries.length + notCarried.length;
  if (values.json) {
    out(JSON.stringify({ ok: problems === 0, consumers: rows, staleEntries: report.staleEntries, notCarried }, undefined, 2));
  } else {
    printTable(rows, out);
    for (const stale of report.staleEntries) {
      out(`stale registry entry: '${stale.parameterName}' registered ${stale.registered.slice(0, 12)}, `
        + `source ${stale.source} ${stale.current ? `now ${stale.current.slice(0, 12)}` : `unreadable (${stale.error})`}`);
    }
    for (const missing of notCarried) {
      out(`fingerprint not in the template: ${missing.function} (stack ${missing.stack}) follows ${missing.expected.join(' ')} `
        + `according to the report, but its template has ${missing.found}`);
    }
    out(problems === 0 ? `ok: ${rows.length} layer use(s), all followed or already tracked by CloudFormation`
      : `${problems} problem(s): consumers that will not move with their layer, stale registry entries, or followed `
        + 'consumers whose template lacks the fingerprint');
  }
  return problems === 0 ? 0 : 1;
}

function printTable(rows: Array<Record<string, string>>, out: (line: string) => void): void {
  const columns = ['stack', 'function', 'source', 'fingerprint', 'status'];
  const headers: Record<string, string> = { stack: 'STACK', function: 'FUNCTION', source: 'LAYER SOURCE', fingerprint: 'FINGERPRINT', status: 'STATUS' };
  const widths = columns.map(c => Math.max(headers[c].length, ...rows.map(r => r[c].length)));
  const line = (r: Record<string, string>) => columns.map((c, i) => r[c].padEnd(widths[i])).join('  ').trimEnd();
  out(line(headers));
  rows.forEach(r => out(line(r)));
}
