import * as fs from 'fs';
import * as path from 'path';
import { FindingLevel, LayerDependencyAspect } from '../../src';
import { FINDINGS } from '../../src/findings/catalog';
import { FindingDefinition } from '../../src/findings/finding';
import { addAspect, ConsumerStack, messages, newApp } from '../helpers/apps';

/** Every finding module exports one definition; the README documents each. This pins the list. */
const findingsDir = path.join(__dirname, '..', '..', 'src', 'findings');
const definitions: FindingDefinition[] = fs.readdirSync(findingsDir)
  .filter(f => f.endsWith('.ts') && !['finding.ts', 'finding-level.ts', 'catalog.ts'].includes(f))
  .flatMap(f => Object.values(require(path.join(findingsDir, f))) as unknown[])
  .filter((v): v is FindingDefinition => typeof v === 'object' && v !== null && 'id' in v);

test('the finding ids are exactly these', () => {
  expect(definitions.map(d => d.id).sort()).toEqual([
    'cdk-layer-sync:CachedLayerLookup',
    'cdk-layer-sync:ConsumerNotFollowing',
    'cdk-layer-sync:DependencyCycle',
    'cdk-layer-sync:DescriptionTruncated',
    'cdk-layer-sync:EnvironmentLimit',
    'cdk-layer-sync:ExportedLayerArn',
    'cdk-layer-sync:LayerAttachedLate',
    'cdk-layer-sync:LayerVersionNotRetained',
    'cdk-layer-sync:LiteralArnOfAppLayer',
    'cdk-layer-sync:PipelineOrder',
    'cdk-layer-sync:ProducerBuiltLater',
    'cdk-layer-sync:StageNotCovered',
    'cdk-layer-sync:StaleAssetHash',
    'cdk-layer-sync:StaleRegistryEntry',
    'cdk-layer-sync:UnhashedConsumer',
    'cdk-layer-sync:UnresolvableLayerReference',
    'cdk-layer-sync:UnsupportedCdkRelease',
  ]);
});

test('the catalogue (src/findings/catalog.ts) lists every finding module\'s definition, once', () => {
  expect([...FINDINGS].map(d => d.id).sort()).toEqual(definitions.map(d => d.id).sort());
  expect(new Set(FINDINGS).size).toBe(FINDINGS.length);
});

test('the level props stop at the findings that had one: a new finding is set through findingLevels, with no prop of its own', () => {
  expect(FINDINGS.filter(f => f.levelProp === undefined).map(f => f.id))
    .toEqual(['cdk-layer-sync:LiteralArnOfAppLayer', 'cdk-layer-sync:ConsumerNotFollowing']);
  const props = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'aspect', 'layer-dependency-aspect-props.ts'), 'utf-8');
  const levelProps = [...props.matchAll(/readonly (\w+)\?: FindingLevel;/g)].map(m => m[1]);
  expect(levelProps).toHaveLength(13);
  expect(new Set(levelProps)).toEqual(new Set(FINDINGS.flatMap(f => (f.levelProp ? [f.levelProp] : []))));
});

test('findingLevels sets the level the aspect reports a finding at', () => {
  const synthesizedLevels = (props: ConstructorParameters<typeof LayerDependencyAspect>[0]) => {
    const app = newApp();
    const orphan = new ConsumerStack(app, 'Orphan');
    addAspect(app, props);
    return { errors: messages(orphan, 'error').length, warnings: messages(orphan, 'warning').length };
  };
  expect(synthesizedLevels({})).toEqual({ errors: 0, warnings: 1 });
  expect(synthesizedLevels({ findingLevels: { 'cdk-layer-sync:UnhashedConsumer': FindingLevel.ERROR } })).toEqual({ errors: 1, warnings: 0 });
  expect(synthesizedLevels({ findingLevels: { UnhashedConsumer: FindingLevel.OFF } })).toEqual({ errors: 0, warnings: 0 });
});

test('findingLevels takes every finding id, with or without its prefix, and says which id was meant when one is not', () => {
  for (const finding of FINDINGS) {
    expect(() => new LayerDependencyAspect({ findingLevels: { [finding.id]: FindingLevel.OFF } })).not.toThrow();
    expect(() => new LayerDependencyAspect({ findingLevels: { [finding.id.replace('cdk-layer-sync:', '')]: FindingLevel.INFO } })).not.toThrow();
  }
  expect(() => new LayerDependencyAspect({ findingLevels: { 'cdk-layer-sync:StageNotCoverd': FindingLevel.OFF } }))
    .toThrow("LayerDependencyAspectProps.findingLevels: 'cdk-layer-sync:StageNotCoverd' is not a finding id; did you mean 'cdk-layer-sync:StageNotCovered'?");
  expect(() => new LayerDependencyAspect({ findingLevels: { StageNotCovered: 'LOUD' as FindingLevel } }))
    .toThrow("LayerDependencyAspectProps.findingLevels['StageNotCovered']: expected one of ERROR, WARNING, INFO, OFF, got \"LOUD\"");
  expect(() => new LayerDependencyAspect({ stageNotCovered: FindingLevel.ERROR, findingLevels: { StageNotCovered: FindingLevel.WARNING } }))
    .toThrow('cdk-layer-sync:StageNotCovered is set to WARNING by findingLevels and to ERROR by stageNotCovered; set it in findingLevels only');
});

test('each older level prop still works; setting it to OFF silences nothing else', () => {
  for (const finding of FINDINGS.filter(f => f.levelProp !== undefined)) {
    // An unknown prop throws naming it: each level prop is a real prop, typed in LayerDependencyAspectProps.
    expect(() => new LayerDependencyAspect({ [finding.levelProp!]: FindingLevel.OFF })).not.toThrow();
  }
  expect(() => new LayerDependencyAspect({ notALevel: FindingLevel.OFF } as any)).toThrow(/unknown prop 'notALevel'/);
});

test('each id is named after its file', () => {
  for (const file of fs.readdirSync(findingsDir)) {
    const exported = Object.values(require(path.join(findingsDir, file))).find((v: any) => v?.id) as FindingDefinition | undefined;
    if (!exported) {
      continue;
    }
    const pascal = file.replace(/\.ts$/, '').split('-').map(w => w[0].toUpperCase() + w.slice(1)).join('');
    expect(exported.id).toBe(`cdk-layer-sync:${pascal}`);
  }
});

test('the findings reference (docs/findings.md, linked from the README) documents every finding', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'findings.md'), 'utf-8');
  for (const d of definitions) {
    expect(readme).toContain(d.id);
  }
});
