import { FINDING_IDS } from '../findings/catalog';
import { FindingLevel } from '../findings/finding-level';
import { LAYER_STATUSES } from '../facts/layer-status';
import { REPORT_VERSION } from './layer-dependency-report';
import { LayerAssetRecord, LayerDependencyReport, ReportConsumer, ReportFinding, ReportLayer, ReportProducer, ReportStaleEntry } from './report-shape';

/** How one field of a record must look: a string, an optional string, a number, a list of strings, one of some values... */
type FieldRule = 'string' | 'string?' | 'number' | 'boolean?' | 'strings?' | 'list' | OneOf;
/** One of these values (a status, an origin, a finding id or level): the vocabulary comes from its one definition. */
interface OneOf {
  readonly oneOf: readonly string[];
}
/** A rule for every field of a record of the report's shape (`report-shape.ts`): a field added there needs a rule here. */
type RecordRules<T> = { readonly [K in keyof T]-?: FieldRule };

const PRODUCER: RecordRules<ReportProducer> = {
  parameterName: 'string', origin: { oneOf: ['discovered', 'registry'] }, account: 'string?', region: 'string?', fingerprint: 'string?',
  error: 'string?', producer: 'string?', stackPath: 'string?', assembly: 'string?', source: 'string?', stale: 'boolean?',
  literalArn: 'string?', condition: 'string?',
};
const CONSUMER: RecordRules<ReportConsumer> = {
  stack: 'string', stackPath: 'string', function: 'string', logicalId: 'string', layers: 'list',
  assembly: 'string?', account: 'string?', region: 'string?', versions: 'strings?', aliases: 'strings?',
};
const LAYER: RecordRules<ReportLayer> = {
  index: 'number', source: 'string', kind: 'string', status: { oneOf: LAYER_STATUSES },
  parameterName: 'string?', fingerprint: 'string?', origin: 'string?', producer: 'string?', finding: 'string?',
  layerFingerprint: 'string?', producers: 'strings?',
};
const STALE_ENTRY: RecordRules<ReportStaleEntry> = {
  parameterName: 'string', registered: 'string', account: 'string?', region: 'string?', source: 'string?', current: 'string?', error: 'string?',
};
const FINDING: RecordRules<ReportFinding> = {
  id: { oneOf: FINDING_IDS }, level: { oneOf: Object.values(FindingLevel) }, path: 'string', message: 'string', acknowledged: 'boolean?',
};
const LAYER_ASSET: RecordRules<LayerAssetRecord> = { layer: 'string', sourcePath: 'string', assetHash: 'string', fingerprint: 'string' };

function fieldProblem(value: unknown, rule: FieldRule): string | undefined {
  if (typeof rule === 'object') {
    return typeof value === 'string' && rule.oneOf.includes(value) ? undefined : `one of ${rule.oneOf.join(', ')}`;
  }
  switch (rule) {
    case 'string':
      return typeof value === 'string' && value !== '' ? undefined : 'a non-empty string';
    case 'string?':
      return value === undefined || typeof value === 'string' ? undefined : 'a string, or absent';
    case 'number':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : 'a whole number';
    case 'boolean?':
      return value === undefined || typeof value === 'boolean' ? undefined : 'true, false, or absent';
    case 'strings?':
      return value === undefined || (Array.isArray(value) && value.every(v => typeof v === 'string')) ? undefined : 'a list of strings, or absent';
    case 'list':
      return Array.isArray(value) ? undefined : 'a list';
  }
}

/**
 * Check that parsed JSON is a `layer-dependencies.json` this release can read: its version, and the shape of every
 * record the CLI reads.
 *
 * @throws naming the file, the record (`consumers[2].layers[0]`) and the field at fault, and what was expected
 */
export function validateReport(file: string, data: unknown): LayerDependencyReport {
  const fail = (where: string, what: string): never => {
    throw new Error(`'${file}' is not a layer-dependencies report this cdk-layer-sync can read: ${where}${what}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('', `expected an object, got ${JSON.stringify(data)}`);
  }
  const report = data as Record<string, unknown>;
  if (report.version !== REPORT_VERSION) {
    fail('', `version ${JSON.stringify(report.version)}, but this release reads version ${REPORT_VERSION}; `
      + 'synthesize the app again with this release of cdk-layer-sync');
  }
  const records = (name: string, rules: Record<string, FieldRule>, optional = false): Array<Record<string, unknown>> => {
    const list = report[name];
    if (list === undefined && optional) {
      return [];
    }
    if (!Array.isArray(list)) {
      return fail('', `"${name}" must be a list, got ${JSON.stringify(list)}`);
    }
    return list.map((record, index) => checkRecord(`${name}[${index}]`, record, rules, fail));
  };
  records('producers', PRODUCER);
  records('consumers', CONSUMER).forEach((consumer, index) => {
    (consumer.layers as unknown[]).forEach((layer, l) => checkRecord(`consumers[${index}].layers[${l}]`, layer, LAYER, fail));
  });
  records('staleEntries', STALE_ENTRY);
  records('findings', FINDING);
  records('layerAssets', LAYER_ASSET, true);
  return report as unknown as LayerDependencyReport;
}

function checkRecord(
  where: string, record: unknown, rules: Record<string, FieldRule>, fail: (where: string, what: string) => never,
): Record<string, unknown> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return fail(`${where}: `, `expected an object, got ${JSON.stringify(record)}`);
  }
  const fields = record as Record<string, unknown>;
  for (const [field, rule] of Object.entries(rules)) {
    const problem = fieldProblem(fields[field], rule);
    if (problem) {
      fail(`${where}: `, `${field} must be ${problem}, got ${JSON.stringify(fields[field])}`);
    }
  }
  return fields;
}
