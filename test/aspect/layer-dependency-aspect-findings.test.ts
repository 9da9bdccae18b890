import { Annotations, CfnParameter, CfnResource, Fn, Lazy, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Annotations as StackAnnotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FindingLevel, FingerprintTarget, LayerDependencyAspect } from '../../src';
import { addAspect, ConsumerStack, consumerFunction, functionOf, messages, newApp, PARAMETER, ProducerStack, ssmLayer } from '../helpers/apps';
import { HAS_VALIDATIONS, HAS_WEAK_REFERENCES, testWhen } from '../helpers/cdk-version';

const UNHASHED = 'cdk-layer-sync:UnhashedConsumer';

function orphanApp(props: Parameters<typeof addAspect>[1] = {}, acknowledge?: (consumer: ConsumerStack) => void) {
  const app = newApp();
  const consumer = new ConsumerStack(app, 'Orphan');
  acknowledge?.(consumer);
  addAspect(app, props);
  Template.fromStack(consumer);
  return consumer;
}

describe('UnhashedConsumer', () => {
  test('a consumer with no known producer gets one acknowledgeable warning naming function, parameter, consequence and fixes', () => {
    const consumer = orphanApp();

    const warnings = messages(consumer, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('function Orphan/Consumer ');
    expect(warnings[0]).toContain(`SSM parameter '${PARAMETER}'`);
    expect(warnings[0]).toContain('no producer of that parameter is known for account (any), region (any)');
    // An SSM parameter type: the CLI deploys the stack (CloudFormation re-reads it), but no version is published.
    expect(warnings[0]).toContain('cdk deploy updates its stack and $LATEST gets the new layer');
    expect(warnings[0]).toContain('no version is published and its aliases keep the old layer');
    expect(warnings[0]).not.toContain('skip');
    expect(warnings[0]).toContain('register the producer');
    expect(warnings[0]).toContain('acknowledgeWarning');
    expect(warnings[0]).toMatch(/\[ack: cdk-layer-sync:UnhashedConsumer\]$/);
    expect(functionOf(Template.fromStack(consumer)).properties.Description).toBeUndefined();
  });

  test('an ARN a custom resource gives at deploy time gets a fix that fits it, not "register the producer"', () => {
    const app = newApp();
    const stack = new Stack(app, 'Service');
    const lookup = new CfnResource(stack, 'LayerLookup', {
      type: 'Custom::LayerLookup', properties: { ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:lookup' },
    });
    consumerFunction(stack, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(stack, 'Looked', lookup.getAtt('Arn').toString())]);
    addAspect(app);
    Template.fromStack(stack);

    const [warning, ...others] = messages(stack, 'warning');
    expect(others).toEqual([]);
    expect(warning).toContain(UNHASHED);
    expect(warning).toContain('its ARN is computed when the stack deploys, from Service/LayerLookup (Custom::LayerLookup)');
    expect(warning).toContain('Fix: give the function a LayerVersion of this app, or the ARN through an SSM parameter that this app writes');
    expect(warning).not.toContain('register the producer');
  });

  test('Annotations.acknowledgeWarning on the function silences it', () => {
    const consumer = orphanApp({}, c => Annotations.of(c.fn).acknowledgeWarning(UNHASHED, 'owned by another team'));
    expect(messages(consumer, 'warning')).toEqual([]);
  });

  test('Annotations.acknowledgeWarning on the stack silences it for every function below', () => {
    const consumer = orphanApp({}, c => Annotations.of(c).acknowledgeWarning(UNHASHED, 'whole stack'));
    expect(messages(consumer, 'warning')).toEqual([]);
  });

  testWhen(HAS_VALIDATIONS)('Validations.acknowledge silences it too', () => {
    const consumer = orphanApp({}, c => Validations.of(c).acknowledge({ id: UNHASHED, reason: 'tracked elsewhere' }));
    expect(messages(consumer, 'warning')).toEqual([]);
  });

  test('acknowledging another id leaves it in place', () => {
    const consumer = orphanApp({}, c => Annotations.of(c).acknowledgeWarning('cdk-layer-sync:ExportedLayerArn', 'other'));
    expect(messages(consumer, 'warning')).toHaveLength(1);
  });

  test.each([
    [FindingLevel.ERROR, 'error'],
    [FindingLevel.INFO, 'info'],
  ] as const)('level %s reports it as %s', (level, kind) => {
    const consumer = orphanApp({ unhashedConsumer: level });
    expect(messages(consumer, 'warning')).toEqual([]);
    const found = messages(consumer, kind);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^cdk-layer-sync:UnhashedConsumer: function Orphan\/Consumer /);
  });

  test('level OFF reports nothing', () => {
    const consumer = orphanApp({ unhashedConsumer: FindingLevel.OFF });
    for (const kind of ['warning', 'error', 'info'] as const) {
      expect(messages(consumer, kind)).toEqual([]);
    }
  });

  test('a plain CloudFormation parameter cannot be followed and says why', () => {
    const app = newApp();
    const stack = new Stack(app, 'Params');
    const arn = new CfnParameter(stack, 'LayerArn', { type: 'String' }).valueAsString;
    consumerFunction(stack, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(stack, 'L', arn)]);
    addAspect(app);

    expect(messages(stack, 'warning').join('\n')).toContain('its value is given at deploy time');
  });

  testWhen(HAS_WEAK_REFERENCES)('an explicit Fn::GetStackOutput of a stack outside the app is reported', () => {
    const app = newApp();
    const stack = new Stack(app, 'Outputs', { env: { account: '111111111111', region: 'eu-west-1' } });
    const arn = Fn.getStackOutput('PlatformLayers', 'eu-west-1', 'LayerArn');
    consumerFunction(stack, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(stack, 'L', arn)]);
    addAspect(app);

    expect(messages(stack, 'warning').join('\n')).toMatch(/Fn::GetStackOutput .*not in this app.*\[ack: cdk-layer-sync:UnhashedConsumer\]/s);
  });
});

describe('one cause, one finding: functions of one stack with the same finding for the same layer source', () => {
  /** One layer object handed to a stack of `count` functions by strong reference (Export/ImportValue). */
  function sharedLayerApp(count: number) {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const services = new Stack(app, 'Services');
    for (let i = 1; i <= count; i++) {
      consumerFunction(services, `Fn${i}`, [producer.layer]);
    }
    consumerFunction(services, 'Other', [ssmLayer(services, '/other-team/arn', 'OtherLayer')]);
    addAspect(app);
    app.synth();
    return { services };
  }

  test('the first function explains it and lists the others; each other one is a line pointing there', () => {
    const { services } = sharedLayerApp(11);
    const exported = StackAnnotations.fromStack(services).findWarning('*', Match.stringLikeRegexp('ExportedLayerArn'));
    const byPath = new Map(exported.map(w => [w.id, String(w.entry.data)]));
    expect([...byPath.keys()].sort()).toEqual(Array.from({ length: 11 }, (_, i) => `/Services/Fn${i + 1}`).sort());
    const first = byPath.get('/Services/Fn1')!;
    expect(first).toContain('cannot be updated as it is in use by');
    expect(first).toContain('The same holds for 10 more functions of stack Services with this layer source (Services/Fn2, Services/Fn3,');
    for (let i = 2; i <= 11; i++) {
      const line = byPath.get(`/Services/Fn${i}`)!;
      expect(line).toContain(`function Services/Fn${i} takes its layer from`);
      expect(line).toContain('see the warning on Services/Fn1 for why it matters and the fix');
      expect(line).not.toContain('cannot be updated as it is in use by');
      expect(line.length).toBeLessThan(first.length / 2);
    }
    // Eleven warnings of about 900 characters became one of that size and ten short lines.
    expect([...byPath.values()].join('').length).toBeLessThan(first.length * 5);
  });

  test('another cause in the same stack is a finding of its own; each pointer can be acknowledged on its own function', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const services = new Stack(app, 'Services');
    consumerFunction(services, 'Fn1', [producer.layer]);
    const second = consumerFunction(services, 'Fn2', [producer.layer]);
    consumerFunction(services, 'Other', [ssmLayer(services, '/other-team/arn', 'OtherLayer')]);
    Annotations.of(second).acknowledgeWarning('cdk-layer-sync:ExportedLayerArn', 'moving to SSM next sprint');
    addAspect(app);
    app.synth();
    const warnings = StackAnnotations.fromStack(services).findWarning('*', Match.stringLikeRegexp('cdk-layer-sync:'));
    expect(warnings.map(w => w.id).sort()).toEqual(['/Services/Fn1', '/Services/Other']);
    expect(String(warnings.find(w => w.id === '/Services/Other')!.entry.data)).not.toContain('same holds');
  });
});

describe('UnresolvableLayerReference: a token the aspect cannot read is a finding, never a crash', () => {
  test('an ARN built around an SSM import', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const stack = new Stack(app, 'Built');
    const imported = ssmLayer(stack).layerVersionArn;
    const arn = Fn.join('', [Fn.select(0, Fn.split(':99', imported)), ':99']);
    consumerFunction(stack, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(stack, 'L', arn)]);
    addAspect(app);

    const warnings = messages(stack, 'warning').join('\n');
    expect(warnings).toContain('cannot follow the layers of Built/Fn');
    expect(warnings).toContain('[ack: cdk-layer-sync:UnresolvableLayerReference]');
  });

  test('a lazy value that throws when resolved', () => {
    const app = newApp();
    const stack = new Stack(app, 'Broken');
    const fn = consumerFunction(stack, 'Fn', [ssmLayer(stack)]);
    (fn.node.defaultChild as lambda.CfnFunction).layers = Lazy.list({ produce: () => { throw new Error('layer list not ready'); } });
    const aspect = new LayerDependencyAspect();

    expect(() => aspect.visit(fn.node.defaultChild!)).not.toThrow();
    // CDK itself would fail to synthesize this function, so read the annotation the aspect left on it.
    const warnings = fn.node.metadata.filter(m => m.type === 'aws:cdk:warning').map(m => String(m.data));
    expect(warnings.join('\n')).toMatch(/Layers \(resolving it failed: .*layer list not ready/);
  });

  test('a description that is not a literal string is reported and left alone', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const stack = new Stack(app, 'Desc');
    consumerFunction(stack, 'Fn', [ssmLayer(stack)], { description: Fn.sub('built in ${AWS::Region}') });
    addAspect(app);

    expect(functionOf(Template.fromStack(stack)).properties.Description).toEqual({ 'Fn::Sub': 'built in ${AWS::Region}' });
    expect(messages(stack, 'warning').join('\n')).toContain('its description is not a literal string');
  });
});

describe('invalid props throw at construction, naming the prop and the value', () => {
  test.each([
    [{ target: FingerprintTarget.ENVIRONMENT, environmentVariableName: '1ABC' }, /environmentVariableName.*"1ABC"/],
    [{ target: FingerprintTarget.ENVIRONMENT, environmentVariableName: 'X' }, /environmentVariableName.*at least 2 characters.*"X"/],
    [{ target: FingerprintTarget.ENVIRONMENT, environmentVariableName: 'MY-VAR' }, /environmentVariableName.*"MY-VAR"/],
    [{ target: FingerprintTarget.ENVIRONMENT, environmentVariableName: 'AWS_LAYERS' }, /'AWS_LAYERS' starts with 'AWS_'/],
    [{ environmentVariableName: 'LAYERS' }, /environmentVariableName is set but target is DESCRIPTION/],
    [{ targt: FingerprintTarget.ENVIRONMENT }, /LayerDependencyAspectProps: unknown prop 'targt'; did you mean 'target'\? \(the props are /],
    [{ registyOutput: 'layers.lock.json', unhashedConsumer: 'WARNING' }, /unknown prop 'registyOutput'; did you mean 'registryOutput'/],
    [{ target: 'TAGS' }, /target: expected one of DESCRIPTION, ENVIRONMENT, got "TAGS"/],
    [{ unhashedConsumer: 'LOUD' }, /unhashedConsumer: expected one of ERROR, WARNING, INFO, OFF, got "LOUD"/],
    [{ exportedLayerArn: 3 }, /exportedLayerArn: expected one of .* got 3/],
    [{ registry: { add: () => undefined } }, /registry: expected a LayerRegistry/],
    [{ addDependencies: 'yes' }, /addDependencies: expected true or false, got "yes"/],
  ])('%j', (props, message) => {
    expect(() => new LayerDependencyAspect(props as any)).toThrow(message);
  });

  test('valid props do not throw', () => {
    expect(() => new LayerDependencyAspect({
      target: FingerprintTarget.ENVIRONMENT, environmentVariableName: 'LAYER_HASHES', unhashedConsumer: FindingLevel.ERROR,
    })).not.toThrow();
  });
});

describe('EnvironmentLimit (ENVIRONMENT target)', () => {
  const ENV = { account: '111111111111', region: 'us-east-1' };

  test('a Lambda@Edge consumer gets no variable and an ERROR naming it', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer', { env: ENV });
    const stack = new Stack(app, 'Edge', { env: ENV });
    const edge = new cloudfront.experimental.EdgeFunction(stack, 'Edge', {
      runtime: lambda.Runtime.PYTHON_3_13, handler: 'index.handler', code: lambda.Code.fromInline('def handler(e, c):\n    return 1\n'),
      layers: [ssmLayer(stack)],
    });
    addAspect(app, { target: FingerprintTarget.ENVIRONMENT });

    const fn = functionOf(Template.fromStack(stack));
    expect(fn.properties.Environment).toBeUndefined();
    const [error] = messages(stack, 'error');
    expect(error).toContain(`cdk-layer-sync:EnvironmentLimit: the layer fingerprint was not written into LAYER_FINGERPRINTS of function ${edge.lambda.node.path}`);
    expect(error).toContain('Lambda@Edge');
  });

  test('a consumer whose variables would pass 4 KB gets no variable and an ERROR with the byte count', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const stack = new Stack(app, 'Big');
    consumerFunction(stack, 'Fn', [ssmLayer(stack)], { environment: { BIG: 'x'.repeat(4070) } });
    addAspect(app, { target: FingerprintTarget.ENVIRONMENT });

    expect(functionOf(Template.fromStack(stack)).properties.Environment.Variables).toEqual({ BIG: 'x'.repeat(4070) });
    // BIG(3) + 4070 + LAYER_FINGERPRINTS(18) + 12
    expect(messages(stack, 'error').join('\n')).toContain('would take 4103 bytes, over Lambda\'s limit of 4096');
  });

  test('just under the limit, the variable is written', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const stack = new Stack(app, 'Fits');
    consumerFunction(stack, 'Fn', [ssmLayer(stack)], { environment: { BIG: 'x'.repeat(4063) } });
    addAspect(app, { target: FingerprintTarget.ENVIRONMENT });

    expect(functionOf(Template.fromStack(stack)).properties.Environment.Variables.LAYER_FINGERPRINTS).toMatch(/^[0-9a-f]{12}$/);
    expect(messages(stack, 'error')).toEqual([]);
  });
});

describe('the acknowledgement hint', () => {
  test('a WARNING ends with how to acknowledge it, naming its id', () => {
    const [warning] = messages(orphanApp(), 'warning');
    expect(warning).toContain(`Or acknowledge it on this construct, its stack or its Stage: Annotations.of(scope).acknowledgeWarning('${UNHASHED}', reason).`);
  });

  test('the scopes it names are those where CDK silences the warning: the stack does, the App does not', () => {
    const onStack = orphanApp({}, consumer => Annotations.of(consumer).acknowledgeWarning(UNHASHED, 'the layer is pinned by another team'));
    expect(messages(onStack, 'warning')).toEqual([]);

    const app = newApp();
    const onApp = new ConsumerStack(app, 'Orphan');
    Annotations.of(app).acknowledgeWarning(UNHASHED, 'the layer is pinned by another team');
    addAspect(app);
    expect(messages(onApp, 'warning')).toEqual([expect.stringContaining('function Orphan/Consumer imports its layer')]);
  });

  test('an ERROR, which cannot be acknowledged, does not offer it', () => {
    const [error] = messages(orphanApp({ unhashedConsumer: FindingLevel.ERROR }), 'error');
    expect(error).toContain(`${UNHASHED}: function Orphan/Consumer`);
    expect(error).not.toContain('acknowledge');
  });
});

describe('LayerVersionNotRetained', () => {
  const NOT_RETAINED = 'cdk-layer-sync:LayerVersionNotRetained';
  function appWith(removalPolicy: RemovalPolicy, consumer: 'ssm' | 'strong') {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer', { removalPolicy });
    if (consumer === 'ssm') {
      new ConsumerStack(app, 'Consumer');
    } else {
      consumerFunction(new Stack(app, 'Consumer'), 'Fn', [producer.layer]);
    }
    addAspect(app);
    app.synth();
    return messages(producer, 'warning').filter(m => m.includes(NOT_RETAINED));
  }

  test.each(['ssm', 'strong'] as const)('a layer used by another stack (%s) and destroyed on update is reported, naming that stack', consumer => {
    const [warning] = appWith(RemovalPolicy.DESTROY, consumer);
    expect(warning).toContain('layer version Producer/Layer is shared with functions in Consumer');
    expect(warning).toContain('its UpdateReplacePolicy is Delete (RemovalPolicy.DESTROY, which is also CDK\'s default for a LayerVersion)');
    expect(warning).toContain('RemovalPolicy.RETAIN');
    expect(warning).toContain('If deleting old versions is what you want');
  });

  test.each(['ssm', 'strong'] as const)('a retained layer used by another stack (%s) is not', consumer => {
    expect(appWith(RemovalPolicy.RETAIN, consumer)).toEqual([]);
  });
});
