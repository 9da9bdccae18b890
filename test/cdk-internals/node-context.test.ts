import { App } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { changedInternalsOf } from '../../src/cdk-internals/cdk-internal';
import { allContextOf, NODE_CONTEXT } from '../../src/cdk-internals/node-context';
import { CONSTRUCTS_VERSION } from '../helpers/cdk-version';
import { withProperty } from './changed-internals';

describe(`canary: the root's context on constructs ${CONSTRUCTS_VERSION}`, () => {
  test('holds what the App was given, as cdk.context.json and -c give it', () => {
    const app = new App({ context: { 'ssm:account=1:parameterName=/p:region=r': 'arn:aws:lambda:r:1:layer:l:3', flag: true } });
    expect(allContextOf(app)).toEqual(expect.objectContaining({ 'ssm:account=1:parameterName=/p:region=r': 'arn:aws:lambda:r:1:layer:l:3', flag: true }));
    expect(changedInternalsOf(app)).toEqual([]);
  });
});

describe('simulated change', () => {
  test('no getAllContext and no _context object: recorded, and no context is read', () => {
    const root = new Construct(undefined as unknown as Construct, '');
    root.node.setContext('key', 'value');
    const node = root.node as unknown as Record<string, unknown>;
    const keep = node._context;
    withProperty(node, 'getAllContext', { value: undefined }, () => withProperty(node, '_context', { value: 'moved' }, () => {
      expect(allContextOf(root)).toEqual({});
    }));
    expect(node._context).toBe(keep);
    expect(changedInternalsOf(root)).toEqual([expect.objectContaining({ internal: NODE_CONTEXT, scope: root })]);
  });

  test('without getAllContext (constructs before 10.3), the node\'s own _context is read', () => {
    const root = new Construct(undefined as unknown as Construct, '');
    root.node.setContext('key', 'value');
    withProperty(root.node, 'getAllContext', { value: undefined }, () => {
      expect(allContextOf(root)).toEqual({ key: 'value' });
    });
    expect(changedInternalsOf(root)).toEqual([]);
  });
});
