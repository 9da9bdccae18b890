import * as fs from 'fs';
import * as path from 'path';

/** Where a function is: its stack's construct path and its logical id (a report's consumer has both). */
export interface FunctionPlace {
  readonly stackPath: string;
  readonly logicalId: string;
}

interface Manifest {
  readonly artifacts?: Record<string, { type?: string; displayName?: string; properties?: { templateFile?: string; directoryName?: string } }>;
}

/** The templates of a cloud assembly, each listed and parsed once however many consumers are looked up in them. */
export class AssemblyTemplates {
  /** Every stack template of the assembly and of its Stages' assemblies, by the stack's construct path. */
  private readonly byStackPath = new Map<string, string>();
  private nested?: string[];
  private readonly parsed = new Map<string, { Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> }> }>();

  constructor(private readonly root: string) {
    this.visit(root);
  }

  /** The function's properties in the template CDK wrote, or why they could not be found. */
  public renderedFunction(consumer: FunctionPlace): Record<string, unknown> | string {
    const found = this.templatesOf(consumer).flatMap(file => {
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

  /**
   * The logical ids of the `AWS::Lambda::Version`s of a function in the template CDK wrote: what its aliases point
   * at. Empty where the function or its template is not there.
   */
  public versionsOf(consumer: FunctionPlace): string[] {
    return this.templatesOf(consumer).flatMap(file => Object.entries(this.template(file).Resources ?? {})
      .filter(([, r]) => r.Type === 'AWS::Lambda::Version' && (r.Properties?.FunctionName as { Ref?: unknown } | undefined)?.Ref === consumer.logicalId)
      .map(([id]) => id));
  }

  /** True when the assembly holds a stack of this construct path (a nested Stage's included). */
  public hasStack(stackPath: string): boolean {
    return this.byStackPath.has(stackPath);
  }

  private templatesOf(consumer: FunctionPlace): string[] {
    const own = this.byStackPath.get(consumer.stackPath);
    return own ? [own] : (this.nested ??= nestedTemplates(this.root));
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
