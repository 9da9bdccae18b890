// One measured synthesis, in a process of its own (as `cdk synth` runs one app per process): builds the
// benchmark app, synthesizes it once, checks the aspect did its work, prints the timing as JSON.
// Usage: synthesis-worker <layer-dirs-json-file> <none|aspect|timed> <stacks> <app|stage>
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, AspectPriority, Aspects, IAspect, RemovalPolicy, Stack, Stage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct, IConstruct } from 'constructs';
import { LayerDependencyAspect } from '../../src';
import { FUNCTIONS_PER_STACK, LAYERS, STACKS } from './synthesis-overhead';

/**
 * The aspect, with the time spent in its visits added up: its own cost, free of synthesis noise. Used in
 * runs of its own: its timing calls would inflate the end-to-end comparison.
 */
class TimedAspect implements IAspect {
  public seconds = 0;
  private readonly inner = new LayerDependencyAspect();
  public visit(node: IConstruct): void {
    const start = process.hrtime.bigint();
    this.inner.visit(node);
    this.seconds += Number(process.hrtime.bigint() - start) / 1e9;
  }
}

function buildApp(dirs: string[], aspect?: IAspect, stacks = STACKS, inStage = false): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cls-bench-out-')) });
  const scope: Construct = inStage ? new Stage(app, 'Prod') : app;
  const producer = new Stack(scope, 'Layers');
  dirs.forEach((dir, i) => {
    // Retained, as the README advises for shared layers: the bench measures following layers, not findings.
    const layer = new lambda.LayerVersion(producer, `Layer${i}`, { code: lambda.Code.fromAsset(dir), removalPolicy: RemovalPolicy.RETAIN });
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
    // As the README's recipe: the one line on the App, and the same line in the Stage (App aspects never reach it).
    Aspects.of(app).add(aspect, { priority: AspectPriority.MUTATING });
    if (scope !== app) {
      Aspects.of(scope).add(aspect, { priority: AspectPriority.MUTATING });
    }
  }
  return app;
}

interface Timing {
  /** Wall-clock seconds. */
  readonly wall: number;
  /** CPU seconds (user + system) of this process: not inflated by other load on the machine. */
  readonly cpu: number;
  /**
   * CPU seconds of the main thread alone (Linux only): without the garbage collector's helper threads and the
   * background compilation of aws-cdk-lib's WebAssembly template validator, whose share varies from run to run.
   */
  readonly mainThreadCpu?: number;
}

/** CPU seconds the main thread has used so far, from /proc (Linux; undefined elsewhere). */
function mainThreadCpuSeconds(): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf-8');
    // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** USER_HZ, the unit of /proc's CPU times: 100 on every Linux architecture Node.js supports. */
const CLOCK_TICKS_PER_SECOND = 100;

function timeSynth(dirs: string[], aspect?: IAspect, stacks = STACKS, inStage = false): Timing {
  const withAspect = aspect !== undefined;
  const app = buildApp(dirs, aspect, stacks, inStage);
  global.gc?.();
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const mainStart = mainThreadCpuSeconds();
  app.synth();
  const cpuUsed = process.cpuUsage(cpuStart);
  const mainEnd = mainThreadCpuSeconds();
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
  return {
    wall: seconds,
    cpu: (cpuUsed.user + cpuUsed.system) / 1e6,
    mainThreadCpu: mainStart !== undefined && mainEnd !== undefined ? mainEnd - mainStart : undefined,
  };
}

function main(): void {
  const [dirsFile, mode, stacksArg, where] = process.argv.slice(2);
  const dirs = JSON.parse(fs.readFileSync(dirsFile, 'utf-8')) as string[];
  const timed = mode === 'timed' ? new TimedAspect() : undefined;
  const aspect = mode === 'none' ? undefined : timed ?? new LayerDependencyAspect();
  const timing = timeSynth(dirs, aspect, Number(stacksArg), where === 'stage');
  process.stdout.write(`${JSON.stringify({ ...timing, aspectSeconds: timed?.seconds })}\n`);
}

main();
