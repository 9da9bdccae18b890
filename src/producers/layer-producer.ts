import { CfnResource, Stack, Token } from 'aws-cdk-lib';

/** A layer version of the app published through an SSM parameter of the app. */
export interface LayerProducer {
  readonly parameterName: string;
  /** Account of the parameter's stack; undefined when environment-agnostic. */
  readonly account?: string;
  /** Region of the parameter's stack; undefined when environment-agnostic. */
  readonly region?: string;
  /** The `AWS::SSM::Parameter` resource. */
  readonly parameter: CfnResource;
  /** The `AWS::Lambda::LayerVersion` resource whose ARN the parameter holds. */
  readonly layer: CfnResource;
  /** The layer's fingerprint; empty when `fingerprintError` is set. */
  readonly fingerprint: string;
  /** Why the layer could not be fingerprinted. */
  readonly fingerprintError?: string;
}

/** The (account, region) of a stack, each undefined when not known at synthesis. */
export function environmentOf(stack: Stack): { account?: string; region?: string } {
  return {
    account: Token.isUnresolved(stack.account) ? undefined : stack.account,
    region: Token.isUnresolved(stack.region) ? undefined : stack.region,
  };
}
