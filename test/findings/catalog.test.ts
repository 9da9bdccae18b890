import * as fs from 'fs';
import * as path from 'path';
import { FindingLevel, LayerDependencyAspect } from '../../src';
import { FINDINGS } from '../../src/findings/catalog';
import { FindingDefinition } from '../../src/findings/finding';

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

test('each finding but the pack\'s own has a level prop the aspect accepts; setting it to OFF silences nothing else', () => {
  expect(FINDINGS.filter(f => f.levelProp === undefined).map(f => f.id)).toEqual(['cdk-layer-sync:ConsumerNotFollowing']);
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
