// Synthesis overhead of the aspect on a large app: 2,000 consumer functions in 50 stacks importing
// 20 layers through SSM. Each round builds and synthesizes the app once with and once without the
// aspect (alternating which goes first); medians are compared.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, AspectPriority, Aspects, IAspect, Stack, Stage } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IConstruct } from 'constructs';
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

/** The aspect, with the time spent in its visits added up: its own cost, free of synthesis noise. */
class TimedAspect implements IAspect {
  public seconds = 0;
  private readonly inner = new LayerDependencyAspect();
  public visit(node: IConstruct): void {
    const start = process.hrtime.bigint();
    this.inner.visit(node);
    this.seconds += Number(process.hrtime.bigint() - start) / 1e9;
  }
}

function buildApp(dirs: string[], aspect?: TimedAspect, stacks = STACKS, inStage = false): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cls-bench-out-')) });
  const scope: Construct = inStage ? new Stage(app, 'Prod') : app;
  const producer = new Stack(scope, 'Layers');
  dirs.forEach((dir, i) => {
    const layer = new lambda.LayerVersion(producer, `Layer${i}`, { code: lambda.Code.fromAsset(dir) });
    new ssm.StringParameter(producer, `Param${i}`, { parameterName: `/bench/layer${i}`, stringValue: layer.layerVersionArn });
  });
  for (let s = 0; s < stacks; s++) {
    const stack = new Stack(scope, `Service${s}`);
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
  if (aspect) {
    Aspects.of(app).add(aspect, { priority: AspectPriority.MUTATING });
  }
  return app;
}

interface Timing {
  /** Wall-clock seconds. */
  readonly wall: number;
  /** CPU seconds (user + system) of this process: not inflated by other load on the machine. */
  readonly cpu: number;
}

function timeSynth(dirs: string[], aspect?: TimedAspect, stacks = STACKS, inStage = false): Timing {
  const withAspect = aspect !== undefined;
  const app = buildApp(dirs, aspect, stacks, inStage);
  global.gc?.();
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  app.synth();
  const cpuUsed = process.cpuUsage(cpuStart);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // The timing means nothing unless the aspect did its work: every consumer carries a marker, or none.
  const assembly = inStage ? path.join(app.outdir, 'assembly-Prod') : app.outdir;
  const templateFile = fs.readdirSync(assembly).find(f => f.endsWith('.template.json') && f.includes(`Service${stacks - 1}`))!;
  const template = fs.readFileSync(path.join(assembly, templateFile), 'utf-8');
  const markers = template.match(/\[layer-sync [0-9a-f]{12}\]/g)?.length ?? 0;
  if (markers !== (withAspect ? FUNCTIONS_PER_STACK : 0)) {
    throw new Error(`expected ${withAspect ? FUNCTIONS_PER_STACK : 0} rewritten functions in ${templateFile}, found ${markers}`);
  }
  fs.rmSync(app.outdir, { recursive: true, force: true });
  return { wall: seconds, cpu: (cpuUsed.user + cpuUsed.system) / 1e6 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface SynthesisBenchResult {
  readonly withAspect: number;
  readonly without: number;
  /** (median with / median without - 1) of wall-clock time, in percent: includes machine noise. */
  readonly overheadPercent: number;
  /** The same on CPU time: everything the aspect causes, without other load's noise. */
  readonly cpuOverheadPercent: number;
  /** The aspect's own time (all its visits) as a share of the synthesis without it, in percent. */
  readonly aspectSharePercent: number;
}

export function benchSynthesisOverhead(rounds: number): SynthesisBenchResult {
  const dirs = layerDirs();
  console.log(`synthesis: ${STACKS * FUNCTIONS_PER_STACK} consumer functions in ${STACKS} stacks, ${LAYERS} layers via SSM, ${rounds} rounds (+1 warm-up)`);
  timeSynth(dirs, new TimedAspect());
  const withTimes: number[] = [];
  const withoutTimes: number[] = [];
  const withCpu: number[] = [];
  const withoutCpu: number[] = [];
  const aspectTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [false, true] : [true, false];
    for (const withAspect of order) {
      if (withAspect) {
        const aspect = new TimedAspect();
        const timing = timeSynth(dirs, aspect);
        withTimes.push(timing.wall);
        withCpu.push(timing.cpu);
        aspectTimes.push(aspect.seconds);
      } else {
        const timing = timeSynth(dirs);
        withoutTimes.push(timing.wall);
        withoutCpu.push(timing.cpu);
      }
    }
    console.log(`  round ${round + 1}: without ${withoutTimes[round].toFixed(2)} s (cpu ${withoutCpu[round].toFixed(2)} s), `
      + `with ${withTimes[round].toFixed(2)} s (cpu ${withCpu[round].toFixed(2)} s; the aspect's visits ${(aspectTimes[round] * 1000).toFixed(0)} ms)`);
  }
  const withAspect = median(withTimes);
  const without = median(withoutTimes);
  const result = {
    withAspect, without,
    overheadPercent: (withAspect / without - 1) * 100,
    cpuOverheadPercent: (median(withCpu) / median(withoutCpu) - 1) * 100,
    aspectSharePercent: median(aspectTimes) / without * 100,
  };
  console.log(`  median wall: without ${without.toFixed(2)} s, with ${withAspect.toFixed(2)} s, ratio ${(withAspect / without).toFixed(3)} `
    + `(${result.overheadPercent.toFixed(1)}%, with machine noise)`);
  console.log(`  median cpu:  without ${median(withoutCpu).toFixed(2)} s, with ${median(withCpu).toFixed(2)} s, `
    + `overhead ${result.cpuOverheadPercent.toFixed(1)}% (goal < 5%)`);
  console.log(`  the aspect's own visits: ${(median(aspectTimes) * 1000).toFixed(0)} ms = ${result.aspectSharePercent.toFixed(1)}% of the synthesis`);
  return result;
}

/**
 * The price of covering Stages: the same app (smaller: 10 stacks) inside one Stage, so the aspect on the
 * App adds itself to the Stage and synthesizes it a second time.
 */
export function benchStageCost(rounds: number): { inApp: number; inStage: number; ratio: number } {
  const dirs = layerDirs();
  const stacks = 10;
  console.log(`stages: ${stacks * FUNCTIONS_PER_STACK} consumer functions in ${stacks} stacks inside one Stage, ${rounds} rounds`);
  timeSynth(dirs, new TimedAspect(), stacks, true);
  const without: number[] = [];
  const withAspect: number[] = [];
  for (let round = 0; round < rounds; round++) {
    without.push(timeSynth(dirs, undefined, stacks, true).cpu);
    withAspect.push(timeSynth(dirs, new TimedAspect(), stacks, true).cpu);
  }
  const result = { inApp: median(without), inStage: median(withAspect), ratio: median(withAspect) / median(without) };
  console.log(`  median cpu: without the aspect ${result.inApp.toFixed(2)} s, with it ${result.inStage.toFixed(2)} s, `
    + `ratio ${result.ratio.toFixed(2)} (the Stage is synthesized twice)`);
  return result;
}
