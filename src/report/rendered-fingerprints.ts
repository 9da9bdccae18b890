import * as fs from 'fs';
import * as path from 'path';
import { carriesFingerprints } from '../rewrite/carried-fingerprints';
import { environmentValue } from '../rewrite/environment-variable';
import { LayerStatus } from '../facts/layer-status';
import { LayerDependencyReport, ReportConsumer } from './report-shape';

/** A consumer the report calls followed whose rendered template does not carry its layers' fingerprints. */
export interface MissingFingerprint {
  readonly function: string;
  readonly stack: string;
  /** The short fingerprints the report says it follows, in layer order. */
  readonly expected: string[];
  /** What was found instead. */
  readonly found: string;
}

interface Manifest {
  readonly artifacts?: Record<string, { type?: string; displayName?: string; properties?: { templateFile?: string; directoryName?: string } }>;
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

/** The templates of a cloud assembly, each listed and parsed once however many consumers are looked up in them. */
class AssemblyTemplates {
  /** Every stack template of the assembly and of its Stages' assemblies, by the stack's construct path. */
  private readonly byStackPath = new Map<string, string>();
  private nested?: string[];
  private readonly parsed = new Map<string, { Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> }> }>();

  constructor(private readonly root: string) {
    this.visit(root);
  }

  /** The function's properties in the template CDK wrote, or why they could not be found. */
  public renderedFunction(consumer: ReportConsumer): Record<string, unknown> | string {
    const own = this.byStackPath.get(consumer.stackPath);
    const candidates = own ? [own] : (this.nested ??= nestedTemplates(this.root));
    const found = candidates.flatMap(file => {
      const resource = this.template(file).Resources?.[consumer.logicalId];
      return resource?.Type === 'AWS::Lambda::Function' ? [resource.Properties ?? {}] : [];
    });
    if (found.length !== 1) {
      return found.length === 0
        ? `no template in '${this.root}' holds its function ${consumer.logicalId}`
        : `${found.length} nested stack templates hold a function ${consumer.logicalId}; it cannot be told which is its own`;
    }
    return found[0];
  }

  private template(file: string) {
    let template = this.parsed.get(file);
    if (!template) {
      template = JSON.parse(fs.readFileSync(file, 'utf-8'));
      this.parsed.set(file, template!);
    }
    return template!;
  }

  private visit(dir: string): void {
    const manifestFile = path.join(dir, 'manifest.json');
    if (!fs.existsSync(manifestFile)) {
      return;
    }
    let manifest: Manifest;
    try {
      manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf-8')) as Manifest;
    } catch (error) {
      throw new Error(`cannot read the cloud assembly manifest '${manifestFile}': ${(error as Error).message}`);
    }
    for (const artifact of Object.values(manifest.artifacts ?? {})) {
      if (artifact.type === 'aws:cloudformation:stack' && artifact.displayName && artifact.properties?.templateFile) {
        this.byStackPath.set(artifact.displayName, path.join(dir, artifact.properties.templateFile));
      } else if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
        this.visit(path.join(dir, artifact.properties.directoryName));
      }
    }
  }
}

/** Every nested stack template anywhere in the assembly directory. */
function nestedTemplates(directory: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory() && entry.name.startsWith('assembly-')) {
      found.push(...nestedTemplates(full));
    } else if (entry.isFile() && entry.name.endsWith('.nested.template.json')) {
      found.push(full);
    }
  }
  return found;
}
