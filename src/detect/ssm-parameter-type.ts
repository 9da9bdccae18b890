import { CfnParameter, Stack, Token } from 'aws-cdk-lib';
import { LayerSource, LayerSourceKind } from './layer-source';

const SSM_PARAMETER_TYPE = /^AWS::SSM::Parameter::Value<String>$/;

/**
 * Classify a layer ARN that is a CloudFormation parameter of the function's stack.
 *
 * `ssm.StringParameter.valueForStringParameter` and `fromStringParameterName(...).stringValue` create a
 * parameter of type `AWS::SSM::Parameter::Value<String>` whose default is the SSM parameter name.
 */
export function classifyCfnParameter(parameter: CfnParameter, index: number): LayerSource {
  const path = parameter.node.path;
  if (!SSM_PARAMETER_TYPE.test(parameter.type)) {
    return {
      kind: LayerSourceKind.UNTRACKABLE,
      index,
      label: `CloudFormation parameter ${path} (type ${parameter.type})`,
      reason: 'its value is given at deploy time, so no producer can be known at synthesis',
    };
  }
  const name = Stack.of(parameter).resolve(parameter.default);
  if (typeof name !== 'string' || Token.isUnresolved(name)) {
    return {
      kind: LayerSourceKind.UNRESOLVABLE,
      index,
      label: `SSM parameter type ${path}`,
      reason: `its default (the SSM parameter name) is not a literal string: ${JSON.stringify(name)}`,
    };
  }
  return { kind: LayerSourceKind.SSM_PARAMETER, index, label: `SSM parameter '${name}'`, parameterName: name };
}
