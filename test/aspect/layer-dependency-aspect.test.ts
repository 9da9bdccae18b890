import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfnDynamicReference, CfnDynamicReferenceService, CrossStackReferences, Fn, NestedStack, ReferenceStrength, RemovalPolicy, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { FindingLevel, FingerprintTarget, LayerRegistry } from '../../src';
import {
  addAspect, ConsumerStack, consumerFunction, expectedShortFingerprint, functionOf, layerSource, messages, newApp,
  PARAMETER, ProducerStack, ssmLayer, versionAndAlias,
} from '../helpers/apps';
import { CDK_VERSION, HAS_WEAK_REFERENCES, testWhen } from '../helpers/cdk-version';

const MARKER = /\[layer-sync ([0-9a-f ]+)\]$/;

/** GIVEN a producer and an SSM consumer in one app, WHEN synthesized, THEN both templates. */
function synthPair(options: { source?: string; withAspect?: boolean; description?: string } = {}) {
  const app = newApp();
  const producer = new ProducerStack(app, 'Producer', { source: options.source });
  const consumer = new ConsumerStack(app, 'Consumer', { description: options.description });
  if (options.withAspect ?? true) {
    addAspect(app);
  }
  return { app, producer, consumer, producerTemplate: Template.fromStack(producer), consumerTemplate: Template.fromStack(consumer) };
}

describe('LayerDependencyAspect: consumers importing through SSM', () => {
  test('writes the producer layer fingerprint into the consumer description', () => {
    const { producerTemplate, consumerTemplate } = synthPair({ description: 'Orders API' });

    const description = functionOf(consumerTemplate).properties.Description;
    expect(description).toBe(`Orders API [layer-sync ${expectedShortFingerprint(producerTemplate)}]`);
  });

  test('a layer change gives the consumer a new version and moves its alias', () => {
    const before = synthPair({ source: layerSource('VALUE = 1\n') });
    const after = synthPair({ source: layerSource('VALUE = 2\n') });

    const old = versionAndAlias(before.consumerTemplate);
    const now = versionAndAlias(after.consumerTemplate);
    expect(now.versionId).not.toBe(old.versionId);
    expect(now.aliasTarget).toBe(now.versionId);
    expect(functionOf(after.consumerTemplate).properties.Description)
      .not.toBe(functionOf(before.consumerTemplate).properties.Description);
  });

  test('without the aspect, a layer change leaves the consumer template as it was (the bug it fixes)', () => {
    const before = synthPair({ source: layerSource('VALUE = 1\n'), withAspect: false });
    const after = synthPair({ source: layerSource('VALUE = 2\n'), withAspect: false });

    expect(after.consumerTemplate.toJSON()).toEqual(before.consumerTemplate.toJSON());
    expect(after.producerTemplate.toJSON()).not.toEqual(before.producerTemplate.toJSON());
  });

  test('the same layer synthesized twice gives the same consumer template', () => {
    const source = layerSource();
    expect(synthPair({ source }).consumerTemplate.toJSON()).toEqual(synthPair({ source }).consumerTemplate.toJSON());
  });

  test('fromStringParameterName(...).stringValue is followed like valueForStringParameter', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const consumer = new Stack(app, 'Consumer');
    const arn = ssm.StringParameter.fromStringParameterName(consumer, 'Param', PARAMETER).stringValue;
    consumerFunction(consumer, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(consumer, 'L', arn)]);
    addAspect(app);

    expect(functionOf(Template.fromStack(consumer)).properties.Description)
      .toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
  });

  test('an unversioned {{resolve:ssm:NAME}} dynamic reference is followed', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const consumer = new Stack(app, 'Consumer');
    const arn = new CfnDynamicReference(CfnDynamicReferenceService.SSM, PARAMETER).toString();
    consumerFunction(consumer, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(consumer, 'L', arn)]);
    addAspect(app);

    const fn = functionOf(Template.fromStack(consumer));
    expect(fn.properties.Layers).toEqual([`{{resolve:ssm:${PARAMETER}}}`]);
    expect(fn.properties.Description).toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
  });

  test('a pinned {{resolve:ssm:NAME:VERSION}} is left alone: the pin is already in the template', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const consumer = new Stack(app, 'Consumer');
    consumerFunction(consumer, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(consumer, 'L',
      ssm.StringParameter.valueForStringParameter(consumer, PARAMETER, 3))]);
    addAspect(app);

    const fn = functionOf(Template.fromStack(consumer));
    expect(fn.properties.Layers).toEqual([`{{resolve:ssm:${PARAMETER}:3}}`]);
    expect(fn.properties.Description).toBeUndefined();
    expect(messages(consumer, 'warning')).toEqual([]);
  });

  test('several tracked layers are listed in layer order', () => {
    const app = newApp();
    const first = new ProducerStack(app, 'First', { parameterName: '/layers/first', source: layerSource('A = 1\n') });
    const second = new ProducerStack(app, 'Second', { parameterName: '/layers/second', source: layerSource('B = 1\n') });
    const consumer = new Stack(app, 'Consumer');
    consumerFunction(consumer, 'Fn', [ssmLayer(consumer, '/layers/second', 'S'), ssmLayer(consumer, '/layers/first', 'F')]);
    addAspect(app);

    const expected = [Template.fromStack(second), Template.fromStack(first)].map(expectedShortFingerprint).join(' ');
    expect(functionOf(Template.fromStack(consumer)).properties.Description).toBe(`[layer-sync ${expected}]`);
  });
});

describe('LayerDependencyAspect: whatever construct made the function', () => {
  test('a SingletonFunction and a raw CfnFunction are followed like a Function', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const consumer = new Stack(app, 'Consumer');
    const layer = ssmLayer(consumer);
    new lambda.SingletonFunction(consumer, 'Singleton', {
      uuid: '6f1c5c1e-2d1e-4a53-9d1e-000000000001', runtime: lambda.Runtime.PYTHON_3_13, handler: 'index.handler',
      code: lambda.Code.fromInline('def handler(e, c):\n    return 1\n'), layers: [layer],
    });
    new lambda.CfnFunction(consumer, 'Raw', {
      role: 'arn:aws:iam::123456789012:role/r', runtime: 'python3.13', handler: 'index.handler',
      code: { zipFile: 'def handler(e, c):\n    return 1\n' }, layers: [layer.layerVersionArn], description: 'raw',
    });
    addAspect(app);

    const expected = expectedShortFingerprint(Template.fromStack(producer));
    const descriptions = Object.values(Template.fromStack(consumer).findResources('AWS::Lambda::Function'))
      .map(r => r.Properties.Description).sort();
    expect(descriptions).toEqual([`[layer-sync ${expected}]`, `raw [layer-sync ${expected}]`]);
  });
});

describe('LayerDependencyAspect: cross-stack references within the app', () => {
  function directReference(strength?: ReferenceStrength) {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    if (strength) {
      CrossStackReferences.of(producer.layer).produce(strength);
    }
    const consumer = new Stack(app, 'Consumer');
    consumerFunction(consumer, 'Fn', [producer.layer]);
    addAspect(app);
    return { producer, consumer, template: Template.fromStack(consumer) };
  }

  testWhen(HAS_WEAK_REFERENCES)('a weak reference (Fn::GetStackOutput) is followed', () => {
    const { producer, consumer, template } = directReference(ReferenceStrength.WEAK);

    const fn = functionOf(template);
    expect(JSON.stringify(fn.properties.Layers)).toContain('Fn::GetStackOutput');
    expect(fn.properties.Description).toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
    expect(messages(consumer, 'warning').filter(m => m.includes('cdk-layer-sync'))).toEqual([]);
  });

  testWhen(HAS_WEAK_REFERENCES)('a weak reference moves the consumer version when the layer changes', () => {
    const versions = ['A = 1\n', 'A = 2\n'].map(content => {
      const app = newApp();
      const producer = new ProducerStack(app, 'Producer', { source: layerSource(content) });
      CrossStackReferences.of(producer.layer).produce(ReferenceStrength.WEAK);
      const consumer = new Stack(app, 'Consumer');
      consumerFunction(consumer, 'Fn', [producer.layer]);
      addAspect(app);
      return versionAndAlias(Template.fromStack(consumer)).versionId;
    });
    expect(versions[1]).not.toBe(versions[0]);
  });

  testWhen(HAS_WEAK_REFERENCES)('the consumer context default "weak" is honoured like CDK does', () => {
    const app = newApp({ context: { '@aws-cdk/core:defaultCrossStackReferences': 'weak' } });
    const producer = new ProducerStack(app, 'Producer');
    const consumer = new Stack(app, 'Consumer');
    consumerFunction(consumer, 'Fn', [producer.layer]);
    addAspect(app);

    const fn = functionOf(Template.fromStack(consumer));
    expect(JSON.stringify(fn.properties.Layers)).toContain('Fn::GetStackOutput');
    expect(fn.properties.Description).toMatch(MARKER);
  });

  test('a strong reference (Export/ImportValue) is reported as ExportedLayerArn and not rewritten', () => {
    // Strong is the default; releases with weak references can also ask for it explicitly.
    const { consumer, template } = directReference(HAS_WEAK_REFERENCES ? ReferenceStrength.STRONG : undefined);

    const fn = functionOf(template);
    expect(JSON.stringify(fn.properties.Layers)).toContain('Fn::ImportValue');
    expect(fn.properties.Description).toBeUndefined();
    const warnings = messages(consumer, 'warning').filter(m => m.includes('cdk-layer-sync:ExportedLayerArn'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('function Consumer/Fn ');
    expect(warnings[0]).toContain('Producer/Layer');
    expect(warnings[0]).toContain('aws/aws-cdk#1972');
  });

  test('an explicit Fn.importValue is reported as ExportedLayerArn', () => {
    const app = newApp();
    const consumer = new Stack(app, 'Consumer');
    consumerFunction(consumer, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(consumer, 'L', Fn.importValue('SharedLayerArn'))]);
    addAspect(app);

    expect(messages(consumer, 'warning').join('\n')).toMatch(/function Consumer\/Fn takes its layer ARN from Fn::ImportValue "SharedLayerArn".*\[ack: cdk-layer-sync:ExportedLayerArn\]/s);
  });

  test(`the fix names only APIs aws-cdk-lib ${CDK_VERSION} has: weak references where it has them`, () => {
    const app = newApp();
    const consumer = new Stack(app, 'Consumer');
    consumerFunction(consumer, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(consumer, 'L', Fn.importValue('SharedLayerArn'))]);
    addAspect(app);
    const [warning] = messages(consumer, 'warning');
    expect(warning).toContain('ssm.StringParameter.valueForStringParameter');
    if (HAS_WEAK_REFERENCES) {
      expect(warning).toContain('CrossStackReferences.of(layer).produce(ReferenceStrength.WEAK)');
    } else {
      expect(warning).not.toMatch(/CrossStackReferences\.of|ReferenceStrength\./);
    }
  });
});

describe('LayerDependencyAspect: what it leaves alone', () => {
  function build(withAspect: boolean) {
    // As `cdk init` sets it: CDK hashes a same-stack layer into the function's version itself (without it, see below).
    const app = newApp({ context: { '@aws-cdk/aws-lambda:recognizeLayerVersion': true } });
    const stack = new Stack(app, 'Solo');
    const layer = new lambda.LayerVersion(stack, 'Layer', { code: lambda.Code.fromAsset(sameSource) });
    consumerFunction(stack, 'SameStack', [layer], { description: 'same stack layer' });
    consumerFunction(stack, 'Literal', [lambda.LayerVersion.fromLayerVersionArn(stack, 'Lit', 'arn:aws:lambda:eu-west-1:123456789012:layer:tools:7')]);
    consumerFunction(stack, 'NoLayers', []);
    if (withAspect) {
      addAspect(app);
    }
    return Template.fromStack(stack).toJSON();
  }
  const sameSource = layerSource();

  test('same-stack layers, literal ARNs and functions without layers stay byte-identical', () => {
    expect(JSON.stringify(build(true))).toBe(JSON.stringify(build(false)));
  });
});

describe('LayerDependencyAspect: targets', () => {
  test('ENVIRONMENT sets one variable, keeps the others, and leaves the description alone', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const consumer = new Stack(app, 'Consumer');
    consumerFunction(consumer, 'Fn', [ssmLayer(consumer)], { description: 'mine', environment: { STAGE: 'prod' } });
    addAspect(app, { target: FingerprintTarget.ENVIRONMENT });

    const fn = functionOf(Template.fromStack(consumer));
    expect(fn.properties.Description).toBe('mine');
    expect(fn.properties.Environment.Variables).toEqual({
      STAGE: 'prod',
      LAYER_FINGERPRINTS: expectedShortFingerprint(Template.fromStack(producer)),
    });
  });

  test('ENVIRONMENT with a custom variable name', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer');
    addAspect(app, { target: FingerprintTarget.ENVIRONMENT, environmentVariableName: 'SHARED_LAYERS' });

    const variables = functionOf(Template.fromStack(consumer)).properties.Environment.Variables;
    expect(Object.keys(variables)).toEqual(['SHARED_LAYERS']);
    expect(variables.SHARED_LAYERS).toMatch(/^[0-9a-f]{12}$/);
  });

  test('ENVIRONMENT moves the version when the layer changes', () => {
    const ids = ['A = 1\n', 'A = 2\n'].map(content => {
      const app = newApp();
      new ProducerStack(app, 'Producer', { source: layerSource(content) });
      const consumer = new ConsumerStack(app, 'Consumer');
      addAspect(app, { target: FingerprintTarget.ENVIRONMENT });
      return versionAndAlias(Template.fromStack(consumer)).versionId;
    });
    expect(ids[1]).not.toBe(ids[0]);
  });
});

describe('LayerDependencyAspect: idempotence', () => {
  const source = layerSource();
  function build(apply: (app: ReturnType<typeof newApp>, consumer: Stack) => void, target?: FingerprintTarget) {
    const app = newApp();
    new ProducerStack(app, 'Producer', { source });
    const consumer = new ConsumerStack(app, 'Consumer', { description: 'x'.repeat(250) });
    apply(app, consumer);
    void target;
    return Template.fromStack(consumer).toJSON();
  }

  test('adding the aspect twice gives the same template as once', () => {
    const once = build(app => addAspect(app));
    expect(build(app => { addAspect(app); addAspect(app); })).toEqual(once);
  });

  test('adding it at app and stack level gives the same template as at app level', () => {
    const once = build(app => addAspect(app));
    expect(build((app, consumer) => { addAspect(app); addAspect(consumer); })).toEqual(once);
  });

  test('the same for the ENVIRONMENT target', () => {
    const env = { target: FingerprintTarget.ENVIRONMENT };
    const once = build(app => addAspect(app, env));
    expect(build(app => { addAspect(app, env); addAspect(app, env); })).toEqual(once);
  });
});

describe('LayerDependencyAspect: the 256-character description limit', () => {
  function descriptionFor(userText: string) {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer', { description: userText });
    addAspect(app);
    return {
      description: functionOf(Template.fromStack(consumer)).properties.Description as string,
      infos: messages(consumer, 'info'),
      fingerprint: expectedShortFingerprint(Template.fromStack(producer)),
    };
  }

  test('a description that fits keeps the full marker and the user text whole', () => {
    const text = 'y'.repeat(256 - ' [layer-sync 123456789012]'.length);
    const { description, infos, fingerprint } = descriptionFor(text);
    expect(description).toBe(`${text} [layer-sync ${fingerprint}]`);
    expect(description).toHaveLength(256);
    expect(infos).toEqual([]);
  });

  test('a description at the limit is shortened, never past 256, and an INFO finding says so', () => {
    const { description, infos } = descriptionFor('z'.repeat(256));
    expect(description.length).toBeLessThanOrEqual(256);
    expect(description).toMatch(/^z+\.\.\. \[layer-sync [0-9a-f]{12}\]$/);
    expect(description).toHaveLength(256);
    expect(infos).toHaveLength(1);
    expect(infos[0]).toContain('cdk-layer-sync:DescriptionTruncated');
    expect(infos[0]).toContain('Consumer/Consumer');
    expect(infos[0]).toContain('(256 characters)');
    // The message counts what was kept of the user's text, as the description shows it.
    const kept = /^(z+)\.\.\. /.exec(description)![1].length;
    expect(infos[0]).toContain(`was cut to its first ${kept} characters and '...'`);
  });
});

describe('LayerDependencyAspect: Stages (CDK Pipelines)', () => {
  test('the aspect inside a Stage reaches its producers and consumers, in the template file the CLI deploys', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    const producer = new ProducerStack(stage, 'Producer');
    const consumer = new ConsumerStack(stage, 'Consumer');
    addAspect(stage);
    app.synth();

    expect(functionOf(Template.fromStack(consumer)).properties.Description)
      .toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
    const artifact = stage.synth().getStackByName('Prod-Consumer');
    const written = JSON.parse(fs.readFileSync(path.join(artifact.assembly.directory, artifact.templateFile), 'utf-8'));
    expect(JSON.stringify(written)).toMatch(/\[layer-sync [0-9a-f]{12}\]/);
  });

  test('stages nested in stages are covered by the aspect of the innermost Stage', () => {
    const app = newApp();
    const outer = new Stage(app, 'Outer');
    const inner = new Stage(outer, 'Inner');
    new ProducerStack(inner, 'Producer');
    new ConsumerStack(inner, 'Consumer');
    addAspect(inner);
    const assembly = app.synth();

    const innerAssembly = assembly.getNestedAssembly('assembly-Outer').getNestedAssembly('assembly-Outer-Inner');
    const template = innerAssembly.getStackByName('Outer-Inner-Consumer').template;
    expect(JSON.stringify(template)).toMatch(/\[layer-sync [0-9a-f]{12}\]/);
  });

  test('a producer in one Stage serves a consumer in another Stage of the same environment', () => {
    const env = { account: '111111111111', region: 'eu-west-1' };
    const app = newApp();
    const layers = new Stage(app, 'Layers', { env });
    const producer = new ProducerStack(layers, 'Producer');
    const service = new Stage(app, 'Service', { env });
    const consumer = new ConsumerStack(service, 'Consumer');
    addAspect(layers);
    addAspect(service);
    app.synth();

    expect(functionOf(Template.fromStack(consumer)).properties.Description)
      .toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
  });

  test('a Stage in another account does not serve the consumer: it is reported instead', () => {
    const app = newApp();
    new ProducerStack(new Stage(app, 'Layers', { env: { account: '111111111111', region: 'eu-west-1' } }), 'Producer');
    const service = new Stage(app, 'Service', { env: { account: '222222222222', region: 'eu-west-1' } });
    const consumer = new ConsumerStack(service, 'Consumer');
    addAspect(service);
    app.synth();

    expect(functionOf(Template.fromStack(consumer)).properties.Description).toBeUndefined();
    expect(messages(consumer, 'warning').join('\n')).toContain('cdk-layer-sync:UnhashedConsumer');
  });

  test('an aspect on the App alone leaves a Stage uncovered: StageNotCovered fails synthesis, naming the Stage and the line', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    new ProducerStack(stage, 'Producer');
    const consumer = new ConsumerStack(stage, 'Consumer');
    addAspect(app);

    let error = '';
    try {
      app.synth();
    } catch (e) {
      error = (e as Error).message;
    }
    expect(error).toContain('cdk-layer-sync:StageNotCovered: inside Stage Prod');
    expect(error).toContain('Stage Prod was synthesized without LayerDependencyAspect, so 1 function(s) in it that follow their layers only through the aspect (Prod/Consumer/Consumer)');
    expect(error).toContain('Aspects.of(this).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING })');
    expect(functionOf(Template.fromStack(consumer)).properties.Description).toBeUndefined();
  });

  test('a function in a Stage with a layer of its own stack needs the aspect only when CDK does not hash the layer into its version', () => {
    // recognizeLayerVersion off (a plain App without cdk.json context): only the aspect's fingerprint moves the version.
    const synthWithOwnLayer = (recognizeLayerVersion: boolean) => {
      const app = newApp({ context: { '@aws-cdk/aws-lambda:recognizeLayerVersion': recognizeLayerVersion } });
      const stack = new Stack(new Stage(app, 'Prod'), 'Service');
      consumerFunction(stack, 'Fn', [new lambda.LayerVersion(stack, 'Own', { code: lambda.Code.fromAsset(layerSource('VALUE = 1\n')) })]);
      addAspect(app);
      try {
        app.synth();
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(synthWithOwnLayer(false)).toContain('cdk-layer-sync:StageNotCovered: inside Stage Prod');
    expect(synthWithOwnLayer(false)).toContain('(Prod/Service/Fn)');
    expect(synthWithOwnLayer(true)).toBe('');
  });

  test('a function in a nested stack of a Stage, given its parent stack\'s layer, is reported when the Stage is not covered', () => {
    const app = newApp({ context: { '@aws-cdk/aws-lambda:recognizeLayerVersion': true } });
    const stack = new Stack(new Stage(app, 'Prod'), 'Service');
    const layer = new lambda.LayerVersion(stack, 'Own', { code: lambda.Code.fromAsset(layerSource('VALUE = 1\n')) });
    const nested = new NestedStack(stack, 'Functions');
    consumerFunction(nested, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(nested, 'Shared', layer.layerVersionArn)]);
    addAspect(app);

    expect(() => app.synth()).toThrow(/cdk-layer-sync:StageNotCovered: inside Stage Prod[\s\S]*Prod\/Service\/Functions\/Fn/);
  });

  test('a CDK Pipelines Stage synthesized before the Stage of its producer existed is told so, with the order to fix', () => {
    const env = { account: '111111111111', region: 'eu-west-1' };
    const pipelineApp = (producerFirst: boolean) => {
      const app = newApp();
      const pipelineStack = new Stack(app, 'PipelineStack', { env });
      const pipeline = new pipelines.CodePipeline(pipelineStack, 'Pipeline', {
        synth: new pipelines.ShellStep('Synth', { input: pipelines.CodePipelineSource.gitHub('example-org/app', 'main'), commands: ['npx cdk synth'] }),
      });
      // Each Stage with the aspect's line, built and added to the pipeline in turn, as teams write it.
      const addStage = (id: string, build: (stage: Stage) => Stack) => {
        const stage = new Stage(pipelineStack, id, { env });
        addAspect(stage);
        const stack = build(stage);
        pipeline.addStage(stage);
        return stack;
      };
      const platform = () => addStage('Platform', stage => new ProducerStack(stage, 'Layers', { removalPolicy: RemovalPolicy.RETAIN }));
      const services = () => addStage('Services', stage => new ConsumerStack(stage, 'Orders'));
      const [first, second] = producerFirst ? [platform(), services()] : [services(), platform()];
      addAspect(app);
      app.synth();
      const consumer = (producerFirst ? second : first) as ConsumerStack;
      return { pipelineStack, consumer };
    };

    const late = pipelineApp(false);
    const shown = messages(late.pipelineStack, 'warning').filter(m => m.includes('cdk-layer-sync:ProducerBuiltLater'));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain(`function PipelineStack/Services/Orders/Consumer imports its layer from SSM parameter '${PARAMETER}', `
      + 'whose producer PipelineStack/Platform/Layers/Layer was created after Stage PipelineStack/Services was synthesized');
    expect(shown[0]).toContain('Fix: create the producer\'s Stage, and add it to the pipeline, before Stage PipelineStack/Services.');
    expect(functionOf(Template.fromStack(late.consumer)).properties.Description).toBeUndefined();

    const inOrder = pipelineApp(true);
    expect(messages(inOrder.pipelineStack, 'warning').filter(m => m.includes('cdk-layer-sync:'))).toEqual([]);
    expect(functionOf(Template.fromStack(inOrder.consumer)).properties.Description).toMatch(MARKER);
  });

  test('a Stage without shared layers needs no aspect: nothing is reported', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    new ProducerStack(stage, 'Producer');
    addAspect(app);

    expect(() => app.synth()).not.toThrow();
  });

  test('StageNotCovered at WARNING goes to stderr when no top-level stack relates to the Stage', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    new ConsumerStack(stage, 'Consumer');
    addAspect(app, { stageNotCovered: FindingLevel.WARNING });
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(chunk => (written.push(String(chunk)), true));
    try {
      app.synth();
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toContain('[WARNING] at Prod: cdk-layer-sync:StageNotCovered: inside Stage Prod');
  });
});

describe('LayerDependencyAspect: environments', () => {
  test('the same parameter name in two accounts is two layers: each consumer gets its own', () => {
    const app = newApp();
    const a = { account: '111111111111', region: 'eu-west-1' };
    const b = { account: '222222222222', region: 'eu-west-1' };
    const producerA = new ProducerStack(app, 'ProducerA', { env: a, source: layerSource('A\n') });
    const producerB = new ProducerStack(app, 'ProducerB', { env: b, source: layerSource('B\n') });
    const consumerA = new ConsumerStack(app, 'ConsumerA', { env: a });
    const consumerB = new ConsumerStack(app, 'ConsumerB', { env: b });
    addAspect(app);

    expect(functionOf(Template.fromStack(consumerA)).properties.Description)
      .toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producerA))}]`);
    expect(functionOf(Template.fromStack(consumerB)).properties.Description)
      .toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producerB))}]`);
  });

  test('the same parameter name in two regions is two layers', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer', { env: { account: '111111111111', region: 'us-east-1' } });
    const consumer = new ConsumerStack(app, 'Consumer', { env: { account: '111111111111', region: 'eu-west-1' } });
    addAspect(app);

    expect(functionOf(Template.fromStack(consumer)).properties.Description).toBeUndefined();
    expect(messages(consumer, 'warning').join('\n')).toContain('region eu-west-1');
  });

  test('an environment-agnostic consumer facing two producers with different layers is reported as ambiguous', () => {
    const app = newApp();
    new ProducerStack(app, 'ProducerA', { env: { account: '111111111111', region: 'eu-west-1' }, source: layerSource('A\n') });
    new ProducerStack(app, 'ProducerB', { env: { account: '222222222222', region: 'eu-west-1' }, source: layerSource('B\n') });
    const consumer = new ConsumerStack(app, 'Consumer');
    addAspect(app);

    expect(functionOf(Template.fromStack(consumer)).properties.Description).toBeUndefined();
    expect(messages(consumer, 'warning').join('\n')).toContain('several producers fit');
  });
});

describe('LayerDependencyAspect: registry', () => {
  test('a registry entry serves a consumer whose producer is not in the app', () => {
    const registry = new LayerRegistry();
    registry.add(PARAMETER, 'abcdef0123456789abcdef0123456789');
    const app = newApp();
    const consumer = new ConsumerStack(app, 'Consumer');
    addAspect(app, { registry });

    expect(functionOf(Template.fromStack(consumer)).properties.Description).toBe('[layer-sync abcdef012345]');
    expect(messages(consumer, 'warning')).toEqual([]);
  });

  test('the app\'s own producer takes precedence over a registry entry of the same parameter', () => {
    const registry = new LayerRegistry();
    registry.add(PARAMETER, 'feedfacefeedfacefeedface');
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer');
    addAspect(app, { registry });

    expect(functionOf(Template.fromStack(consumer)).properties.Description).toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
    // The two disagree: said on the consumer, since other apps reading the registry would keep the old layer.
    const [warning] = messages(consumer, 'warning');
    expect(warning).toContain('[ack: cdk-layer-sync:StaleRegistryEntry]');
    expect(warning).toMatch(new RegExp("^function Consumer/Consumer follows layer parameter '/platform/layers/common/arn' from this app's own "
      + 'producer Producer/Layer \\([0-9a-f]{12}\\), but the registry has feedfacefeed for it'));
  });

  test('an app that reads the lock file it writes follows a layer change on the same synthesis', () => {
    const lockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-own-lock-')), 'layers.lock.json');
    const synthWith = (content: string) => {
      const app = newApp();
      const producer = new ProducerStack(app, 'Producer', { source: layerSource(content) });
      const consumer = new ConsumerStack(app, 'Consumer');
      const registry = fs.existsSync(lockFile) ? LayerRegistry.fromFile(lockFile) : undefined;
      addAspect(app, { registry, registryOutput: lockFile });
      const description = functionOf(Template.fromStack(consumer)).properties.Description;
      return { description, expected: `[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`, warnings: messages(consumer, 'warning') };
    };
    const first = synthWith('VALUE = 1\n');
    const second = synthWith('VALUE = 2\n');

    expect(second.expected).not.toBe(first.expected);
    expect(second.description).toBe(second.expected);
    // The registry is the file this app writes: refreshed by this very synthesis, nothing to report.
    expect(second.warnings).toEqual([]);
    const written = JSON.parse(fs.readFileSync(lockFile, 'utf-8'));
    expect(written.layers.map((e: any) => e.fingerprint.slice(0, 12))).toEqual([second.expected.slice('[layer-sync '.length, -1)]);
  });
});

describe('LayerDependencyAspect: a layer the app publishes as a literal ARN in its own SSM parameter', () => {
  const arnOf = (version: number) => `arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-arm64:${version}`;

  /** A shared stack writing an AWS-managed layer's ARN into a parameter, and a service reading it, as in a public app. */
  function synthWith(version: number) {
    const app = newApp();
    const shared = new Stack(app, 'Shared');
    new ssm.StringParameter(shared, 'Powertools', { parameterName: '/layers/powertools', stringValue: arnOf(version) });
    const consumer = new ConsumerStack(app, 'Service', { parameterName: '/layers/powertools' });
    addAspect(app);
    const template = Template.fromStack(consumer);
    return { consumer, template, description: functionOf(template).properties.Description as string };
  }

  test('its consumers follow it: a new version of the ARN moves the fingerprint, the version and the alias', () => {
    const before = synthWith(11);
    const after = synthWith(12);
    expect(before.description).toMatch(MARKER);
    expect(after.description).toMatch(MARKER);
    expect(after.description).not.toBe(before.description);
    expect(versionAndAlias(after.template).versionId).not.toBe(versionAndAlias(before.template).versionId);
    expect(messages(after.consumer, 'warning')).toEqual([]);
    // Deployed after the stack that writes the parameter.
    expect(after.consumer.dependencies.map(s => s.stackName)).toContain('Shared');
  });

  test('the same ARN gives the same template', () => {
    expect(synthWith(11).template.toJSON()).toEqual(synthWith(11).template.toJSON());
  });
});

describe('LayerDependencyAspect: layer versions of the consumer\'s own stack and of a parent stack', () => {
  const RECOGNIZE = '@aws-cdk/aws-lambda:recognizeLayerVersion';

  /** One stack with its own layer and a function using it (or, with `nested`, the function in a NestedStack). */
  function synthOwn(content: string, options: { recognizeLayerVersion: boolean; nested?: boolean }) {
    const app = newApp({ context: { [RECOGNIZE]: options.recognizeLayerVersion } });
    const stack = new Stack(app, 'Service');
    const layer = new lambda.LayerVersion(stack, 'Own', { code: lambda.Code.fromAsset(layerSource(content)) });
    const host = options.nested ? new NestedStack(stack, 'Functions') : stack;
    // In a nested stack, as teams pass it: the parent's ARN, which the nested template sees as a parameter.
    consumerFunction(host, 'Fn', [options.nested ? lambda.LayerVersion.fromLayerVersionArn(host, 'Shared', layer.layerVersionArn) : layer]);
    addAspect(app);
    const template = Template.fromStack(host);
    return { template, description: functionOf(template).properties.Description as string | undefined, version: versionAndAlias(template).versionId };
  }

  test('with recognizeLayerVersion on, CDK moves the version itself: nothing is written', () => {
    const before = synthOwn('VALUE = 1\n', { recognizeLayerVersion: true });
    const after = synthOwn('VALUE = 2\n', { recognizeLayerVersion: true });
    expect(after.description).toBeUndefined();
    expect(after.version).not.toBe(before.version);
  });

  test('with recognizeLayerVersion off, the fingerprint is written, so the version and its aliases move', () => {
    const before = synthOwn('VALUE = 1\n', { recognizeLayerVersion: false });
    const after = synthOwn('VALUE = 2\n', { recognizeLayerVersion: false });
    expect(after.description).toMatch(MARKER);
    expect(after.description).not.toBe(before.description);
    expect(after.version).not.toBe(before.version);
  });

  test('a parent stack\'s layer version passed into a nested stack gets the fingerprint, even with the flag on', () => {
    const before = synthOwn('VALUE = 1\n', { recognizeLayerVersion: true, nested: true });
    const after = synthOwn('VALUE = 2\n', { recognizeLayerVersion: true, nested: true });
    expect(after.description).toMatch(MARKER);
    expect(after.template.toJSON()).not.toEqual(before.template.toJSON());
    expect(after.version).not.toBe(before.version);
  });
});
