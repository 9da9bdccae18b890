import { App, IResolvable, IResolveContext, Reference, Stack, Token, Tokenization } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { changedInternalsOf } from '../../src/cdk-internals/cdk-internal';
import { COUPLED_REFERENCE, coupledReferenceOf } from '../../src/cdk-internals/coupled-reference';
import { addAspect, consumerFunction, layerSource, newApp } from '../helpers/apps';
import { testWhen } from '../helpers/cdk-version';
import { unsupportedReleaseErrors } from './changed-internals';

const HAS_CONSUME_REFERENCE = typeof (Stack as unknown as Record<string, unknown>).consumeReference === 'function';

function layerIn(stack: Stack): lambda.LayerVersion {
  return new lambda.LayerVersion(stack, 'Layer', { code: lambda.Code.fromAsset(layerSource()) });
}

function contextOf(scope: Stack): IResolveContext {
  return { scope, preparing: false, documentPath: [], registerPostProcessor: () => undefined, resolve: (x: unknown) => x };
}

/** A per-use wrapper as CDK's would be if its mark were renamed: a reference and a strength, no symbol. */
function unmarkedWrapper(reference: Reference, strength: string): IResolvable {
  return { creationStack: [], reference, strength, resolve: () => reference, toString: () => Token.asString(reference) } as unknown as IResolvable;
}

describe('canary: Stack.consumeReference on this release', () => {
  testWhen(HAS_CONSUME_REFERENCE)('its wrapper carries the mark, the reference and the strength', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const arn = layerIn(stack).layerVersionArn;
    const wrapped = (Stack as unknown as { consumeReference(v: string, s: string): string }).consumeReference(arn, 'weak');
    const token = Tokenization.reverse(wrapped)!;
    const coupled = coupledReferenceOf(token, contextOf(stack));
    expect(coupled?.strength).toBe('weak');
    expect(coupled?.reference).toBe(Tokenization.reverse(arn));
    expect(changedInternalsOf(app)).toEqual([]);
  });

  test('a plain reference is not a wrapper', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    expect(coupledReferenceOf(Tokenization.reverse(layerIn(stack).layerVersionArn)!, contextOf(stack))).toBeUndefined();
    expect(changedInternalsOf(app)).toEqual([]);
  });
});

describe('simulated change: the mark renamed', () => {
  test('the wrapper is still read, and the change is recorded', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const reference = Tokenization.reverse(layerIn(stack).layerVersionArn) as Reference;
    expect(coupledReferenceOf(unmarkedWrapper(reference, 'strong'), contextOf(stack))).toEqual({ reference, strength: 'strong' });
    expect(changedInternalsOf(app)).toEqual([expect.objectContaining({ internal: COUPLED_REFERENCE, scope: stack })]);
  });

  test('a consumer reading its layer through such a wrapper: the synthesis reports UnsupportedCdkRelease', () => {
    const app = newApp();
    const stack = new Stack(app, 'S');
    const reference = Tokenization.reverse(layerIn(stack).layerVersionArn) as Reference;
    const fn = consumerFunction(stack, 'Fn', []);
    (fn.node.defaultChild as lambda.CfnFunction).layers = [Token.asString(unmarkedWrapper(reference, 'strong'))];
    addAspect(app);
    const errors = unsupportedReleaseErrors(app);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('it reads Symbol.for(\'@aws-cdk/core.CustomCoupledReference\') and found');
  });
});
