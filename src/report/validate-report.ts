import { LayerStatus } from '../analysis/analyze-consumer';
import { REPORT_VERSION } from './layer-dependency-report';
import { LayerDependencyReport } from './report-shape';

/** How one field of a record must look: a string, an optional string, a number, a list of strings... */
type FieldRule = 'string' | 'string?' | 'number' | 'boolean?' | 'strings?' | 'list';

const PRODUCER: Record<string, FieldRule> = {
  parameterName: 'string', origin: 'string', account: 'string?', region: 'string?', fingerprint: 'string?', error: 'string?',
  producer: 'string?', stackPath: 'string?', assembly: 'string?', source: 'string?', stale: 'boolean?',
  literalArn: 'string?', condition: 'string?',
};
const CONSUMER: Record<string, FieldRule> = {
  stack: 'string', stackPath: 'string', function: 'string', logicalId: 'string', layers: 'list',
  assembly: 'string?', account: 'string?', region: 'string?', versions: 'strings?', aliases: 'strings?',
};
const LAYER: Record<string, FieldRule> = {
  index: 'number', source: 'string', kind: 'string', status: 'string',
  parameterName: 'string?', fingerprint: 'string?', origin: 'string?', producer: 'string?', finding: 'string?',
  layerFingerprint: 'string?', producers: 'strings?',
};
const STALE_ENTRY: Record<string, FieldRule> = {
  parameterName: 'string', registered: 'string', account: 'string?', region: 'string?', source: 'string?', current: 'string?', error: 'string?',
};
const FINDING: Record<string, FieldRule> = { id: 'string', level: 'string', path: 'string', message: 'string', acknowledged: 'boolean?' };
const LAYER_ASSET: Record<string, FieldRule> = { layer: 'string', sourcePath: 'string', assetHash: 'string', fingerprint: 'string' };
const ORIGINS = ['discovered', 'registry'];
/** Every status the aspect writes: one the readers do not know would be shown and not counted. */
const STATUSES: readonly string[] = Object.values(LayerStatus);

function fieldProblem(value: unknown, rule: FieldRule): string | undefined {
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
  records('producers', PRODUCER).forEach((producer, index) => {
    if (!ORIGINS.includes(producer.origin as string)) {
      fail(`producers[${index}]: `, `origin must be one of ${ORIGINS.join(', ')}, got ${JSON.stringify(producer.origin)}`);
    }
  });
  records('consumers', CONSUMER).forEach((consumer, index) => {
    (consumer.layers as unknown[]).forEach((layer, l) => {
      const where = `consumers[${index}].layers[${l}]`;
      const fields = checkRecord(where, layer, LAYER, fail);
      if (!STATUSES.includes(fields.status as string)) {
        fail(`${where}: `, `status must be one of ${STATUSES.join(', ')}, got ${JSON.stringify(fields.status)}`);
      }
    });
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
