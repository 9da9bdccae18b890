import { Annotations, Stack, Stage } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ACKNOWLEDGEMENT_REGISTRY, acknowledgementsOn } from '../../src/cdk-internals/acknowledgement-registry';
import { changedInternalsOf } from '../../src/cdk-internals/cdk-internal';
import { addAspect, ConsumerStack, consumerFunction, newApp } from '../helpers/apps';

const ACKNOWLEDGEMENTS = Symbol.for('@aws-cdk/core.Acknowledgements');

describe('canary: core Acknowledgements on this release', () => {
  test('an acknowledgement made with the public API is found on the App, by construct path', () => {
    const app = newApp();
    const fn = consumerFunction(new Stack(app, 'S'), 'Fn', []);
    Annotations.of(fn).acknowledgeWarning('cdk-layer-sync:UnhashedConsumer', 'tested');
    const acks = acknowledgementsOn(app);
    expect(acks?.get('S/Fn')?.has('cdk-layer-sync:UnhashedConsumer')).toBe(true);
    expect(acks?.get('S/Fn')?.has('cdk-layer-sync:Other')).toBe(false);
    expect(changedInternalsOf(app)).toEqual([]);
  });

  test('nothing acknowledged: no registry, and no change', () => {
    const app = newApp();
    expect(acknowledgementsOn(app)).toBeUndefined();
    expect(changedInternalsOf(app)).toEqual([]);
  });
});

describe('simulated change', () => {
  test('a registry of another shape reads as nothing acknowledged, and is recorded', () => {
    const app = newApp();
    const owner = new Construct(app, 'Owner');
    (owner as unknown as Record<symbol, unknown>)[ACKNOWLEDGEMENTS] = { acknowledged: [['S/Fn', 'x']] };
    expect(acknowledgementsOn(owner)).toBeUndefined();
    expect(changedInternalsOf(app)).toEqual([expect.objectContaining({ internal: ACKNOWLEDGEMENT_REGISTRY, scope: owner })]);
  });

  test('a Stage whose registry changed shape: the synthesis fails with UnsupportedCdkRelease, surfaced from the Stage', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    new ConsumerStack(stage, 'Consumer');
    addAspect(stage);
    // Older releases keep a registry per Stage and call its methods: a registry whose methods work but whose
    // acks are kept in another shape.
    (stage as unknown as Record<symbol, unknown>)[ACKNOWLEDGEMENTS] = { acks: [], has: () => false, add: () => undefined };
    addAspect(app);
    expect(() => app.synth()).toThrow(new RegExp('cdk-layer-sync:UnsupportedCdkRelease: inside Stage Prod .*'
      + 'could not run a check at Prod: it reads Symbol.for\\(\'@aws-cdk/core.Acknowledgements\'\\) and found: its acks are an array'));
  });
});
