import { App, Aws, CfnCondition, CfnResource, Fn, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { addAspect, consumerFunction, functionOf, layerSource, messages, newApp, ssmLayer } from '../helpers/apps';

const ARN_PARAMETER = '/powertools/layer/arn';
const ARM_PARAMETER = '/powertools/layer/arm64-arn';

/**
 * The shape of the AWS Powertools layer stack: one layer per architecture, one parameter name whose value a
 * condition picks (two parameters under opposite conditions), and one parameter whose value is an `Fn::If`.
 */
function powertoolsShapedApp(x86Content: string, armContent: string): { app: App; consumers: Stack } {
  const app = newApp();
  const layers = new Stack(app, 'Layers');
  const hasArm = new CfnCondition(layers, 'HasArm64', { expression: Fn.conditionEquals(Aws.REGION, 'eu-west-1') });
  const noArm = new CfnCondition(layers, 'NoArm64', { expression: Fn.conditionNot(hasArm) });
  const x86 = new lambda.LayerVersion(layers, 'X86', { code: lambda.Code.fromAsset(layerSource(x86Content)) });
  const arm = new lambda.LayerVersion(layers, 'Arm', { code: lambda.Code.fromAsset(layerSource(armContent)) });
  const onX86 = new ssm.StringParameter(layers, 'ArnOnX86', { parameterName: ARN_PARAMETER, stringValue: x86.layerVersionArn });
  const onArm = new ssm.StringParameter(layers, 'ArnOnArm', { parameterName: ARN_PARAMETER, stringValue: arm.layerVersionArn });
  (onX86.node.defaultChild as CfnResource).cfnOptions.condition = noArm;
  (onArm.node.defaultChild as CfnResource).cfnOptions.condition = hasArm;
  new ssm.StringParameter(layers, 'Arm64Arn', {
    parameterName: ARM_PARAMETER, stringValue: Fn.conditionIf(hasArm.logicalId, arm.layerVersionArn, 'none').toString(),
  });
  const consumers = new Stack(app, 'Consumers');
  consumerFunction(consumers, 'Shared', [ssmLayer(consumers, ARN_PARAMETER, 'SharedLayer')]);
  consumerFunction(consumers, 'Arm64', [ssmLayer(consumers, ARM_PARAMETER, 'ArmLayer')]);
  addAspect(app);
  return { app, consumers };
}

function descriptions(consumers: Stack): Record<string, string> {
  const template = Template.fromStack(consumers);
  const functions = template.findResources('AWS::Lambda::Function');
  // Logical ids are the construct id and a hash: SharedXXXXXXXX, Arm64XXXXXXXX.
  return Object.fromEntries(Object.entries(functions).map(([id, r]) => [id.startsWith('Shared') ? 'Shared' : 'Arm64', r.Properties.Description]));
}

describe('GIVEN producers a CloudFormation condition picks (the AWS Powertools layer stack)', () => {
  test('THEN each consumer is followed, with no warning', () => {
    const { consumers } = powertoolsShapedApp('X = 1\n', 'A = 1\n');
    expect(Object.values(descriptions(consumers))).toEqual([
      expect.stringMatching(/^\[layer-sync [0-9a-f]{12}\]$/), expect.stringMatching(/^\[layer-sync [0-9a-f]{12}\]$/),
    ]);
    expect(messages(consumers, 'warning')).toEqual([]);
  });

  test('WHEN only the arm64 layer changes THEN both consumers move (each fingerprint covers every choice)', () => {
    const before = descriptions(powertoolsShapedApp('X = 1\n', 'A = 1\n').consumers);
    const after = descriptions(powertoolsShapedApp('X = 1\n', 'A = 2\n').consumers);
    expect(after.Shared).not.toBe(before.Shared);
    expect(after.Arm64).not.toBe(before.Arm64);
  });

  test('WHEN only the x86 layer changes THEN the consumer of the name both parameters share moves, the arm64-only one does not', () => {
    const before = descriptions(powertoolsShapedApp('X = 1\n', 'A = 1\n').consumers);
    const after = descriptions(powertoolsShapedApp('X = 2\n', 'A = 1\n').consumers);
    expect(after.Shared).not.toBe(before.Shared);
    expect(after.Arm64).toBe(before.Arm64);
  });

  test('WHEN nothing changes THEN the templates stay the same', () => {
    expect(descriptions(powertoolsShapedApp('X = 1\n', 'A = 1\n').consumers))
      .toEqual(descriptions(powertoolsShapedApp('X = 1\n', 'A = 1\n').consumers));
  });

  test('two same-name parameters in two stacks without conditions are still ambiguous, with the env advice', () => {
    const app = newApp();
    for (const id of ['One', 'Two']) {
      const stack = new Stack(app, id);
      const layer = new lambda.LayerVersion(stack, 'Layer', { code: lambda.Code.fromAsset(layerSource(`${id}\n`)) });
      new ssm.StringParameter(stack, 'Arn', { parameterName: ARN_PARAMETER, stringValue: layer.layerVersionArn });
    }
    const consumers = new Stack(app, 'Consumers');
    consumerFunction(consumers, 'Fn', [ssmLayer(consumers, ARN_PARAMETER)]);
    addAspect(app);
    expect(functionOf(Template.fromStack(consumers)).properties.Description).toBeUndefined();
    expect(messages(consumers, 'warning').join('\n')).toContain('several producers fit');
  });
});
