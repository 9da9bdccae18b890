import { CfnDynamicReference, CfnDynamicReferenceService, CfnParameter, CfnResource, Fn, NestedStack, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { detectLayerSources } from '../../src/detect/detect-layer-sources';
import { LayerSourceKind } from '../../src/detect/layer-source';
import { consumerFunction, layerSource, newApp } from '../helpers/apps';
import { HAS_WEAK_REFERENCES, testWhen } from '../helpers/cdk-version';

function kindsOf(build: (consumer: Stack, producer: Stack) => lambda.ILayerVersion[]): LayerSourceKind[] {
  const app = newApp();
  const producer = new Stack(app, 'P');
  const consumer = new Stack(app, 'C');
  const fn = consumerFunction(consumer, 'Fn', build(consumer, producer));
  return detectLayerSources(fn.node.defaultChild as CfnResource).map(s => s.kind);
}
const arn = (scope: Stack, id: string, value: string) => lambda.LayerVersion.fromLayerVersionArn(scope, id, value);

describe('detectLayerSources', () => {
  test('valueForStringParameter', () => {
    expect(kindsOf(c => [arn(c, 'L', ssm.StringParameter.valueForStringParameter(c, '/x'))])).toEqual([LayerSourceKind.SSM_PARAMETER]);
  });
  test('fromStringParameterName', () => {
    expect(kindsOf(c => [arn(c, 'L', ssm.StringParameter.fromStringParameterName(c, 'P', '/x').stringValue)])).toEqual([LayerSourceKind.SSM_PARAMETER]);
  });
  test('dynamic references, latest and pinned', () => {
    expect(kindsOf(c => [
      arn(c, 'A', new CfnDynamicReference(CfnDynamicReferenceService.SSM, '/x').toString()),
      arn(c, 'B', ssm.StringParameter.valueForStringParameter(c, '/x', 4)),
    ])).toEqual([LayerSourceKind.SSM_DYNAMIC_REFERENCE, LayerSourceKind.SSM_DYNAMIC_REFERENCE]);
  });
  test('a LayerVersion of another stack is a strong reference by default', () => {
    expect(kindsOf((_c, p) => [new lambda.LayerVersion(p, 'L', { code: lambda.Code.fromAsset(layerSource()) })]))
      .toEqual([LayerSourceKind.STRONG_REFERENCE]);
  });
  test('an explicit Fn.importValue', () => {
    expect(kindsOf(c => [arn(c, 'I', Fn.importValue('x'))])).toEqual([LayerSourceKind.IMPORT_VALUE]);
  });
  testWhen(HAS_WEAK_REFERENCES)('an explicit Fn.getStackOutput', () => {
    expect(kindsOf(c => [arn(c, 'O', Fn.getStackOutput('S', 'eu-west-1', 'O'))])).toEqual([LayerSourceKind.STACK_OUTPUT]);
  });
  test('a literal ARN is literal-arn; same-stack layers and a literal Ref to a same-stack resource are local', () => {
    expect(kindsOf(c => [
      arn(c, 'Lit', 'arn:aws:lambda:eu-west-1:123456789012:layer:x:1'),
      new lambda.LayerVersion(c, 'Own', { code: lambda.Code.fromAsset(layerSource()) }),
      arn(c, 'Ref', Fn.ref('SomethingElse')),
    ])).toEqual([LayerSourceKind.LITERAL_ARN, LayerSourceKind.LOCAL, LayerSourceKind.LOCAL]);
  });
  test('an ARN a custom resource of the same stack gives, by reference or by a raw Fn::GetAtt, cannot be tracked', () => {
    expect(kindsOf(c => {
      const custom = new CfnResource(c, 'LayerLookup', { type: 'Custom::LayerLookup', properties: { ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:f' } });
      return [
        arn(c, 'Att', custom.getAtt('Arn').toString()),
        arn(c, 'Raw', Fn.getAtt('LayerLookup', 'Arn').toString()),
        arn(c, 'RefCustom', Fn.ref('LayerLookup')),
      ];
    })).toEqual([LayerSourceKind.UNTRACKABLE, LayerSourceKind.UNTRACKABLE, LayerSourceKind.UNTRACKABLE]);
  });
  test('an intrinsic is a literal ARN only when it holds literals and pseudo parameters; else it is computed at deploy time', () => {
    expect(kindsOf(c => [
      arn(c, 'Pseudo', Fn.join(':', ['arn', Fn.ref('AWS::Partition'), 'lambda', Fn.ref('AWS::Region'), '123456789012', 'layer', 'x', '3'])),
      arn(c, 'SubPseudo', Fn.sub('arn:${AWS::Partition}:lambda:${AWS::Region}:123456789012:layer:x:3')),
      arn(c, 'SubResource', Fn.sub('${LayerLookup.Arn}')),
      arn(c, 'Param', Fn.join('', [new CfnParameter(c, 'Version', { default: '3' }).valueAsString])),
    ])).toEqual([LayerSourceKind.LITERAL_ARN, LayerSourceKind.LITERAL_ARN, LayerSourceKind.UNTRACKABLE, LayerSourceKind.UNTRACKABLE]);
  });
  test('a parent stack\'s layer version passed into a nested stack is named so, and carries its layer', () => {
    const app = newApp();
    const parent = new Stack(app, 'Parent');
    const layer = new lambda.LayerVersion(parent, 'Shared', { code: lambda.Code.fromAsset(layerSource()) });
    const nested = new NestedStack(parent, 'Nested');
    const fn = consumerFunction(nested, 'Fn', [layer]);
    const [source] = detectLayerSources(fn.node.defaultChild as CfnResource);
    expect(source.kind).toBe(LayerSourceKind.LOCAL);
    expect(source.label).toBe('Parent/Shared/Resource of the parent stack Parent');
    expect(source.target).toBe(layer.node.defaultChild);
  });
  test('a literal Ref to an SSM-typed parameter of the stack is found by logical id', () => {
    expect(kindsOf(c => {
      new CfnParameter(c, 'LayerParam', { type: 'AWS::SSM::Parameter::Value<String>', default: '/x' });
      return [arn(c, 'R', Fn.ref('LayerParam'))];
    })).toEqual([LayerSourceKind.SSM_PARAMETER]);
  });
  test('secure strings and composed ARNs', () => {
    expect(kindsOf(c => [
      arn(c, 'S', '{{resolve:ssm-secure:/x}}'),
      arn(c, 'J', Fn.join(':', [ssm.StringParameter.valueForStringParameter(c, '/x'), '1'])),
    ])).toEqual([LayerSourceKind.UNTRACKABLE, LayerSourceKind.UNRESOLVABLE]);
  });
  test('an entry that is an object but no intrinsic is unresolvable, saying CloudFormation rejects it', () => {
    const app = newApp();
    const fn = consumerFunction(new Stack(app, 'C'), 'Fn', []);
    (fn.node.defaultChild as lambda.CfnFunction).layers = [{ arn: 'arn:aws:lambda:eu-west-1:111111111111:layer:x:1' } as never];
    const [source] = detectLayerSources(fn.node.defaultChild as CfnResource);
    expect(source.kind).toBe(LayerSourceKind.UNRESOLVABLE);
    expect(source.label).toBe('Layers[0]');
    expect((source as { reason?: string }).reason).toContain('got an object with keys ["arn"], which CloudFormation rejects');
  });

  test('no layers', () => {
    expect(kindsOf(() => [])).toEqual([]);
  });
});
