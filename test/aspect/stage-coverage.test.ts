// LayerDependencyAspect.addToApp(app): one line for the App and, on releases with property injectors (2.196 and
// later), every Stage as it is built, CDK Pipelines' addStage() included. Real synthesis on the release under test
// (the newest, and the floor, which has no property injectors).
import * as cdk from 'aws-cdk-lib';
import { App, Aspects, AspectPriority, IAspect, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { IConstruct } from 'constructs';
import { LayerDependencyAspect } from '../../src';
import { addAspect, ConsumerStack, consumerFunction, expectedShortFingerprint, functionOf, messages, newApp, ProducerStack, ssmLayer, versionAndAlias } from '../helpers/apps';
import { describeWhen } from '../helpers/cdk-version';
import { PIPELINE_ENV, pipelineActions, runOrder } from '../helpers/pipelines';

const HAS_INJECTORS = typeof (cdk as Record<string, unknown>).PropertyInjectors === 'function';

function synthError(app: App): string {
  try {
    app.synth();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

/** A pipeline app, its Stages built and added as teams write them, with addToApp() as the only line. */
function pipelineApp(build: (app: App) => void = () => undefined) {
  const app = newApp();
  LayerDependencyAspect.addToApp(app);
  build(app);
  const pipelineStack = new Stack(app, 'PipelineStack', { env: PIPELINE_ENV });
  const pipeline = new pipelines.CodePipeline(pipelineStack, 'Pipeline', {
    synth: new pipelines.ShellStep('Synth', { input: pipelines.CodePipelineSource.gitHub('example-org/app', 'main'), commands: ['npx cdk synth'] }),
  });
  const stage = new Stage(pipelineStack, 'Prod', { env: PIPELINE_ENV });
  const producer = new ProducerStack(stage, 'Layers');
  const consumer = new ConsumerStack(stage, 'Orders');
  pipeline.addStage(stage);
  return { app, pipelineStack, stage, producer, consumer };
}

describeWhen(HAS_INJECTORS)('addToApp on a release with property injectors', () => {
  test('GIVEN a CDK Pipelines Stage without its own line WHEN synthesized THEN its consumer follows the layer and the pipeline deploys the producer first', () => {
    const { app, pipelineStack, producer, consumer } = pipelineApp();
    expect(synthError(app)).toBe('');
    expect(functionOf(Template.fromStack(consumer)).properties.Description)
      .toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
    const { versionId, aliasTarget } = versionAndAlias(Template.fromStack(consumer));
    expect(aliasTarget).toBe(versionId);
    const actions = pipelineActions(Template.fromStack(pipelineStack));
    expect(runOrder(actions, 'Prod', 'Orders.Prepare')).toBeGreaterThan(runOrder(actions, 'Prod', 'Layers.Deploy'));
  });

  test('the Stage gets one aspect however many functions it builds, and none when it already has its own line', () => {
    const app = newApp();
    LayerDependencyAspect.addToApp(app);
    const own = new Stage(app, 'Own');
    addAspect(own);
    new ConsumerStack(own, 'A');
    const bare = new Stage(app, 'Bare');
    new ConsumerStack(bare, 'A');
    new ConsumerStack(bare, 'B');
    const ofStage = (stage: Stage) => Aspects.of(stage).all.filter(a => a instanceof LayerDependencyAspect).length;
    expect(ofStage(own)).toBe(1);
    expect(ofStage(bare)).toBe(1);
  });

  test('the Stage line added after the Stage\'s first function (both placements) works once: one marker, one dependency', () => {
    const app = newApp();
    LayerDependencyAspect.addToApp(app);
    const stage = new Stage(app, 'Prod');
    const producer = new ProducerStack(stage, 'Layers');
    const consumer = new ConsumerStack(stage, 'Orders');
    addAspect(stage);
    expect(Aspects.of(stage).all.filter(a => a instanceof LayerDependencyAspect)).toHaveLength(2);
    expect(synthError(app)).toBe('');
    const description: string = functionOf(Template.fromStack(consumer)).properties.Description;
    expect(description).toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
    expect(consumer.dependencies.filter(d => d === producer)).toHaveLength(1);
  });

  test.each([
    ['a SingletonFunction', (stack: Stack) => new lambda.SingletonFunction(stack, 'Singleton', {
      uuid: '6a2c4c6e-1f5e-4d7a-9a39-5d9a3c2f1b11', runtime: lambda.Runtime.PYTHON_3_13, handler: 'index.handler',
      code: lambda.Code.fromInline('def handler(event, context):\n    return 1\n'),
    })],
    ['a DockerImageFunction', (stack: Stack) => new lambda.DockerImageFunction(stack, 'Image', {
      code: lambda.DockerImageCode.fromEcr(ecr.Repository.fromRepositoryName(stack, 'Repo', 'functions')),
    })],
    ['a custom-resource Provider', (stack: Stack) => new cr.Provider(stack, 'Provider', {
      onEventHandler: new lambda.Function(stack, 'OnEvent', {
        runtime: lambda.Runtime.PYTHON_3_13, handler: 'index.handler', code: lambda.Code.fromInline('def handler(e, c):\n    return {}\n'),
      }),
    })],
    ['an AwsCustomResource', (stack: Stack) => new cr.AwsCustomResource(stack, 'Call', {
      onCreate: { service: 'SSM', action: 'getParameter', parameters: { Name: '/x' }, physicalResourceId: cr.PhysicalResourceId.of('x') },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
    })],
  ])('a Stage whose first function is %s gets the aspect', (_, build) => {
    const app = newApp();
    LayerDependencyAspect.addToApp(app);
    const stage = new Stage(app, 'Prod');
    build(new Stack(stage, 'Functions'));
    expect(Aspects.of(stage).all.filter(a => a instanceof LayerDependencyAspect)).toHaveLength(1);
  });

  test('nested Stages each get their own aspect, once', () => {
    const app = newApp();
    LayerDependencyAspect.addToApp(app);
    const outer = new Stage(app, 'Outer');
    const inner = new Stage(outer, 'Inner');
    const producer = new ProducerStack(inner, 'Layers');
    const consumer = new ConsumerStack(inner, 'Orders');
    new ConsumerStack(outer, 'Direct', { parameterName: '/not/produced' });
    expect(Aspects.of(inner).all.filter(a => a instanceof LayerDependencyAspect)).toHaveLength(1);
    expect(Aspects.of(outer).all.filter(a => a instanceof LayerDependencyAspect)).toHaveLength(1);
    app.synth();
    expect(functionOf(Template.fromStack(consumer)).properties.Description)
      .toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
  });

  test('a user injector for lambda.Function registered on the App before the call still runs (chained)', () => {
    const app = newApp();
    const seen: string[] = [];
    cdk.PropertyInjectors.of(app).add({
      constructUniqueId: lambda.Function.PROPERTY_INJECTION_ID,
      inject: (props: lambda.FunctionProps, context: cdk.InjectionContext) => {
        seen.push(context.id);
        return { ...props, memorySize: 1024 };
      },
    });
    LayerDependencyAspect.addToApp(app);
    const stage = new Stage(app, 'Prod');
    const producer = new ProducerStack(stage, 'Layers');
    const consumer = new ConsumerStack(stage, 'Orders');
    app.synth();
    expect(seen).toEqual(['Consumer']);
    const fn = functionOf(Template.fromStack(consumer)).properties;
    expect(fn.MemorySize).toBe(1024);
    expect(fn.Description).toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
  });

  test('a user injector for lambda.Function on the Stage shadows ours: StageNotCovered says so', () => {
    const app = newApp();
    LayerDependencyAspect.addToApp(app);
    const stage = new Stage(app, 'Prod');
    cdk.PropertyInjectors.of(stage).add({ constructUniqueId: lambda.Function.PROPERTY_INJECTION_ID, inject: (props: unknown) => props });
    new ProducerStack(stage, 'Layers');
    new ConsumerStack(stage, 'Orders');
    const error = synthError(app);
    expect(error).toContain('cdk-layer-sync:StageNotCovered: inside Stage Prod');
    expect(error).toContain('a property injector for lambda.Function registered on Prod shadows the one LayerDependencyAspect.addToApp() registered on the App');
  });

  test('an injector for lambda.Function added to the App after the call replaces ours: StageNotCovered says so', () => {
    const app = newApp();
    LayerDependencyAspect.addToApp(app);
    cdk.PropertyInjectors.of(app).add({ constructUniqueId: lambda.Function.PROPERTY_INJECTION_ID, inject: (props: unknown) => props });
    const stage = new Stage(app, 'Prod');
    new ProducerStack(stage, 'Layers');
    new ConsumerStack(stage, 'Orders');
    expect(synthError(app)).toContain('another property injector for lambda.Function was added to the App after LayerDependencyAspect.addToApp() and replaced it');
  });

  test('a Stage whose only function is a raw CfnFunction is reported, naming why', () => {
    const app = newApp();
    LayerDependencyAspect.addToApp(app);
    const stage = new Stage(app, 'Prod');
    new ProducerStack(stage, 'Layers');
    const stack = new Stack(stage, 'Raw');
    new lambda.CfnFunction(stack, 'Fn', {
      role: 'arn:aws:iam::111111111111:role/r', runtime: 'python3.13', handler: 'index.handler', code: { zipFile: 'x = 1' },
      layers: [ssmLayer(stack).layerVersionArn],
    });
    expect(synthError(app)).toContain('its functions are raw CfnFunctions (or CustomResourceProvider functions), which no property injector sees');
  });

  test('a Stage built before the call, not yet synthesized, gets its aspect from the call: its consumer follows', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    const producer = new ProducerStack(stage, 'Layers');
    const consumer = new ConsumerStack(stage, 'Orders');
    LayerDependencyAspect.addToApp(app);
    expect(synthError(app)).toBe('');
    expect(functionOf(Template.fromStack(consumer)).properties.Description)
      .toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
  });

  test('a Stage CDK Pipelines synthesized before the call is reported, naming why', () => {
    const app = newApp();
    const pipelineStack = new Stack(app, 'PipelineStack', { env: PIPELINE_ENV });
    const pipeline = new pipelines.CodePipeline(pipelineStack, 'Pipeline', {
      synth: new pipelines.ShellStep('Synth', { input: pipelines.CodePipelineSource.gitHub('example-org/app', 'main'), commands: ['npx cdk synth'] }),
    });
    const stage = new Stage(pipelineStack, 'Prod', { env: PIPELINE_ENV });
    new ProducerStack(stage, 'Layers');
    new ConsumerStack(stage, 'Orders');
    pipeline.addStage(stage);
    LayerDependencyAspect.addToApp(app);
    expect(synthError(app)).toBe('');
    // The Stage's annotation is collected by the top-level stack holding it, where `cdk synth` fails on it.
    expect(messages(pipelineStack, 'error')).toEqual([expect.stringMatching(
      /^cdk-layer-sync:StageNotCovered: .*its functions were built before LayerDependencyAspect.addToApp\(app\) was called/)]);
  });

  test('a user aspect at the default priority that builds the Stage\'s first function works (the injected aspect runs at DEFAULT)', () => {
    const app = newApp({ context: { '@aws-cdk/core:aspectStabilization': true } });
    LayerDependencyAspect.addToApp(app);
    const stage = new Stage(app, 'Prod');
    const producer = new ProducerStack(stage, 'Layers');
    const stack = new Stack(stage, 'Built');
    let built: lambda.Function | undefined;
    const builder: IAspect = {
      visit(node: IConstruct) {
        if (node === stack && !built) {
          built = consumerFunction(stack, 'Late', [ssmLayer(stack)]);
        }
      },
    };
    Aspects.of(stage).add(builder);
    expect(synthError(app)).toBe('');
    expect(functionOf(Template.fromStack(stack)).properties.Description)
      .toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
  });

  test('the App itself is covered at MUTATING, as the quick start adds it', () => {
    const app = newApp();
    const aspect = LayerDependencyAspect.addToApp(app);
    const applied = Aspects.of(app).applied.find(a => a.aspect === aspect);
    expect(applied?.priority).toBe(AspectPriority.MUTATING);
  });
});

describeWhen(!HAS_INJECTORS)('addToApp on a release without property injectors', () => {
  test('covers the App, says once that Stages need their own line, and StageNotCovered names why', () => {
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stderr.write;
    let error = '';
    try {
      const app = newApp();
      LayerDependencyAspect.addToApp(app);
      const producer = new ProducerStack(app, 'Layers');
      const consumer = new ConsumerStack(app, 'Orders');
      app.synth();
      expect(functionOf(Template.fromStack(consumer)).properties.Description)
        .toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);

      const withStage = newApp();
      LayerDependencyAspect.addToApp(withStage);
      const stage = new Stage(withStage, 'Prod');
      new ProducerStack(stage, 'Layers');
      new ConsumerStack(stage, 'Orders');
      error = synthError(withStage);
    } finally {
      process.stderr.write = original;
    }
    // No notice of its own: the app without a Stage is told nothing, the app with one gets StageNotCovered.
    expect(written.filter(w => w.includes('cdk-layer-sync'))).toEqual([]);
    expect(error).toContain('cdk-layer-sync:StageNotCovered: inside Stage Prod');
    expect(error).toMatch(new RegExp('LayerDependencyAspect\\.addToApp\\(\\) did not cover it: it covers Stages through property injectors, '
      + 'which aws-cdk-lib 2\\.\\d+\\.\\d+ does not have \\(2\\.196\\.0 and later do\\)'));
  });
});
