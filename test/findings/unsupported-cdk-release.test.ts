import { App, Stack } from 'aws-cdk-lib';
import { ChangedInternal } from '../../src/cdk-internals/cdk-internal';
import { NEWEST_TESTED_CDK_RELEASE } from '../../src/cdk-internals/tested-releases';
import { unsupportedCdkReleaseMessage } from '../../src/findings/unsupported-cdk-release';

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
      expect(unsupportedCdkReleaseMessage(change(), '2.276.0')).toContain('new LayerDependencyAspect({ unsupportedCdkRelease: FindingLevel.WARNING })');
      process.env.JSII_AGENT = 'Python/3.11.7';
      const python = unsupportedCdkReleaseMessage(change(), '2.276.0');
      expect(python).toContain('LayerDependencyAspect(unsupported_cdk_release=FindingLevel.WARNING)');
      expect(python).not.toContain('unsupportedCdkRelease');
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
