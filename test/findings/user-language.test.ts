import { acknowledgeLine, addToAppLine, retainLayerLine, stageLine, userLanguage } from '../../src/findings/user-language';

test.each([
  [undefined, 'typescript'],
  ['Python/3.11.7', 'python'],
  ['Java/17.0.15', 'java'],
  ['DotNet/8.0.1/.NETCoreApp,Version=v8.0/1.0.0.0', 'csharp'],
  ['Go/go1.26.8', 'go'],
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
