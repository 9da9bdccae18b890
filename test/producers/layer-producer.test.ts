import { Stack } from 'aws-cdk-lib';
import { environmentOf } from '../../src/producers/layer-producer';
import { newApp } from '../helpers/apps';

test('environmentOf gives undefined for an environment-agnostic stack', () => {
  const app = newApp();
  expect(environmentOf(new Stack(app, 'A'))).toEqual({ account: undefined, region: undefined });
  expect(environmentOf(new Stack(app, 'B', { env: { account: '111111111111', region: 'eu-west-1' } })))
    .toEqual({ account: '111111111111', region: 'eu-west-1' });
});
