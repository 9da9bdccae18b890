import { CfnParameter, Stack } from 'aws-cdk-lib';
import { LayerSourceKind } from '../../src/detect/layer-source';
import { classifyCfnParameter } from '../../src/detect/ssm-parameter-type';
import { newApp } from '../helpers/apps';

describe('classifyCfnParameter', () => {
  const stack = new Stack(newApp(), 'S');

  test('an SSM-typed parameter names the SSM parameter from its default', () => {
    const p = new CfnParameter(stack, 'A', { type: 'AWS::SSM::Parameter::Value<String>', default: '/layers/a' });
    expect(classifyCfnParameter(p, 2)).toMatchObject({ kind: LayerSourceKind.SSM_PARAMETER, parameterName: '/layers/a', index: 2 });
  });

  test('a plain String parameter is untrackable', () => {
    const p = new CfnParameter(stack, 'B', { type: 'String' });
    expect(classifyCfnParameter(p, 0)).toMatchObject({ kind: LayerSourceKind.UNTRACKABLE, reason: expect.stringMatching(/deploy time/) });
  });

  test('an SSM-typed parameter without a default cannot be resolved', () => {
    const p = new CfnParameter(stack, 'C', { type: 'AWS::SSM::Parameter::Value<String>' });
    expect(classifyCfnParameter(p, 0)).toMatchObject({ kind: LayerSourceKind.UNRESOLVABLE });
  });
});
