// The finding added by following docs/development.md's recipe: one file of src/findings/ and one catalogue line.
// The aspect reports it, the pack has its rule, and check lists it, with nothing else written for it.
import { Annotations, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { checkCommand } from '../../src/cli/check-command';
import { LITERAL_ARN_OF_APP_LAYER } from '../../src/findings/literal-arn-of-app-layer';
import { ruleOf } from '../../src/nag/rules/all-rules';
import { RuleCompliance } from '../../src/nag/rules/layer-sync-rule';
import { addAspect, consumerFunction, layerSource, messages, newApp } from '../helpers/apps';
import { checkRule } from '../helpers/nag';

const ENV = { account: '111111111111', region: 'eu-west-1' };
const ARN = 'arn:aws:lambda:eu-west-1:111111111111:layer:shared-tools:3';

/** A stack publishing layer 'shared-tools' (a literal LayerName), and a function attaching `arn` literally. */
function appPinnedTo(arn: string, layerName = 'shared-tools') {
  const app = newApp();
  const layers = new Stack(app, 'Layers', { env: ENV });
  new lambda.LayerVersion(layers, 'Tools', { layerVersionName: layerName, code: lambda.Code.fromAsset(layerSource()) });
  const service = new Stack(app, 'Service', { env: ENV });
  const fn = consumerFunction(service, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(service, 'Pinned', arn)]);
  return { app, service, fn };
}

describe('the aspect', () => {
  test('warns on a function pinned by literal ARN to a version of a layer the app publishes, naming both and the fix', () => {
    const { app, service } = appPinnedTo(ARN);
    addAspect(app);
    const [warning] = messages(service, 'warning');
    expect(warning).toContain('function Service/Fn attaches version 3 of layer \'shared-tools\' by its literal ARN, and this app publishes that layer (Layers/Tools)');
    expect(warning).toContain('it keeps version 3, and so do its versions and aliases');
    expect(warning).toContain('ssm.StringParameter.valueForStringParameter');
    expect(warning).toMatch(/\[ack: cdk-layer-sync:LiteralArnOfAppLayer\]$/);
  });

  test.each([
    ['a layer of another name', 'arn:aws:lambda:eu-west-1:111111111111:layer:other-tools:3'],
    ['the same name in another account (an AWS-managed or another team\'s layer)', 'arn:aws:lambda:eu-west-1:222222222222:layer:shared-tools:3'],
    ['the same name in another region', 'arn:aws:lambda:us-east-1:111111111111:layer:shared-tools:3'],
  ])('says nothing of %s', (_, arn) => {
    const { app, service } = appPinnedTo(arn);
    addAspect(app);
    expect(messages(service, 'warning')).toEqual([]);
  });

  test('is acknowledged where the pin is deliberate', () => {
    const { app, service } = appPinnedTo(ARN);
    Annotations.of(service).acknowledgeWarning('cdk-layer-sync:LiteralArnOfAppLayer', 'pinned until the migration is done');
    addAspect(app);
    expect(messages(service, 'warning')).toEqual([]);
  });
});

test('the pack has its rule, made from the same check, on the function', () => {
  const pinned = appPinnedTo(ARN);
  expect(checkRule(ruleOf(LITERAL_ARN_OF_APP_LAYER), pinned.app, pinned.fn)).toBe(RuleCompliance.NON_COMPLIANT);
  const other = appPinnedTo('arn:aws:lambda:eu-west-1:111111111111:layer:other-tools:3');
  expect(checkRule(ruleOf(LITERAL_ARN_OF_APP_LAYER), other.app, other.fn)).toBe(RuleCompliance.COMPLIANT);
});

test('check lists it and fails, with nothing written for it in check', () => {
  const { app } = appPinnedTo(ARN);
  addAspect(app);
  const lines: string[] = [];
  const status = checkCommand([app.synth().directory], line => lines.push(line));
  expect(status).toBe(1);
  expect(lines.join('\n')).toContain('finding [WARNING] cdk-layer-sync:LiteralArnOfAppLayer at Service/Fn: function Service/Fn attaches version 3');
});
