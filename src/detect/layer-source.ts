import { CfnResource, Stack } from 'aws-cdk-lib';

/** How one entry of a function's `Layers` reaches it. */
export enum LayerSourceKind {
  /** `Ref` to a CloudFormation parameter of type `AWS::SSM::Parameter::Value<String>`. */
  SSM_PARAMETER = 'ssm-parameter',
  /** `{{resolve:ssm:NAME}}` (latest) or `{{resolve:ssm:NAME:VERSION}}` (pinned). */
  SSM_DYNAMIC_REFERENCE = 'ssm-dynamic-reference',
  /** A weak cross-stack reference (`Fn::GetStackOutput`) to a resource of the app. */
  WEAK_REFERENCE = 'weak-reference',
  /** A strong cross-stack reference (Export/`Fn::ImportValue`) to a resource of the app. */
  STRONG_REFERENCE = 'strong-reference',
  /** An explicit `Fn::ImportValue`. */
  IMPORT_VALUE = 'import-value',
  /** An explicit `Fn::GetStackOutput` of a stack outside the app's constructs. */
  STACK_OUTPUT = 'stack-output',
  /** A literal ARN that `ssm.StringParameter.valueFromLookup` read from the context: cached, never re-read. */
  CACHED_LOOKUP = 'cached-lookup',
  /** A layer version of the function's own stack (or a parent's): CloudFormation already tracks it. */
  LOCAL = 'local',
  /**
   * A layer version ARN written into the template (an AWS-managed layer, say), literally or with pseudo parameters: a
   * new version is a new ARN in the template, which CloudFormation sees.
   */
  LITERAL_ARN = 'literal-arn',
  /** A value that cannot be traced to a producer (a plain deploy-time parameter, for one). */
  UNTRACKABLE = 'untrackable',
  /** A token the aspect cannot resolve. */
  UNRESOLVABLE = 'unresolvable',
}

/** One entry of a function's `Layers`, classified. */
export interface LayerSource {
  readonly kind: LayerSourceKind;
  /** Position in the function's `Layers`. */
  readonly index: number;
  /** Human-readable origin, for messages: "SSM parameter 'X'". */
  readonly label: string;
  /** The SSM parameter name, for the SSM kinds. */
  readonly parameterName?: string;
  /** The pinned parameter version of a dynamic reference. */
  readonly parameterVersion?: string;
  /** The referenced resource of another stack, for the cross-stack kinds. */
  readonly target?: CfnResource;
  /** The stack that owns `target`. */
  readonly producerStack?: Stack;
  /** The context key of a cached SSM lookup (`CACHED_LOOKUP`). */
  readonly contextKey?: string;
  /** Why the source is untrackable or unresolvable. */
  readonly reason?: string;
  /** What to change so the function can follow the layer, where registering its producer is not the answer. */
  readonly fix?: string;
}
