import { RemovalPolicy, Stack, Stage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { FindingLevel } from '../../src';
import { acknowledgeLine, addToAppLine, retainLayerLine, stageLine, userLanguage } from '../../src/findings/user-language';
import { readReport } from '../../src/report/read-report';
import { addAspect, ConsumerStack, consumerFunction, newApp, PARAMETER, ProducerStack, ssmLayer } from '../helpers/apps';

test.each([
  [undefined, 'typescript'],
  ['Python/3.11.7', 'python'],
  ['Java/17.0.15', 'java'],
  ['DotNet/8.0.1/.NETCoreApp,Version=v8.0/1.0.0.0', 'csharp'],
  ['Go/go1.26.8', 'go'],
  ['go1.26.8/linux/amd64', 'go'],
  ['something-else', 'typescript'],
])('JSII_AGENT %s is an app in %s', (agent, language) => {
  expect(userLanguage(agent)).toBe(language);
});

test('the fix lines of a Python app are Python', () => {
  expect(acknowledgeLine('cdk-layer-sync:UnhashedConsumer', 'python')).toBe('Annotations.of(scope).acknowledge_warning("cdk-layer-sync:UnhashedConsumer", reason)');
  expect(stageLine('python')).toBe('Aspects.of(self).add(LayerDependencyAspect(), priority=AspectPriority.MUTATING)');
  expect(addToAppLine('python')).toBe('LayerDependencyAspect.add_to_app(app)');
  expect(retainLayerLine('python')).toBe('removal_policy=RemovalPolicy.RETAIN');
});

test('the fix lines of a Java app are Java, with the builders jsii generates', () => {
  expect(stageLine('java')).toBe('Aspects.of(this).add(new LayerDependencyAspect(), AspectOptions.builder().priority(AspectPriority.MUTATING).build())');
  expect(acknowledgeLine('x:Y', 'java')).toBe('Annotations.of(scope).acknowledgeWarning("x:Y", reason)');
});

test('a TypeScript app (no JSII_AGENT) reads TypeScript', () => {
  expect(acknowledgeLine('x:Y', 'typescript')).toBe("Annotations.of(scope).acknowledgeWarning('x:Y', reason)");
  expect(stageLine('typescript')).toBe('Aspects.of(this).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING })');
});

describe('every finding\'s message, for each import form, in the app\'s language', () => {
  /** Apps that raise findings through each import form: an orphan parameter as a parameter type, as {{resolve:ssm}},
   * a strong reference to a layer not retained, a cached lookup, and a Stage no aspect covers. */
  function messagesOf(agent: string | undefined): Array<{ id: string; message: string; form: string }> {
    const saved = process.env.JSII_AGENT;
    if (agent === undefined) {
      delete process.env.JSII_AGENT;
    } else {
      process.env.JSII_AGENT = agent;
    }
    try {
      const app = newApp({ context: { [LOOKUP_KEY]: 'arn:aws:lambda:eu-west-1:111111111111:layer:common:2' } });
      const producer = new ProducerStack(app, 'Producer', { removalPolicy: RemovalPolicy.DESTROY, env: ENV });
      const forms: Array<[string, (s: Stack) => lambda.ILayerVersion]> = [
        ['ssm-parameter', s => ssmLayer(s, '/nobody/makes/this')],
        ['ssm-dynamic-reference', s => lambda.LayerVersion.fromLayerVersionArn(s, 'L', ssm.StringParameter.fromStringParameterAttributes(s, 'P', {
          parameterName: '/nobody/makes/that', forceDynamicReference: true,
        }).stringValue)],
        ['strong-reference', () => producer.layer],
        ['cached-lookup', s => lambda.LayerVersion.fromLayerVersionArn(s, 'L', ssm.StringParameter.valueFromLookup(s, PARAMETER))],
      ];
      const formOf = new Map<string, string>();
      for (const [form, layer] of forms) {
        const stack = new Stack(app, `Form${form.replace(/-/g, '')}`, { env: ENV });
        consumerFunction(stack, 'Fn', [layer(stack)]);
        formOf.set(`${stack.node.id}/Fn`, form);
      }
      const stage = new Stage(app, 'Prod');
      new ConsumerStack(stage, 'Svc');
      formOf.set('Prod', 'ssm-parameter');
      addAspect(app, { findingLevels: { StageNotCovered: FindingLevel.WARNING } });
      const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        app.synth();
      } finally {
        write.mockRestore();
      }
      return readReport(app.outdir).findings.map(f => ({ id: f.id, message: f.message, form: formOf.get(f.path) ?? 'other' }));
    } finally {
      if (saved === undefined) {
        delete process.env.JSII_AGENT;
      } else {
        process.env.JSII_AGENT = saved;
      }
    }
  }

  const ENV = { account: '111111111111', region: 'eu-west-1' };
  const LOOKUP_KEY = `ssm:account=111111111111:parameterName=${PARAMETER}:region=eu-west-1`;
  /** Names that exist in TypeScript (and Java) only: camelCase members of CDK and of this library. */
  const CAMEL_CASE_MEMBERS = new RegExp('\\.(valueForStringParameter|valueFromLookup|acknowledgeWarning|addToApp|addStage|addWave|fromLayerVersionArn)\\b'
    + '|\\baddStage\\(|\\baddWave\\b');

  test('the apps raise the findings the test is about (it is not vacuous)', () => {
    expect(new Set(messagesOf(undefined).map(f => f.id))).toEqual(new Set([
      'cdk-layer-sync:UnhashedConsumer', 'cdk-layer-sync:ExportedLayerArn', 'cdk-layer-sync:CachedLayerLookup',
      'cdk-layer-sync:LayerVersionNotRetained', 'cdk-layer-sync:StageNotCovered',
    ]));
  });

  test.each([['Python/3.11.7', 'Python'], ['Java/17.0.15', 'Java']])('%s: no TypeScript-only syntax; Python: no camelCase member', (agent, language) => {
    for (const { id, message } of messagesOf(agent)) {
      expect({ id, objectLiteral: /\(\{ |=> /.test(message) }).toEqual({ id, objectLiteral: false });
      if (language === 'Python') {
        expect({ id, camelCase: CAMEL_CASE_MEMBERS.exec(message)?.[0] }).toEqual({ id, camelCase: undefined });
      }
    }
  });

  test('no message says the CLI leaves alone a consumer that reads an SSM parameter type (it deploys it); those of {{resolve:ssm}} do', () => {
    const found = messagesOf(undefined);
    for (const { id, message } of found.filter(f => f.form === 'ssm-parameter')) {
      const skip = /skip|no changes/.test(message) && !/reports "\(no changes\)" for its stack \(for \{\{resolve:ssm\}\}/.test(message);
      expect({ id, skip }).toEqual({ id, skip: false });
    }
    expect(found.find(f => f.form === 'ssm-dynamic-reference')?.message).toContain('cdk deploy reports "(no changes)" for its stack');
    expect(found.find(f => f.form === 'ssm-parameter' && f.id === 'cdk-layer-sync:UnhashedConsumer')?.message)
      .toContain('cdk deploy updates its stack and $LATEST gets the new layer');
  });
});
