import { Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { environmentBytesWith, isEdgeFunction } from '../../src/rewrite/environment-limits';
import { newApp } from '../helpers/apps';

function pythonFunction(stack: Stack, id: string, props: Partial<lambda.FunctionProps> = {}): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.PYTHON_3_13, handler: 'index.handler', code: lambda.Code.fromInline('def handler(e, c):\n    return 1\n'), ...props,
  });
}

describe('isEdgeFunction', () => {
  test('a cloudfront.experimental.EdgeFunction is one', () => {
    const stack = new Stack(newApp(), 'Edge', { env: { account: '111111111111', region: 'us-east-1' } });
    const edge = new cloudfront.experimental.EdgeFunction(stack, 'Edge', {
      runtime: lambda.Runtime.PYTHON_3_13, handler: 'index.handler', code: lambda.Code.fromInline('def handler(e, c):\n    return 1\n'),
    });
    expect(isEdgeFunction(edge.lambda.node.defaultChild as lambda.CfnFunction)).toBe(true);
  });

  test('a function whose role trusts edgelambda.amazonaws.com is one', () => {
    const stack = new Stack(newApp(), 'S');
    const role = new iam.Role(stack, 'Role', {
      assumedBy: new iam.CompositePrincipal(new iam.ServicePrincipal('lambda.amazonaws.com'), new iam.ServicePrincipal('edgelambda.amazonaws.com')),
    });
    expect(isEdgeFunction(pythonFunction(stack, 'Fn', { role }).node.defaultChild as lambda.CfnFunction)).toBe(true);
  });

  test('an ordinary function, or one with an imported role, is not', () => {
    const stack = new Stack(newApp(), 'S');
    expect(isEdgeFunction(pythonFunction(stack, 'Plain').node.defaultChild as lambda.CfnFunction)).toBe(false);
    const imported = iam.Role.fromRoleArn(stack, 'Imported', 'arn:aws:iam::111111111111:role/shared');
    expect(isEdgeFunction(pythonFunction(stack, 'WithImportedRole', { role: imported }).node.defaultChild as lambda.CfnFunction)).toBe(false);
  });
});

describe('environmentBytesWith', () => {
  test('counts the UTF-8 bytes of every name and literal value, the new variable included', () => {
    const stack = new Stack(newApp(), 'S');
    const fn = pythonFunction(stack, 'Fn', { environment: { A: 'xyz', 'B_É': 'é' } });
    // A(1) + xyz(3) + B_É(4) + é(2) + NEW(3) + v(1)
    expect(environmentBytesWith(fn.node.defaultChild as lambda.CfnFunction, 'NEW', 'v')).toBe(14);
  });

  test('an existing variable of the same name counts once, with the new value', () => {
    const stack = new Stack(newApp(), 'S');
    const fn = pythonFunction(stack, 'Fn', { environment: { NEW: 'a-long-old-value' } });
    expect(environmentBytesWith(fn.node.defaultChild as lambda.CfnFunction, 'NEW', 'v')).toBe(4);
  });
});
