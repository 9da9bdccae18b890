import { Aws, CfnCondition, CfnResource, Fn, Lazy, Stack, Stage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { conditionalFingerprint, discoverProducers } from '../../src/producers/discover-producers';
import { layerSource, newApp, ProducerStack } from '../helpers/apps';

const fingerprintOf = (layer: CfnResource) => `fp:${layer.node.path}`;

describe('discoverProducers', () => {
  test('finds SSM parameters holding a LayerVersion ARN, with their environment, Stages included', () => {
    const app = newApp();
    new ProducerStack(app, 'Agnostic', { parameterName: '/a' });
    new ProducerStack(new Stage(app, 'Prod', { env: { account: '111111111111', region: 'eu-west-1' } }), 'InStage', { parameterName: '/b' });

    const found = discoverProducers(app.node.findAll(), fingerprintOf).map(p => ({
      name: p.parameterName, account: p.account, region: p.region, fingerprint: p.fingerprint, layer: p.layer?.node.path,
    }));
    expect(found).toEqual([
      { name: '/a', account: undefined, region: undefined, fingerprint: 'fp:Agnostic/Layer/Resource', layer: 'Agnostic/Layer/Resource' },
      { name: '/b', account: '111111111111', region: 'eu-west-1', fingerprint: 'fp:Prod/InStage/Layer/Resource', layer: 'Prod/InStage/Layer/Resource' },
    ]);
  });

  test('a parameter whose value cannot be resolved stays a producer, with the reason it cannot be fingerprinted', () => {
    const app = newApp();
    const stack = new Stack(app, 'S');
    new ssm.StringParameter(stack, 'Broken', {
      parameterName: '/broken', stringValue: Lazy.string({ produce: () => { throw new Error('the ARN is not known yet'); } }),
    });
    const [producer] = discoverProducers(app.node.findAll(), fingerprintOf);
    expect(producer).toEqual(expect.objectContaining({ parameterName: '/broken', fingerprint: '' }));
    expect(producer.fingerprintError).toMatch(/^the value of SSM parameter S\/Broken\/Resource could not be resolved \(.*the ARN is not known yet/);
  });

  test('ignores parameters holding anything else, and parameters without a literal name', () => {
    const app = newApp();
    const stack = new Stack(app, 'S');
    const layer = new lambda.LayerVersion(stack, 'Layer', { code: lambda.Code.fromAsset(layerSource()) });
    new ssm.StringParameter(stack, 'Text', { parameterName: '/text', stringValue: 'hello' });
    new ssm.StringParameter(stack, 'Unnamed', { stringValue: layer.layerVersionArn });
    expect(discoverProducers(app.node.findAll(), fingerprintOf)).toEqual([]);
  });

  test('a parameter holding a literal layer version ARN (an AWS-managed layer) produces it, fingerprinted by the ARN', () => {
    const arnOf = (version: number) => `arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-arm64:${version}`;
    const producersFor = (version: number) => {
      const app = newApp();
      const stack = new Stack(app, 'Shared');
      new ssm.StringParameter(stack, 'Powertools', { parameterName: '/layers/powertools', stringValue: arnOf(version) });
      new ssm.StringParameter(stack, 'NotALayer', { parameterName: '/layers/not', stringValue: 'arn:aws:lambda:eu-west-1:017000801446:function:f' });
      return discoverProducers(app.node.findAll(), fingerprintOf);
    };
    const [p11] = producersFor(11);
    expect(producersFor(11)).toHaveLength(1);
    expect(p11).toMatchObject({ parameterName: '/layers/powertools', literalArn: arnOf(11) });
    expect(p11.layer).toBeUndefined();
    expect(p11.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // The same ARN gives the same fingerprint; the next version another.
    expect(producersFor(11)[0].fingerprint).toBe(p11.fingerprint);
    expect(producersFor(12)[0].fingerprint).not.toBe(p11.fingerprint);
  });

  test('a layer in another stack than its parameter is still its producer', () => {
    const app = newApp();
    const layerStack = new Stack(app, 'Layers');
    const layer = new lambda.LayerVersion(layerStack, 'Layer', { code: lambda.Code.fromAsset(layerSource()) });
    new ssm.StringParameter(new Stack(app, 'Params'), 'P', { parameterName: '/p', stringValue: layer.layerVersionArn });
    expect(discoverProducers(app.node.findAll(), fingerprintOf).map(p => p.layer)).toEqual([layer.node.defaultChild]);
  });

  test('a layer that cannot be fingerprinted is kept with the reason', () => {
    const app = newApp();
    new ProducerStack(app, 'P');
    const [producer] = discoverProducers(app.node.findAll(), () => { throw new Error('token'); });
    expect(producer.fingerprintError).toBe('token');
  });
});

describe('a parameter whose value an Fn::If picks', () => {
  function conditionalStack() {
    const app = newApp();
    const stack = new Stack(app, 'S');
    const condition = new CfnCondition(stack, 'HasArm64', { expression: Fn.conditionEquals(Aws.REGION, 'eu-west-1') });
    const arm = new lambda.LayerVersion(stack, 'Arm', { code: lambda.Code.fromAsset(layerSource()) });
    const x86 = new lambda.LayerVersion(stack, 'X86', { code: lambda.Code.fromAsset(layerSource()) });
    return { app, stack, condition, arm, x86 };
  }

  test('is a producer of every layer it can pick, its fingerprint covering each branch (a literal such as none too)', () => {
    const { app, stack, condition, arm } = conditionalStack();
    new ssm.StringParameter(stack, 'P', { parameterName: '/arm', stringValue: Fn.conditionIf(condition.logicalId, arm.layerVersionArn, 'none').toString() });
    const [producer] = discoverProducers(app.node.findAll(), fingerprintOf);
    expect(producer.alternatives?.map(l => l.node.path)).toEqual(['S/Arm/Resource']);
    expect(producer.condition).toBe('Fn::If on HasArm64');
    expect(producer.fingerprint).toBe(conditionalFingerprint(['fp:S/Arm/Resource', 'literal:none']));
  });

  test('nested conditions over two layers give both', () => {
    const { app, stack, condition, arm, x86 } = conditionalStack();
    const other = new CfnCondition(stack, 'Other', { expression: Fn.conditionEquals(Aws.ACCOUNT_ID, '111111111111') });
    const value = Fn.conditionIf(condition.logicalId, arm.layerVersionArn, Fn.conditionIf(other.logicalId, x86.layerVersionArn, 'none'));
    new ssm.StringParameter(stack, 'P', { parameterName: '/any', stringValue: value.toString() });
    const [producer] = discoverProducers(app.node.findAll(), fingerprintOf);
    expect(producer.alternatives?.map(l => l.node.path)).toEqual(['S/Arm/Resource', 'S/X86/Resource']);
    expect(producer.fingerprint).toBe(conditionalFingerprint(['fp:S/X86/Resource', 'literal:none', 'fp:S/Arm/Resource']));
  });

  test('is no producer when a branch holds another reference, or no branch holds a layer', () => {
    const { app, stack, condition, arm } = conditionalStack();
    const text = new ssm.StringParameter(stack, 'Text', { parameterName: '/text', stringValue: 'x' });
    new ssm.StringParameter(stack, 'Mixed', { parameterName: '/mixed', stringValue: Fn.conditionIf(condition.logicalId, arm.layerVersionArn, text.stringValue).toString() });
    new ssm.StringParameter(stack, 'Texts', { parameterName: '/texts', stringValue: Fn.conditionIf(condition.logicalId, 'a', 'b').toString() });
    expect(discoverProducers(app.node.findAll(), fingerprintOf)).toEqual([]);
  });
});
