// Synthesis overhead of the aspect on a large app: 2,000 consumer functions in 50 stacks importing
// 20 layers through SSM. Each round builds and synthesizes the app once with and once without the
// aspect (alternating which goes first); medians are compared.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, AspectPriority, Aspects, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { LayerDependencyAspect } from '../../src';

export const LAYERS = 20;
export const STACKS = 50;
export const FUNCTIONS_PER_STACK = 40;

function layerDirs(): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-bench-layers-'));
  return Array.from({ length: LAYERS }, (_, i) => {
    const dir = path.join(root, `layer${i}`, 'python');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `shared${i}.py`), `VALUE = ${i}\n`);
    return path.dirname(dir);
  });
}

function buildApp(dirs: string[], withAspect: boolean): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cls-bench-out-')) });
  const producer = new Stack(app, 'Layers');
  dirs.forEach((dir, i) => {
    const layer = new lambda.LayerVersion(producer, `Layer${i}`, { code: lambda.Code.fromAsset(dir) });
    new ssm.StringParameter(producer, `Param${i}`, { parameterName: `/bench/layer${i}`, stringValue: layer.layerVersionArn });
  });
  for (let s = 0; s < STACKS; s++) {
    const stack = new Stack(app, `Service${s}`);
    for (let f = 0; f < FUNCTIONS_PER_STACK; f++) {
      const index = (s * FUNCTIONS_PER_STACK + f) % LAYERS;
      const arn = ssm.StringParameter.valueForStringParameter(stack, `/bench/layer${index}`);
      const fn = new lambda.Function(stack, `Fn${f}`, {
        runtime: lambda.Runtime.PYTHON_3_13,
        handler: 'index.handler',
        code: lambda.Code.fromInline(`def handler(event, context):\n    return ${f}\n`),
        description: `function ${f} of service ${s}`,
        layers: [lambda.LayerVersion.fromLayerVersionArn(stack, `Layer${f}`, arn)],
      });
      fn.addAlias('Live');
    }
  }
  if (withAspect) {
    Aspects.of(app).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING });
  }
  return app;
}

function timeSynth(dirs: string[], withAspect: boolean): number {
  const app = buildApp(dirs, withAspect);
  const start = process.hrtime.bigint();
  app.synth();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // The timing means nothing unless the aspect did its work: every consumer carries a marker, or none.
  const template = fs.readFileSync(path.join(app.outdir, `Service${STACKS - 1}.template.json`), 'utf-8');
  const markers = template.match(/\[layer-sync [0-9a-f]{12}\]/g)?.length ?? 0;
  if (markers !== (withAspect ? FUNCTIONS_PER_STACK : 0)) {
    throw new Error(`expected ${withAspect ? FUNCTIONS_PER_STACK : 0} rewritten functions in Service${STACKS - 1}, found ${markers}`);
  }
  fs.rmSync(app.outdir, { recursive: true, force: true });
  return seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function benchSynthesisOverhead(rounds: number): { withAspect: number; without: number; overheadPercent: number } {
  const dirs = layerDirs();
  console.log(`synthesis: ${STACKS * FUNCTIONS_PER_STACK} consumer functions in ${STACKS} stacks, ${LAYERS} layers via SSM, ${rounds} rounds (+1 warm-up)`);
  timeSynth(dirs, true);
  const withTimes: number[] = [];
  const withoutTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [false, true] : [true, false];
    for (const withAspect of order) {
      (withAspect ? withTimes : withoutTimes).push(timeSynth(dirs, withAspect));
    }
    console.log(`  round ${round + 1}: without ${withoutTimes[round].toFixed(2)} s, with ${withTimes[round].toFixed(2)} s`);
  }
  const result = { withAspect: median(withTimes), without: median(withoutTimes), overheadPercent: 0 };
  result.overheadPercent = (result.withAspect / result.without - 1) * 100;
  console.log(`  median: without ${result.without.toFixed(2)} s, with ${result.withAspect.toFixed(2)} s, `
    + `ratio ${(result.withAspect / result.without).toFixed(3)} (overhead ${result.overheadPercent.toFixed(1)}%; goal < 5%)`);
  return result;
}
