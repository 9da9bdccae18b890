import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { changedInternalsOf } from '../../src/cdk-internals/cdk-internal';
import { REFERENCE_STRENGTH_OVERRIDE, referenceStrengthOverride } from '../../src/cdk-internals/reference-strength-override';
import { addAspect, ConsumerStack, newApp, ProducerStack } from '../helpers/apps';
import { describeWhen, HAS_WEAK_REFERENCES } from '../helpers/cdk-version';
import { unsupportedReleaseErrors, withoutProperty, withProperty } from './changed-internals';

function resourceIn(app: App): CfnResource {
  return new CfnResource(new Stack(app, 'S'), 'Layer', { type: 'AWS::Lambda::LayerVersion' });
}

describeWhen(HAS_WEAK_REFERENCES)('canary: applyCrossStackReferenceStrength on this release', () => {
  test('the strength set with the public setter is read back', () => {
    const app = new App();
    const resource = resourceIn(app);
    expect(referenceStrengthOverride(resource)).toBeUndefined();
    (resource as unknown as { applyCrossStackReferenceStrength(s: string): void }).applyCrossStackReferenceStrength('weak');
    expect(referenceStrengthOverride(resource)).toBe('weak');
    expect(changedInternalsOf(app)).toEqual([]);
  });
});

describeWhen(!HAS_WEAK_REFERENCES)('canary: a release without weak references', () => {
  test('has no setter, so nothing is read', () => {
    const app = new App();
    const resource = resourceIn(app);
    expect('applyCrossStackReferenceStrength' in resource).toBe(false);
    expect(referenceStrengthOverride(resource)).toBeUndefined();
    expect(changedInternalsOf(app)).toEqual([]);
  });
});

describeWhen(HAS_WEAK_REFERENCES)('simulated change', () => {
  test('a getter returning another shape is recorded, and no strength is read', () => {
    const app = new App();
    const resource = resourceIn(app);
    withProperty(resource, '_crossStackReferenceStrengthOverride', { get: () => ({ strength: 'weak' }) }, () => {
      expect(referenceStrengthOverride(resource)).toBeUndefined();
    });
    expect(changedInternalsOf(app)).toEqual([expect.objectContaining({ internal: REFERENCE_STRENGTH_OVERRIDE, scope: resource })]);
  });

  test('the getter renamed: the synthesis of a weakly referenced layer reports UnsupportedCdkRelease', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer');
    const layer = producer.layer.node.defaultChild as CfnResource;
    (layer as unknown as { applyCrossStackReferenceStrength(s: string): void }).applyCrossStackReferenceStrength('weak');
    consumer.fn.addLayers(producer.layer);
    addAspect(app);
    const errors = withoutProperty(CfnResource.prototype, '_crossStackReferenceStrengthOverride', () => unsupportedReleaseErrors(app));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('it reads CfnResource._crossStackReferenceStrengthOverride and found');
    expect(errors[0]).toContain('the release sets a strength but has no such getter');
  });
});
