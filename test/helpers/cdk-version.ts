// What the aws-cdk-lib under test can do: the suite runs on the newest release and on the floor of the peer
// range (jest.config.js), and a few features exist only in newer releases.
import * as cdk from 'aws-cdk-lib';

/** The aws-cdk-lib release under test. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const CDK_VERSION: string = require('aws-cdk-lib/package.json').version;

/** The constructs release under test: 10.0.0 on the floor, which has no `Node.getAllContext` (10.3 added it). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const CONSTRUCTS_VERSION: string = require('constructs/package.json').version;

/** Weak cross-stack references (`CrossStackReferences`, `Fn::GetStackOutput`): newer releases only. */
export const HAS_WEAK_REFERENCES = typeof (cdk as Record<string, unknown>).CrossStackReferences === 'function';

/** `Validations.of(scope).acknowledge(...)`: newer releases only. */
export const HAS_VALIDATIONS = typeof (cdk as Record<string, unknown>).Validations === 'function';

/** aws-cdk-lib's persistent (inode, mtime, size) fingerprint cache in ~/.cdk/cache: 2.254 and later. */
export const HAS_CDK_FINGERPRINT_CACHE = Number(CDK_VERSION.split('.')[1]) >= 254;

/** `describe` when the feature exists in the release under test, `describe.skip` (reported as skipped) when not. */
export function describeWhen(available: boolean): jest.Describe {
  return available ? describe : describe.skip;
}

/** `test` when the feature exists in the release under test, `test.skip` when not. */
export function testWhen(available: boolean): jest.It {
  return available ? test : test.skip;
}

/** True in the floor project (the oldest aws-cdk-lib the peer range accepts). */
export const IS_FLOOR = CDK_VERSION === require('aws-cdk-lib-floor/package.json').version;
