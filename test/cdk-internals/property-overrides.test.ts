import { CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { changedInternalsOf } from '../../src/cdk-internals/cdk-internal';
import { PROPERTY_OVERRIDES, propertyOverride } from '../../src/cdk-internals/property-overrides';
import { addAspect, ConsumerStack, consumerFunction, functionOf, newApp, ProducerStack } from '../helpers/apps';
import { withProperty } from './changed-internals';

describe('canary: CfnResource.rawOverrides on this release', () => {
  test('holds what addPropertyOverride set, as the template shows it', () => {
    const app = newApp();
    const stack = new Stack(app, 'S');
    const cfn = consumerFunction(stack, 'Fn', [], { description: 'mine' }).node.defaultChild as lambda.CfnFunction;
    expect(propertyOverride(cfn, 'Description')).toEqual({ found: false });
    cfn.addPropertyOverride('Description', 'overridden');
    expect(propertyOverride(cfn, 'Description')).toEqual({ found: true, value: 'overridden' });
    expect(functionOf(Template.fromStack(stack)).properties.Description).toBe('overridden');
    expect(changedInternalsOf(app)).toEqual([]);
  });

  test('a consumer whose description CDK\'s FunctionVersionUpgrade overrode keeps that text, with the marker after it', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer', { description: 'orders' });
    (consumer.fn.node.defaultChild as CfnResource).addPropertyOverride('Description', 'orders version-hash:abc');
    addAspect(app);
    expect(functionOf(Template.fromStack(consumer)).properties.Description).toMatch(/^orders version-hash:abc \[layer-sync [0-9a-f]{12}\]$/);
  });
});

describe('simulated change', () => {
  // CDK's own rendering reads rawOverrides too, so a release that changed it would change both; here only the read
  // is changed, and the synthesis is not run.
  test('rawOverrides of another shape: recorded (UnsupportedCdkRelease), and no override is claimed', () => {
    const app = newApp();
    const cfn = consumerFunction(new Stack(app, 'S'), 'Fn', []).node.defaultChild as CfnResource;
    withProperty(cfn, 'rawOverrides', { value: 'moved' }, () => {
      expect(propertyOverride(cfn, 'Description')).toBeUndefined();
    });
    expect(changedInternalsOf(app)).toEqual([expect.objectContaining({ internal: PROPERTY_OVERRIDES, scope: cfn })]);
  });
});
