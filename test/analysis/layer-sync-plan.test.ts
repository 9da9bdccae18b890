import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { addAspect, consumerFunction, functionOf, layerSource, messages, newApp, ssmLayer } from '../helpers/apps';
import { buildPowertoolsShapedApp, POWERTOOLS_ARN_PARAMETER } from '../helpers/reports';

const ARN_PARAMETER = POWERTOOLS_ARN_PARAMETER;

function powertoolsShapedApp(x86Content: string, armContent: string): { app: App; consumers: Stack } {
  const app = newApp();
  const { consumers } = buildPowertoolsShapedApp(app, x86Content, armContent);
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
