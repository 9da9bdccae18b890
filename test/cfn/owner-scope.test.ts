import { CfnResource, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ownerScope } from '../../src/cfn/owner-scope';
import { consumerFunction, newApp } from '../helpers/apps';

test('ownerScope is the L2 for its default child, the resource itself otherwise', () => {
  const stack = new Stack(newApp(), 'S');
  const fn = consumerFunction(stack, 'Fn', []);
  const raw = new CfnResource(stack, 'Raw', { type: 'AWS::Lambda::Function' });
  expect(ownerScope(fn.node.defaultChild as lambda.CfnFunction)).toBe(fn);
  expect(ownerScope(raw)).toBe(raw);
});
