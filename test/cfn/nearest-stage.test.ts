import { App, CfnWaitConditionHandle, Stack, Stage } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { nearestStage } from '../../src/cfn/nearest-stage';

describe('nearestStage', () => {
  const app = new App();
  const outer = new Stage(app, 'Outer');
  const inner = new Stage(outer, 'Inner');
  const handle = new CfnWaitConditionHandle(new Stack(inner, 'S'), 'H');

  test('is the Stage itself for a Stage, the App for the App', () => {
    expect(nearestStage(inner)).toBe(inner);
    expect(nearestStage(app)).toBe(app);
  });

  test('is the innermost Stage above any other construct', () => {
    expect(nearestStage(handle)).toBe(inner);
    expect(nearestStage(handle.stack)).toBe(inner);
  });

  test('is undefined in a tree without a Stage (a construct tree that is not an App)', () => {
    const root = new Construct(undefined as unknown as Construct, 'Root');
    expect(nearestStage(new Construct(root, 'Child'))).toBeUndefined();
  });
});
