import { App, Stack } from 'aws-cdk-lib';
import {
  CdkInternal, CdkInternalChangedError, changedInternal, changedInternalsOf, installedCdkRelease, recordChangedInternal,
} from '../../src/cdk-internals/cdk-internal';
import { CDK_VERSION } from '../helpers/cdk-version';

const INTERNAL: CdkInternal = { name: 'Example._internal', checksOff: 'the example check' };

describe('recordChangedInternal', () => {
  test('keeps one change per internal and tree, the first place it was met', () => {
    const app = new App();
    const first = new Stack(app, 'First');
    const second = new Stack(app, 'Second');
    recordChangedInternal(first, INTERNAL, 'found one shape');
    recordChangedInternal(second, INTERNAL, 'found another');
    expect(changedInternalsOf(second)).toEqual([{ internal: INTERNAL, scope: first, found: 'found one shape' }]);
  });

  test('keeps the changes of each tree apart', () => {
    const changed = new App();
    recordChangedInternal(new Stack(changed, 'S'), INTERNAL, 'found');
    expect(changedInternalsOf(new App())).toEqual([]);
  });
});

describe('changedInternal', () => {
  test('records the change and throws it, naming the release and the internal', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    expect(() => changedInternal(stack, INTERNAL, 'it is a number')).toThrow(CdkInternalChangedError);
    expect(() => changedInternal(stack, INTERNAL, 'it is a number'))
      .toThrow(`aws-cdk-lib ${CDK_VERSION} changed Example._internal: it is a number`);
    expect(changedInternalsOf(app).map(c => c.internal)).toEqual([INTERNAL]);
  });
});

test('installedCdkRelease is the release the suite runs on', () => {
  expect(installedCdkRelease()).toBe(CDK_VERSION);
});
