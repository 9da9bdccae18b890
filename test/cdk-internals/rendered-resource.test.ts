import { CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CdkInternalChangedError, changedInternalsOf } from '../../src/cdk-internals/cdk-internal';
import { RENDERED_RESOURCE, renderedProperties } from '../../src/cdk-internals/rendered-resource';
import { addAspect, consumerFunction, functionOf, newApp, ProducerStack, ssmLayer } from '../helpers/apps';
import { unsupportedReleaseErrors, withProperty } from './changed-internals';

describe('canary: CfnElement._toCloudFormation() on this release', () => {
  test('renders the properties CDK writes into the template, overrides included', () => {
    const app = newApp();
    const stack = new Stack(app, 'S');
    const fn = consumerFunction(stack, 'Fn', [], { description: 'from the prop' });
    const cfn = fn.node.defaultChild as lambda.CfnFunction;
    cfn.addPropertyOverride('MemorySize', 512);
    const rendered = renderedProperties(cfn);
    const written = functionOf(Template.fromStack(stack)).properties;
    expect(rendered).toEqual(written);
    expect(rendered.MemorySize).toBe(512);
    expect(changedInternalsOf(app)).toEqual([]);
  });

  test('a raw CfnResource function reading a shared layer follows it through its rendering', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const stack = new Stack(app, 'Consumer');
    const layer = ssmLayer(stack);
    new CfnResource(stack, 'Raw', {
      type: 'AWS::Lambda::Function',
      properties: { Handler: 'index.handler', Runtime: 'python3.13', Role: 'arn:aws:iam::1:role/r', Code: { ZipFile: 'x' }, Layers: [layer.layerVersionArn] },
    });
    addAspect(app);
    const template = Template.fromStack(stack);
    expect(functionOf(template).properties.Description).toMatch(/^\[layer-sync [0-9a-f]{12}\]$/);
    expect(changedInternalsOf(app)).toEqual([]);
  });
});

describe('simulated change', () => {
  test('no such method: the read throws and the change is recorded', () => {
    const app = newApp();
    const fn = consumerFunction(new Stack(app, 'S'), 'Fn', []);
    const cfn = fn.node.defaultChild as CfnResource;
    withProperty(cfn, '_toCloudFormation', { value: undefined }, () => {
      expect(() => renderedProperties(cfn)).toThrow(CdkInternalChangedError);
    });
    expect(changedInternalsOf(app)).toEqual([expect.objectContaining({ internal: RENDERED_RESOURCE, scope: cfn })]);
  });

  test('a rendering of two resources: a raw CfnResource consumer gets UnsupportedCdkRelease, not a silent marker-less function', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const consumers = new Stack(app, 'Consumer');
    const raw = new CfnResource(consumers, 'Raw', {
      type: 'AWS::Lambda::Function',
      properties: { Handler: 'index.handler', Runtime: 'python3.13', Role: 'arn:aws:iam::1:role/r', Code: { ZipFile: 'x' }, Layers: [ssmLayer(consumers).layerVersionArn] },
    });
    const render = (raw as unknown as { _toCloudFormation(): { Resources: Record<string, unknown> } })._toCloudFormation.bind(raw);
    addAspect(app);
    const errors = withProperty(raw, '_toCloudFormation', {
      value: () => ({ Resources: { ...render().Resources, Extra: { Type: 'AWS::CloudFormation::WaitConditionHandle' } } }),
    }, () => unsupportedReleaseErrors(app));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('it reads CfnElement._toCloudFormation() and found');
    expect(errors[0]).toContain('could not run a check at Consumer/Raw');
    expect(errors[0]).toContain('reading a raw CfnResource\'s Layers');
  });
});
