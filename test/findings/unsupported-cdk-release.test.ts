import { ChangedInternal } from '../../src/cdk-internals/cdk-internal';
import { NEWEST_TESTED_CDK_RELEASE } from '../../src/cdk-internals/tested-releases';
import { App, ContextProvider, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { RuleCompliance } from '../../src/nag/rules/layer-sync-rule';
import { consumerFunction, newApp, ProducerStack } from '../helpers/apps';
import { checkRule } from '../helpers/nag';
import { withProperty } from '../cdk-internals/changed-internals';
import { ruleOf } from '../../src/nag/rules/all-rules';
import { unsupportedCdkReleaseMessage, UNSUPPORTED_CDK_RELEASE } from '../../src/findings/unsupported-cdk-release';

function change(): ChangedInternal {
  const stack = new Stack(new App(), 'LambdaStack');
  return {
    internal: { name: 'the order of synthesis phases', checksOff: 'the versions and aliases in layer-dependencies.json' },
    scope: stack,
    found: 'the template LambdaStack.template.json was not written before the report',
  };
}

describe('on a release the sweep tested', () => {
  const message = unsupportedCdkReleaseMessage(change(), '2.276.0');

  test('names the check that could not run, where, and what was found', () => {
    expect(message).toContain('could not run a check at LambdaStack: it reads the order of synthesis phases');
    expect(message).toContain('found: the template LambdaStack.template.json was not written before the report');
    expect(message).toContain('Off: the versions and aliases in layer-dependencies.json');
  });

  test('says it is not a change in CDK, asks for a report, and never for a downgrade', () => {
    expect(message).toContain('not a change in CDK');
    expect(message).toContain('report this message');
    expect(message).not.toMatch(/changed the order|Tested releases|stay on|downgrade|use an aws-cdk-lib release/);
  });

  test('gives the level prop that lets the synthesis go on, in the app\'s language', () => {
    const saved = process.env.JSII_AGENT;
    try {
      delete process.env.JSII_AGENT;
      expect(unsupportedCdkReleaseMessage(change(), '2.276.0'))
        .toContain('new LayerDependencyAspect({ findingLevels: { \'cdk-layer-sync:UnsupportedCdkRelease\': FindingLevel.WARNING } })');
      process.env.JSII_AGENT = 'Python/3.11.7';
      const python = unsupportedCdkReleaseMessage(change(), '2.276.0');
      expect(python).toContain('LayerDependencyAspect(finding_levels={"cdk-layer-sync:UnsupportedCdkRelease": FindingLevel.WARNING})');
      expect(python).not.toContain('findingLevels');
    } finally {
      if (saved === undefined) {
        delete process.env.JSII_AGENT;
      } else {
        process.env.JSII_AGENT = saved;
      }
    }
  });
});

test('on a release newer than the newest tested: a change in CDK, with the newest tested release named', () => {
  const message = unsupportedCdkReleaseMessage(change(), '2.999.0');
  expect(message).toContain('aws-cdk-lib 2.999.0 changed the order of synthesis phases, which cdk-layer-sync reads at LambdaStack');
  expect(message).toContain(`newer than the newest release cdk-layer-sync is tested on (${NEWEST_TESTED_CDK_RELEASE})`);
  expect(message).toContain('report this message');
});

/** The pack's rule of this finding, made from its check. */
const UnsupportedCdkRelease = ruleOf(UNSUPPORTED_CDK_RELEASE);

const ENV = { account: '111111111111', region: 'eu-west-1' };
const PARAMETER = '/platform/tools/arn';

/** An app that runs only the pack, with a consumer reading its layer through a cached valueFromLookup. */
function lookupApp() {
  const app = newApp({ context: { [`ssm:account=111111111111:parameterName=${PARAMETER}:region=eu-west-1`]: 'arn:aws:lambda:eu-west-1:111111111111:layer:tools:4' } });
  const stack = new Stack(app, 'Consumer', { env: ENV });
  const fn = consumerFunction(stack, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(stack, 'L', ssm.StringParameter.valueFromLookup(stack, PARAMETER))]);
  return { app, stack, fn };
}

describe('LayerSync-UnsupportedCdkRelease', () => {
  test('an app with only the pack is told when a CDK internal its analysis reads changed (here the SSM context key)', () => {
    const { app, stack } = lookupApp();
    const otherFormat = { value: () => ({ key: `ssm/v2/${PARAMETER}@111111111111/eu-west-1`, props: {} }) };
    // The change is recorded on the stack the key was checked for; the pack flags that stack's first resource.
    const first = stack.node.findAll().find(c => (c as any).cfnResourceType !== undefined)!;
    const result = withProperty(ContextProvider, 'getKey', otherFormat, () => checkRule(UnsupportedCdkRelease, app, first));
    expect(result).toBe(RuleCompliance.NON_COMPLIANT);
  });

  test('not applicable anywhere on a release whose internals are as expected', () => {
    const { app, fn } = lookupApp();
    expect(checkRule(UnsupportedCdkRelease, app, fn)).toBe(RuleCompliance.NOT_APPLICABLE);
    const other = newApp();
    expect(checkRule(UnsupportedCdkRelease, other, new ProducerStack(other, 'Producer').layer)).toBe(RuleCompliance.NOT_APPLICABLE);
  });
});
