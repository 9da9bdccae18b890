// Runs the real `cdk` CLI (the aws-cdk devDependency) and reads what it wrote. Shared by the demo,
// the benchmark and the end-to-end tests; it is harness, not library code.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples', 'cross-stack-layers');
const CDK_BIN = path.join(REPO_ROOT, 'node_modules', 'aws-cdk', 'bin', 'cdk');

export interface CdkRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The cloud assembly directory (`-o`), for synth. */
  readonly outdir: string;
}

/** Run `cdk <args>` in `cwd` with offline-friendly settings; never throws on a non-zero exit. */
export function runCdk(args: string[], cwd = EXAMPLE_DIR, outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-cdk-'))): CdkRun {
  const result = spawnSync(process.execPath, [CDK_BIN, ...args, '--output', outdir, '--no-notices', '--no-version-reporting'], {
    cwd,
    encoding: 'utf-8',
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: 'true', FORCE_COLOR: '0', CI: 'true' },
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
