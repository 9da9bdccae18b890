import { carriesFingerprints } from '../rewrite/carried-fingerprints';
import { environmentValue } from '../rewrite/environment-variable';
import { LayerStatus } from '../facts/layer-status';
import { AssemblyTemplates } from './assembly-templates';
import { LayerDependencyReport } from './report-shape';

/** A consumer the report calls followed whose rendered template does not carry its layers' fingerprints. */
export interface MissingFingerprint {
  readonly function: string;
  readonly stack: string;
  /** The short fingerprints the report says it follows, in layer order. */
  readonly expected: string[];
  /** What was found instead. */
  readonly found: string;
}

/**
 * The invariant the library keeps, checked from the cloud assembly alone: every consumer the report calls followed
 * carries, in the template CDK wrote, the current fingerprint of each followed layer, in its description marker
 * or in an environment variable. Returns every consumer that does not.
 */
export function missingFingerprints(assemblyDirectory: string, report: LayerDependencyReport): MissingFingerprint[] {
  const templates = new AssemblyTemplates(assemblyDirectory);
  const missing: MissingFingerprint[] = [];
  for (const consumer of report.consumers) {
    const expected = consumer.layers.filter(l => l.status === LayerStatus.TRACKED && l.fingerprint).map(l => l.fingerprint!);
    if (expected.length === 0) {
      continue;
    }
    const properties = templates.renderedFunction(consumer);
    if (typeof properties === 'string') {
      missing.push({ function: consumer.function, stack: consumer.stack, expected, found: properties });
      continue;
    }
    if (!carriesFingerprints(properties, expected)) {
      missing.push({
        function: consumer.function, stack: consumer.stack, expected,
        found: `description ${JSON.stringify(properties.Description ?? null)} and no environment variable ${JSON.stringify(environmentValue(expected))}`,
      });
    }
  }
  return missing;
}

