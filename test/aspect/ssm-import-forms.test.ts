// Every way aws-cdk-lib imports an SSM parameter, as a layer ARN, through the aspect.
import { NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct, Node } from 'constructs';
import { FindingLevel } from '../../src';
import {
  addAspect, consumerFunction, expectedShortFingerprint, functionOf, messages, newApp, PARAMETER, ProducerStack,
} from '../helpers/apps';
import { CONSTRUCTS_VERSION } from '../helpers/cdk-version';

const ENV = { account: '111111111111', region: 'eu-west-1' };
const CACHED_ARN = 'arn:aws:lambda:eu-west-1:111111111111:layer:common:7';
const LOOKUP_KEY = `ssm:account=111111111111:parameterName=${PARAMETER}:region=eu-west-1`;

/** A producer and one consumer whose layer ARN comes from `arnOf(consumerStack)`. */
function importedAs(arnOf: (scope: Construct) => string, context: Record<string, string> = {}) {
  const app = newApp({ context });
  const producer = new ProducerStack(app, 'Producer', { env: ENV });
  const consumer = new Stack(app, 'Consumer', { env: ENV });
  consumerFunction(consumer, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(consumer, 'Layer', arnOf(consumer))]);
  addAspect(app);
  const fingerprint = expectedShortFingerprint(Template.fromStack(producer));
  return { app, producer, consumer, fn: functionOf(Template.fromStack(consumer)), fingerprint };
}

describe('GIVEN the SSM import forms that follow the parameter at deploy time', () => {
  test.each([
    ['valueForStringParameter', (s: Construct) => ssm.StringParameter.valueForStringParameter(s, PARAMETER)],
    ['valueForTypedStringParameterV2 (string)', (s: Construct) =>
      ssm.StringParameter.valueForTypedStringParameterV2(s, PARAMETER, ssm.ParameterValueType.STRING)],
    ['fromStringParameterAttributes', (s: Construct) =>
      ssm.StringParameter.fromStringParameterAttributes(s, 'Attr', { parameterName: PARAMETER }).stringValue],
    ['fromStringParameterAttributes with forceDynamicReference', (s: Construct) =>
      ssm.StringParameter.fromStringParameterAttributes(s, 'Attr', { parameterName: PARAMETER, forceDynamicReference: true }).stringValue],
  ])('%s: the consumer carries the producer fingerprint', (_form, arnOf) => {
    const { fn, fingerprint, consumer } = importedAs(arnOf);
    expect(fn.properties.Description).toBe(`[layer-sync ${fingerprint}]`);
    expect(messages(consumer, 'warning')).toEqual([]);
  });

  test('forceDynamicReference gives the {{resolve:ssm:...}} form, which is followed', () => {
    const { fn } = importedAs(s =>
      ssm.StringParameter.fromStringParameterAttributes(s, 'Attr', { parameterName: PARAMETER, forceDynamicReference: true }).stringValue);
    expect(fn.properties.Layers).toEqual([`{{resolve:ssm:${PARAMETER}}}`]);
  });

  test('a parameter read in the parent stack and passed into a NestedStack is followed', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer', { env: ENV });
    const parent = new Stack(app, 'Parent', { env: ENV });
    const arn = ssm.StringParameter.valueForStringParameter(parent, PARAMETER);
    const nested = new NestedStack(parent, 'Nested');
    consumerFunction(nested, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(nested, 'Layer', arn)]);
    addAspect(app);

    const fn = functionOf(Template.fromStack(nested));
    expect(fn.properties.Description).toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
  });
});

describe('GIVEN valueFromLookup, which caches the ARN in cdk.context.json', () => {
  const lookup = (s: Construct) => ssm.StringParameter.valueFromLookup(s, PARAMETER);

  test(`WHEN the lookup is cached THEN CachedLayerLookup names the parameter, the key and both fixes (constructs ${CONSTRUCTS_VERSION}, `
    + `${typeof Node.prototype.getAllContext === 'function' ? 'with' : 'without'} Node.getAllContext)`, () => {
    const { consumer } = importedAs(lookup, { [LOOKUP_KEY]: CACHED_ARN });
    const [warning] = messages(consumer, 'warning');
    expect(warning).toContain('function Consumer/Fn attaches the layer ARN that ssm.StringParameter.valueFromLookup read');
    expect(warning).toContain(`'${PARAMETER}'`);
    expect(warning).toContain(`key '${LOOKUP_KEY}'`);
    expect(warning).toContain(`valueForStringParameter(scope, '${PARAMETER}')`);
    expect(warning).toContain(`cdk context --reset '${LOOKUP_KEY}'`);
    expect(warning).toContain('[ack: cdk-layer-sync:CachedLayerLookup]');
  });

  test('the function keeps its cached ARN and gets no fingerprint', () => {
    const { fn } = importedAs(lookup, { [LOOKUP_KEY]: CACHED_ARN });
    expect(fn.properties.Layers).toEqual([CACHED_ARN]);
    expect(fn.properties.Description).toBeUndefined();
  });

  test('a lookup cached for another account is not this consumer\'s: its literal ARN is left alone, silently', () => {
    const otherKey = LOOKUP_KEY.replace('111111111111', '999999999999');
    const { fn, consumer } = importedAs(() => CACHED_ARN, { [otherKey]: CACHED_ARN });
    expect(messages(consumer, 'warning')).toEqual([]);
    expect(fn.properties.Description).toBeUndefined();
  });

  test('before the lookup ran (dummy value), nothing crashes and nothing is reported', () => {
    const { fn, consumer } = importedAs(lookup);
    expect(fn.properties.Layers).toEqual([`dummy-value-for-${PARAMETER}`]);
    expect(messages(consumer, 'warning')).toEqual([]);
  });

  test('cachedLayerLookup: ERROR makes it an error', () => {
    const app = newApp({ context: { [LOOKUP_KEY]: CACHED_ARN } });
    const consumer = new Stack(app, 'Consumer', { env: ENV });
    consumerFunction(consumer, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(consumer, 'Layer', lookup(consumer))]);
    addAspect(app, { cachedLayerLookup: FindingLevel.ERROR });
    expect(messages(consumer, 'error').join('\n')).toContain('cdk-layer-sync:CachedLayerLookup: function Consumer/Fn');
  });
});
