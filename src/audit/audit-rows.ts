import { AuditedFunction, AuditRow, CurrentLayerVersion } from './audit-model';
import { parseLayerVersionArn } from './layer-arn';

/**
 * Compare what each function runs with the current version of each of its layers: one row per layer of `$LATEST`
 * and of every version an alias routes to. A layer whose current version is not known (another account's layer,
 * an ARN that is not a layer version) is `unknown`, never `current`.
 */
export function auditRows(functions: AuditedFunction[], current: Map<string, CurrentLayerVersion>): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const fn of functions) {
    const qualifiers = [
      { qualifier: '$LATEST', layers: fn.latestLayers },
      ...fn.aliases.flatMap(alias => alias.versions.map(v => ({
        qualifier: alias.name, version: v.version, weight: alias.versions.length > 1 ? v.weight : undefined, layers: v.layers,
      }))),
    ];
    for (const q of qualifiers) {
      for (const layerVersionArn of q.layers) {
        rows.push({
          function: fn.name, stack: fn.stack, qualifier: q.qualifier,
          ...('version' in q ? { version: q.version, weight: q.weight } : {}),
          ...compare(layerVersionArn, current),
        });
      }
    }
  }
  return rows;
}

function compare(layerVersionArn: string, current: Map<string, CurrentLayerVersion>) {
  const runs = parseLayerVersionArn(layerVersionArn);
  if (!runs) {
    return { layerVersionArn, layer: layerVersionArn, status: 'unknown' as const, note: 'not a layer version ARN' };
  }
  const known = current.get(runs.layerArn);
  if (!known) {
    return {
      layerVersionArn, layer: runs.name, runsVersion: runs.version, status: 'unknown' as const,
      note: `no current version known: ${runs.layerArn} is not this account's layer, or has no version left; `
        + 'name the parameter that holds it (--parameter)',
    };
  }
  const behind = known.version - runs.version;
  return {
    layerVersionArn, layer: runs.name, runsVersion: runs.version, currentVersion: known.version, behind: Math.max(behind, 0),
    status: behind > 0 ? 'stale' as const : 'current' as const, note: known.from,
  };
}

/** `N current, N stale[, N unknown]`. */
export function auditSummary(rows: AuditRow[]): string {
  const count = (status: string) => rows.filter(r => r.status === status).length;
  const unknown = count('unknown');
  return `${count('current')} current, ${count('stale')} stale${unknown > 0 ? `, ${unknown} unknown` : ''}`;
}
