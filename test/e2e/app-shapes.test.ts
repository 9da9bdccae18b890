// The corpus of app shapes seen in public CDK apps, rebuilt as small apps of our own: each synthesizes (the real
// aws-cdk-lib synthesis, in process) with no UnsupportedCdkRelease, and every consumer carries the documented
// fingerprint of the layer it imports, or the finding that says why not. With the per-Stage line (every release) and
// with the one call (releases with property injectors, 2.196 and later). Runs on the newest release, the floor, and
// every release the sweep installs (jest.config.js).
import * as fs from 'fs';
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { App, Aspects, AspectPriority, IAspect, Stack, Stage, Tags } from 'aws-cdk-lib';
import type { Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct, IConstruct } from 'constructs';
import { consumers, documentedLayerFingerprint, readStackTemplate } from '../../scripts/cdk-cli';
import { LayerDependencyAspect, LayerSyncChecks } from '../../src';
import { addAspect, ConsumerStack, layerSource, newApp, ProducerStack } from '../helpers/apps';
import { CDK_VERSION } from '../helpers/cdk-version';
import { NAG_MAJOR } from '../helpers/nag';
import { PIPELINE_ENV } from '../helpers/pipelines';

const HAS_INJECTORS = Number(CDK_VERSION.split('.')[1]) >= 196;

/** How the app adds the library: each Stage's own line and the App's, or the one call right after `new App()`. */
type Coverage = 'per-Stage line' | 'one call' | 'none';

/** What a shape's builder gets: the App, and the line each of its Stages runs (nothing with the one call). */
interface ShapeContext {
  readonly app: App;
  readonly coverage: Coverage;
  readonly coverStage: (stage: Stage) => void;
}

/** A shape: it builds the app and returns each consumer stack's path with its producer stack's. */
interface Shape {
  readonly name: string;
  readonly build: (context: ShapeContext) => Array<[string, string]>;
  /** The shape adds the App's line itself, after building its Stages (per-Stage line only). */
  readonly addsAppLineItself?: boolean;
}

function pipelineIn(scope: Construct, id = 'PipelineStack'): pipelines.CodePipeline {
  const stack = new Stack(scope, id, { env: PIPELINE_ENV });
  return new pipelines.CodePipeline(stack, 'Pipeline', {
    synth: new pipelines.ShellStep('Synth', { input: pipelines.CodePipelineSource.gitHub('example-org/app', 'main'), commands: ['npm ci', 'npx cdk synth'] }),
  });
}

/** A Stage with both stacks, its line run where a team writes it: in the constructor, after its stacks. */
function appStage(
  scope: Construct, id: string, context: ShapeContext, options: { source?: string; producer?: boolean; consumer?: boolean } = {},
): Stage {
  const stage = new Stage(scope, id, { env: PIPELINE_ENV });
  if (options.producer ?? true) {
    new ProducerStack(stage, 'LayerStack', { source: options.source });
  }
  if (options.consumer ?? true) {
    new ConsumerStack(stage, 'LambdaStack');
  }
  context.coverStage(stage);
  return stage;
}

/** A user's own aspect, at the default priority: X-Ray tracing on every function. */
class TracingAspect implements IAspect {
  public visit(node: IConstruct): void {
    if (node instanceof lambda.CfnFunction) {
      node.tracingConfig = { mode: 'Active' };
    }
  }
}

const SHAPES: Shape[] = [
  {
    name: 'top-level stacks declared before a pipeline stack',
    build: context => {
      new ProducerStack(context.app, 'LayerStack', { env: PIPELINE_ENV });
      new ConsumerStack(context.app, 'LambdaStack', { env: PIPELINE_ENV });
      pipelineIn(context.app).addStage(appStage(context.app, 'Prod', context));
      return [['LambdaStack', 'LayerStack'], ['Prod/LambdaStack', 'Prod/LayerStack']];
    },
  },
  {
    name: 'top-level stacks declared after a pipeline stack, with the user\'s own aspects and the cdk-nag pack',
    build: context => {
      Tags.of(context.app).add('team', 'platform');
      Aspects.of(context.app).add(new TracingAspect());
      if (context.coverage !== 'none') {
        addNagPack(context.app);
      }
      pipelineIn(context.app).addStage(appStage(context.app, 'Prod', context));
      new ProducerStack(context.app, 'LayerStack');
      new ConsumerStack(context.app, 'LambdaStack');
      return [['LambdaStack', 'LayerStack'], ['Prod/LambdaStack', 'Prod/LayerStack']];
    },
  },
  {
    name: 'Stages in waves: the layer Stage in one wave, the consumer Stages in the next',
    build: context => {
      const pipeline = pipelineIn(context.app);
      pipeline.addWave('Platform').addStage(appStage(context.app, 'Layers', context, { consumer: false }));
      const services = pipeline.addWave('Services');
      services.addStage(appStage(context.app, 'Orders', context, { producer: false }));
      services.addStage(appStage(context.app, 'Billing', context, { producer: false }));
      return [['Orders/LambdaStack', 'Layers/LayerStack'], ['Billing/LambdaStack', 'Layers/LayerStack']];
    },
  },
  {
    name: 'nested Stages: a region Stage inside an account Stage',
    build: context => {
      const account = new Stage(context.app, 'Prod', { env: PIPELINE_ENV });
      new ProducerStack(account, 'LayerStack', { source: layerSource('ACCOUNT = 1\n') });
      new ConsumerStack(account, 'LambdaStack');
      appStage(account, 'EU', context, { source: layerSource('REGION = 1\n') });
      context.coverStage(account);
      return [['Prod/LambdaStack', 'Prod/LayerStack'], ['Prod/EU/LambdaStack', 'Prod/EU/LayerStack']];
    },
  },
  {
    name: 'the same parameter name at the top level and in a Stage, each with its own layer',
    build: context => {
      new ProducerStack(context.app, 'LayerStack', { source: layerSource('TOP = 1\n') });
      new ConsumerStack(context.app, 'LambdaStack');
      pipelineIn(context.app).addStage(appStage(context.app, 'Prod', context, { source: layerSource('STAGE = 1\n') }));
      return [['LambdaStack', 'LayerStack'], ['Prod/LambdaStack', 'Prod/LayerStack']];
    },
  },
  {
    name: 'a Stage holding only consumers, its layer published by a top-level stack declared before it',
    build: context => {
      new ProducerStack(context.app, 'LayerStack', { env: PIPELINE_ENV });
      pipelineIn(context.app).addStage(appStage(context.app, 'Service', context, { producer: false }));
      return [['Service/LambdaStack', 'LayerStack']];
    },
  },
  {
    name: 'an app that adds the aspect after building its Stages (no pipeline)',
    addsAppLineItself: true,
    build: context => {
      const stage = new Stage(context.app, 'Prod', { env: PIPELINE_ENV });
      new ProducerStack(stage, 'LayerStack');
      new ConsumerStack(stage, 'LambdaStack');
      new ProducerStack(context.app, 'LayerStack');
      new ConsumerStack(context.app, 'LambdaStack');
      if (context.coverage === 'one call') {
        LayerDependencyAspect.addToApp(context.app);
      } else if (context.coverage === 'per-Stage line') {
        context.coverStage(stage);
        addAspect(context.app);
      }
      return [['LambdaStack', 'LayerStack'], ['Prod/LambdaStack', 'Prod/LayerStack']];
    },
  },
];

/** The LayerSync cdk-nag pack, registered as the installed cdk-nag major is (3: a validation plugin; 2: an aspect). */
function addNagPack(app: App): void {
  if (NAG_MAJOR === 3) {
    // Validations exists only on releases that cdk-nag 3 runs on (2.258 and later).
    (cdk as unknown as { Validations: typeof Validations }).Validations.of(app).addPlugins(new LayerSyncChecks(app));
  } else {
    Aspects.of(app).add(new LayerSyncChecks());
  }
}

function noLine(): void {
  // With the one call, Stages need no line of their own.
}

interface Synthesized {
  readonly error?: string;
  readonly outdir: string;
  readonly pairs: Array<[string, string]>;
}

function synthesize(shape: Shape, coverage: Coverage): Synthesized {
  const app = newApp();
  const oneCall = coverage === 'one call';
  if (oneCall && !shape.addsAppLineItself) {
    LayerDependencyAspect.addToApp(app);
  }
  const pairs = shape.build({ app, coverage, coverStage: coverage === 'per-Stage line' ? stage => addAspect(stage) : noLine });
  if (coverage === 'per-Stage line' && !shape.addsAppLineItself) {
    Aspects.of(app).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING });
  }
  try {
    app.synth();
    return { outdir: app.outdir, pairs };
  } catch (error) {
    return { error: (error as Error).message, outdir: app.outdir, pairs };
  }
}

/** Every error and warning annotation in the cloud assembly (nested Stage assemblies included), as text. */
function annotationsIn(outdir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(outdir, { withFileTypes: true })) {
    const file = path.join(outdir, entry.name);
    if (entry.isDirectory() && entry.name.startsWith('assembly-')) {
      found.push(...annotationsIn(file));
    } else if (entry.name.endsWith('.metadata.json')) {
      for (const records of Object.values<Array<{ type: string; data: unknown }>>(JSON.parse(fs.readFileSync(file, 'utf-8')))) {
        found.push(...records.filter(r => r.type === 'aws:cdk:error' || r.type === 'aws:cdk:warning').map(r => String(r.data)));
      }
    }
  }
  return found;
}

const coverages: Array<Exclude<Coverage, 'none'>> = HAS_INJECTORS ? ['per-Stage line', 'one call'] : ['per-Stage line'];

describe.each(coverages)(`app shapes on aws-cdk-lib ${CDK_VERSION}, with the %s`, coverage => {
  describe.each(SHAPES.map(shape => [shape.name, shape] as const))('%s', (_, shape) => {
    let synthesized: Synthesized;
    beforeAll(() => {
      synthesized = synthesize(shape, coverage);
    });

    test('synthesizes, with no finding and no UnsupportedCdkRelease in the report or the annotations', () => {
      expect(synthesized.error).toBeUndefined();
      const report = JSON.parse(fs.readFileSync(path.join(synthesized.outdir, 'layer-dependencies.json'), 'utf-8'));
      expect(report.findings).toEqual([]);
      expect(annotationsIn(synthesized.outdir).filter(text => text.startsWith('cdk-layer-sync:'))).toEqual([]);
    });

    test('every consumer carries the documented fingerprint of the layer it imports', () => {
      for (const [consumer, producer] of synthesized.pairs) {
        const marker = consumers(readStackTemplate(synthesized.outdir, consumer))[0].marker;
        expect({ consumer, marker }).toEqual({ consumer, marker: documentedLayerFingerprint(readStackTemplate(synthesized.outdir, producer)) });
      }
    });
  });
});

describe(`the user's own aspects on aws-cdk-lib ${CDK_VERSION} stay as they are`, () => {
  test('each function has the tags and tracing it has without the library (CDK applies App aspects to top-level stacks only)', () => {
    const shape = SHAPES[1];
    const withLibrary = synthesize(shape, coverages[coverages.length - 1]);
    const without = synthesize(shape, 'none');
    expect(withLibrary.error).toBeUndefined();
    const settings = (outdir: string, consumer: string) => {
      const fn = Object.values(readStackTemplate(outdir, consumer).Resources).find(r => r.Type === 'AWS::Lambda::Function')!;
      return { consumer, tracing: fn.Properties?.TracingConfig, tags: fn.Properties?.Tags };
    };
    expect(settings(without.outdir, 'LambdaStack')).toEqual({
      consumer: 'LambdaStack', tracing: { Mode: 'Active' }, tags: expect.arrayContaining([{ Key: 'team', Value: 'platform' }]),
    });
    for (const [consumer] of withLibrary.pairs) {
      expect(settings(withLibrary.outdir, consumer)).toEqual(settings(without.outdir, consumer));
    }
  });
});
