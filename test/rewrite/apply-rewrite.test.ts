import { CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { rewriteDescription, rewriteEnvironment } from '../../src/rewrite/apply-rewrite';
import { functionOf, newApp } from '../helpers/apps';

function l1(description?: string) {
  const stack = new Stack(newApp(), 'S');
  const fn = new lambda.CfnFunction(stack, 'Fn', {
    code: { zipFile: 'x' }, role: 'arn:aws:iam::123456789012:role/r', runtime: 'python3.13', handler: 'index.handler', description,
  });
  return { stack, fn };
}

describe('rewriteDescription', () => {
  test('sets the L1 description of a CfnFunction', () => {
    const { stack, fn } = l1('mine');
    rewriteDescription(fn, ['aaaaaaaaaaaa']);
    expect(functionOf(Template.fromStack(stack)).properties.Description).toBe('mine [layer-sync aaaaaaaaaaaa]');
  });

  test('extends an existing Description override (what FunctionVersionUpgrade writes) rather than losing it', () => {
    const { stack, fn } = l1('mine');
    fn.addPropertyOverride('Description', 'overridden');
    rewriteDescription(fn, ['aaaaaaaaaaaa']);
    expect(functionOf(Template.fromStack(stack)).properties.Description).toBe('overridden [layer-sync aaaaaaaaaaaa]');
  });

  test('works on a raw CfnResource of type AWS::Lambda::Function', () => {
    const stack = new Stack(newApp(), 'S');
    const fn = new CfnResource(stack, 'Raw', { type: 'AWS::Lambda::Function', properties: {
      Description: 'raw', Code: { ZipFile: 'x' }, Role: 'arn:aws:iam::123456789012:role/r', Runtime: 'python3.13', Handler: 'index.handler',
    } });
    rewriteDescription(fn, ['bbbbbbbbbbbb']);
    expect(functionOf(Template.fromStack(stack)).properties.Description).toBe('raw [layer-sync bbbbbbbbbbbb]');
  });

  test('reports a description that is not a string instead of writing', () => {
    const { fn } = l1();
    fn.description = { 'Fn::Sub': 'x' } as any;
    expect(rewriteDescription(fn, ['aaaaaaaaaaaa']).error).toMatch(/not a literal string/);
  });
});

describe('rewriteEnvironment', () => {
  test('refuses to overwrite the function\'s own variable of that name, and writes nothing', () => {
    const { stack, fn } = l1();
    fn.environment = { variables: { LAYER_FINGERPRINTS: 'mine' } };
    expect(rewriteEnvironment(fn, 'LAYER_FINGERPRINTS', ['aaaaaaaaaaaa']).refused)
      .toMatch(/already sets LAYER_FINGERPRINTS to its own value "mine"/);
    expect(functionOf(Template.fromStack(stack)).properties.Environment).toEqual({ Variables: { LAYER_FINGERPRINTS: 'mine' } });
  });

  test('replaces a value it wrote before', () => {
    const { stack, fn } = l1();
    fn.environment = { variables: { LAYER_FINGERPRINTS: 'bbbbbbbbbbbb' } };
    expect(rewriteEnvironment(fn, 'LAYER_FINGERPRINTS', ['aaaaaaaaaaaa'])).toEqual({});
    expect(functionOf(Template.fromStack(stack)).properties.Environment).toEqual({ Variables: { LAYER_FINGERPRINTS: 'aaaaaaaaaaaa' } });
  });

  test('adds one variable and keeps the existing ones', () => {
    const { stack, fn } = l1();
    fn.environment = { variables: { KEEP: 'me' } };
    rewriteEnvironment(fn, 'LAYER_FINGERPRINTS', ['aaaaaaaaaaaa', 'bbbbbbbbbbbb']);
    expect(functionOf(Template.fromStack(stack)).properties.Environment)
      .toEqual({ Variables: { KEEP: 'me', LAYER_FINGERPRINTS: 'aaaaaaaaaaaa,bbbbbbbbbbbb' } });
  });
});
