import { FindingLevel } from '../findings/finding-level';
import { LayerDependencyReport, ReportFinding } from './report-shape';

/**
 * The report's findings that no layer of a consumer already shows (each layer names the finding of its status, on
 * its function): the findings of the app as a whole (a Stage not covered, a pipeline's order, a layer not retained,
 * a check that could not run) and those of a function's stack order. Acknowledged ones included: they say so.
 */
export function findingsBeyondLayers(report: LayerDependencyReport): ReportFinding[] {
  const onLayers = new Set(report.consumers.flatMap(c => c.layers.flatMap(l => (l.finding ? [`${l.finding}\u0000${c.function}`] : []))));
  return report.findings.filter(f => !onLayers.has(`${f.id}\u0000${f.path}`));
}

/**
 * True when the finding fails `cdk synth --strict`, and so `check`: a warning or an error, unless acknowledged (a
 * warning acknowledged on its construct, its stack or its Stage), or unless acknowledged ones are asked to count too.
 */
export function failsStrictSynthesis(finding: ReportFinding, includeAcknowledged = false): boolean {
  const serious = finding.level === FindingLevel.ERROR || finding.level === FindingLevel.WARNING;
  return serious && (finding.acknowledged !== true || includeAcknowledged);
}

/** A finding on one line: `[LEVEL] id at path: message`, with `(acknowledged)` when it is. */
export function findingLine(finding: ReportFinding): string {
  return `[${finding.level}${finding.acknowledged ? ', acknowledged' : ''}] ${finding.id} at ${finding.path || '(the app)'}: ${finding.message}`;
}
