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
  /** The `AWS::Lambda::LayerVersion` resource whose ARN the parameter holds; none when it holds a literal ARN. */
  readonly layer?: CfnResource;
  /**
   * The layer version ARN the parameter holds as a literal (an AWS-managed or another account's layer, such as
   * Powertools): the app publishes it, and a new version is a new ARN, so the ARN itself is the fingerprint's input.
   */
  readonly literalArn?: string;
  /** The layer's fingerprint; empty when `fingerprintError` is set. */
  readonly fingerprint: string;
  /** Why the layer could not be fingerprinted. */
  readonly fingerprintError?: string;
  /**
   * Set when a CloudFormation condition picks what the parameter holds (an `Fn::If` value, or parameters of the same
   * name under conditions): every layer version it can pick (`layer` is the first). The fingerprint then covers
   * every choice, so a consumer moves when any of them changes.
   */
  readonly alternatives?: readonly CfnResource[];
  /** How the condition decides, for messages: the conditions' names. */
  readonly condition?: string;
}

/** The (account, region) of a stack, each undefined when not known at synthesis. */
export function environmentOf(stack: Stack): { account?: string; region?: string } {
  return {
    account: Token.isUnresolved(stack.account) ? undefined : stack.account,
    region: Token.isUnresolved(stack.region) ? undefined : stack.region,
  };
}

/** A layer version ARN, as a literal: `arn:<partition>:lambda:<region>:<account>:layer:<name>:<version>`. */
const LAYER_VERSION_ARN = /^arn:[a-z0-9-]+:lambda:[a-z0-9-]+:\d{12}:layer:[A-Za-z0-9_-]+:\d+$/;

/** True when `value` is the literal ARN of one layer version. */
export function isLayerVersionArn(value: unknown): value is string {
  return typeof value === 'string' && LAYER_VERSION_ARN.test(value);
}

/** The construct that publishes a producer's layer: its layer version, or the parameter holding a literal ARN. */
export function publishingResource(producer: LayerProducer): CfnResource {
  return producer.layer ?? producer.parameter;
}
