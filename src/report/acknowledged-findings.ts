import { LayerDependencyReport } from './report-shape';

/**
 * Whether the app acknowledged the finding `id` on a function, as the reports recorded it (a warning acknowledged
 * on the function or a scope above it, so that `cdk synth --strict` passes): what `check`, `diff` and `graph` show
 * as acknowledged, and do not fail on.
 */
export function acknowledgementsOf(reports: readonly LayerDependencyReport[]): (id: string | undefined, functionPath: string) => boolean {
  const acknowledged = new Set(reports.flatMap(r => r.findings.filter(f => f.acknowledged).map(f => `${f.id}\u0000${f.path}`)));
  return (id, functionPath) => id !== undefined && acknowledged.has(`${id}\u0000${functionPath}`);
}
