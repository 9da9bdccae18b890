// Runs the real `cdk` CLI (the aws-cdk devDependency) and reads what it wrote. Shared by the demo,
// the benchmark and the end-to-end tests; it is harness, not library code.
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples', 'cross-stack-layers');
export const PIPELINES_EXAMPLE_DIR = path.join(REPO_ROOT, 'examples', 'cdk-pipelines');
const CDK_BIN = path.join(REPO_ROOT, 'node_modules', 'aws-cdk', 'bin', 'cdk');

export interface CdkRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The cloud assembly directory (`-o`), for synth. */
  readonly outdir: string;
}

/**
 * Run `cdk <args>` in `cwd` with offline-friendly settings; never throws on a non-zero exit.
 * @param env extra environment variables for the CLI and the app (HOME, to give CDK a cache of its own)
 */
export function runCdk(
  args: string[], cwd = EXAMPLE_DIR, outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-cdk-')), env: Record<string, string> = {},
): CdkRun {
  const result = spawnSync(process.execPath, [CDK_BIN, ...args, '--output', outdir, '--no-notices', '--no-version-reporting'], {
    cwd,
    encoding: 'utf-8',
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: 'true', FORCE_COLOR: '0', CI: 'true', ...env },
    timeout: 300_000,
  });
  if (result.error) {
    throw new Error(`could not run the cdk CLI at ${CDK_BIN}: ${result.error.message}`);
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr, outdir };
}

/** `-c key=value` arguments. */
export function context(values: Record<string, string>): string[] {
  return Object.entries(values).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}

export interface CfnTemplate {
  Resources: Record<string, { Type: string; Properties?: Record<string, any> }>;
}

/** A stack template written by `cdk synth`. */
export function readTemplate(outdir: string, stackName: string): CfnTemplate {
  return JSON.parse(fs.readFileSync(path.join(outdir, `${stackName}.template.json`), 'utf-8'));
}

/** What a consumer function looks like in a template: description, version logical id, alias target. */
export interface ConsumerView {
  readonly functionId: string;
  readonly description?: string;
  readonly marker?: string;
  readonly versionId: string;
  readonly aliasTarget: string;
}

/** Every function of a template with its current Version and the Version its alias points at. */
export function consumers(template: CfnTemplate): ConsumerView[] {
  const resources = Object.entries(template.Resources);
  return resources.filter(([, r]) => r.Type === 'AWS::Lambda::Function').map(([functionId, fn]) => {
    const isMine = (r: { Properties?: Record<string, any> }) => r.Properties?.FunctionName?.Ref === functionId;
    const version = resources.find(([, r]) => r.Type === 'AWS::Lambda::Version' && isMine(r));
    const alias = resources.find(([, r]) => r.Type === 'AWS::Lambda::Alias' && isMine(r));
    const description: string | undefined = fn.Properties?.Description;
    return {
      functionId,
      description,
      marker: /\[layer-sync ([^\]]+)\]$/.exec(description ?? '')?.[1],
      versionId: version?.[0] ?? '(none)',
      aliasTarget: alias?.[1].Properties?.FunctionVersion?.['Fn::GetAtt']?.[0] ?? '(none)',
    };
  });
}

/** Copy a directory tree. */
export function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

/**
 * The template of a stack by its construct path (`PipelineStack/Dev/LambdaStack`), wherever it is in the
 * cloud assembly: the root's manifest or a nested Stage assembly's.
 */
export function readStackTemplate(outdir: string, constructPath: string): CfnTemplate {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf-8'));
  for (const artifact of Object.values<any>(manifest.artifacts)) {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.displayName === constructPath) {
      return JSON.parse(fs.readFileSync(path.join(outdir, artifact.properties.templateFile), 'utf-8'));
    }
    if (artifact.type === 'cdk:cloud-assembly') {
      const nested = path.join(outdir, artifact.properties.directoryName);
      try {
        return readStackTemplate(nested, constructPath);
      } catch {
        // not in this nested assembly
      }
    }
  }
  throw new Error(`no stack ${constructPath} in the cloud assembly ${outdir}`);
}

/** The actions of the `AWS::CodePipeline::Pipeline` in a template: pipeline stage, action name, run order. */
export function pipelineActions(template: CfnTemplate): Array<{ stage: string; name: string; runOrder: number }> {
  const pipeline = Object.values(template.Resources).find(r => r.Type === 'AWS::CodePipeline::Pipeline');
  if (!pipeline) {
    throw new Error('no AWS::CodePipeline::Pipeline in the template');
  }
  return (pipeline.Properties!.Stages as any[]).flatMap(stage =>
    (stage.Actions as any[]).map(action => ({ stage: stage.Name, name: action.Name, runOrder: action.RunOrder ?? 1 })));
}

/**
 * The 12-character fingerprint the README documents for the one layer version of a synthesized template:
 * SHA-256 over its CloudFormation type and properties, object keys sorted. Computed here, independently of
 * the library, so tests compare the library's marker with the documented rule.
 */
export function documentedLayerFingerprint(template: CfnTemplate): string {
  const layers = Object.values(template.Resources).filter(r => r.Type === 'AWS::Lambda::LayerVersion');
  if (layers.length !== 1) {
    throw new Error(`expected exactly one AWS::Lambda::LayerVersion, found ${layers.length}`);
  }
  const sorted = (v: any): any => Array.isArray(v) ? v.map(sorted)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map(k => [k, sorted(v[k])])) : v;
  const text = JSON.stringify(sorted({ Type: layers[0].Type, Properties: layers[0].Properties ?? {} }));
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The aws-cdk-lib release that synthesized a cloud assembly, as its `tree.json` records it. */
export function synthesizedWith(outdir: string): string {
  const tree = JSON.parse(fs.readFileSync(path.join(outdir, 'tree.json'), 'utf-8'));
  return tree.tree.constructInfo.version;
}
