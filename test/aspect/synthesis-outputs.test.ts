import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { attachCustomSynthesis, RemovalPolicy, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { LayerRegistry } from '../../src';
import {
  addAspect, ConsumerStack, expectedShortFingerprint, functionOf, layerSource, messages, newApp, PARAMETER, ProducerStack, versionAndAlias,
} from '../helpers/apps';

const lockPath = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-reg-')), 'layers.lock.json');

/** The producer app of a platform team: layers only, writing the lock file. */
function producerApp(lock: string, source = layerSource(), options: { registry?: LayerRegistry; removalPolicy?: RemovalPolicy } = {}) {
  const app = newApp();
  const producer = new ProducerStack(app, 'PlatformLayers', { source, removalPolicy: options.removalPolicy });
  addAspect(app, { registryOutput: lock, registry: options.registry });
  app.synth();
  return { producer, template: Template.fromStack(producer) };
}

/** A service app in another repository: consumers only, reading the lock file. */
function consumerApp(lock: string) {
  const app = newApp();
  const consumer = new ConsumerStack(app, 'Service');
  addAspect(app, { registry: LayerRegistry.fromFile(lock) });
  return { consumer, template: Template.fromStack(consumer) };
}

describe('registryOutput: sharing fingerprints between CDK apps', () => {
  test('a consumer app picks up the producer app\'s fingerprint through the file', () => {
    const lock = lockPath();
    const { template: producerTemplate } = producerApp(lock);
    const { consumer, template } = consumerApp(lock);

    expect(functionOf(template).properties.Description).toBe(`[layer-sync ${expectedShortFingerprint(producerTemplate)}]`);
    expect(messages(consumer, 'warning')).toEqual([]);
  });

  test('the file records the producer construct, and no source', () => {
    const lock = lockPath();
    producerApp(lock);
    expect(JSON.parse(fs.readFileSync(lock, 'utf-8')).layers).toEqual([{
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), parameterName: PARAMETER, producer: 'PlatformLayers/Layer',
    }]);
  });

  test('a layer change in the producer app moves the consumer app\'s version', () => {
    const lock = lockPath();
    producerApp(lock, layerSource('V = 1\n'));
    const before = versionAndAlias(consumerApp(lock).template);
    producerApp(lock, layerSource('V = 2\n'));
    const after = versionAndAlias(consumerApp(lock).template);
    expect(after.versionId).not.toBe(before.versionId);
    expect(after.aliasTarget).toBe(after.versionId);
  });

  test('the same layer gives the same file, byte for byte', () => {
    const source = layerSource();
    const [a, b] = [lockPath(), lockPath()];
    producerApp(a, source);
    producerApp(b, source);
    expect(fs.readFileSync(b, 'utf-8')).toBe(fs.readFileSync(a, 'utf-8'));
  });

  test('entries of the registry are carried over; the app\'s own producers replace theirs', () => {
    const registry = new LayerRegistry();
    registry.add('/other/team/layer', 'f0f0f0f0f0f0');
    registry.add(PARAMETER, 'old-fingerprint');
    const lock = lockPath();
    const { template } = producerApp(lock, layerSource(), { registry });
    const layers = JSON.parse(fs.readFileSync(lock, 'utf-8')).layers;
    expect(layers.map((l: any) => [l.parameterName, l.fingerprint.slice(0, 12)])).toEqual([
      ['/other/team/layer', 'f0f0f0f0f0f0'],
      [PARAMETER, expectedShortFingerprint(template)],
    ]);
  });

  test('an existing lock file is merged into, not overwritten: entries other writers put there are kept', () => {
    const lock = lockPath();
    const other = new LayerRegistry();
    other.add('/service/team/layer', 'written-by-registry-add', { layerName: 'service-tools' });
    other.add(PARAMETER, 'previous-fingerprint-of-this-app');
    other.writeFile(lock);
    const { template } = producerApp(lock);

    const layers = JSON.parse(fs.readFileSync(lock, 'utf-8')).layers;
    expect(layers.map((l: any) => [l.parameterName, l.fingerprint.slice(0, 12), l.layerName])).toEqual([
      [PARAMETER, expectedShortFingerprint(template), undefined],
      ['/service/team/layer', 'written-by-r', 'service-tools'],
    ]);
  });

  test('a published layer that is not retained is reported, even with no consumer in this app', () => {
    const lock = lockPath();
    const { producer } = producerApp(lock, layerSource(), { removalPolicy: RemovalPolicy.DESTROY });
    expect(messages(producer, 'warning').join('\n')).toContain(`shared with other CDK apps through ${lock}`);
  });

  test('a registryOutput that cannot be written fails validation, naming the file and why, before anything is written', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-reg-dir-'));
    const app = newApp();
    new ProducerStack(app, 'PlatformLayers');
    addAspect(app, { registryOutput: directory });
    expect(() => app.synth()).toThrow(`LayerDependencyAspectProps.registryOutput: cannot write the lock file '${directory}': it is a directory`);
    expect(fs.existsSync(path.join(app.outdir, 'layer-dependencies.json'))).toBe(false);
    expect(fs.readdirSync(directory)).toEqual([]);
  });

  test('a bad registryOutput is refused at construction', () => {
    expect(() => addAspect(new Stack(newApp(), 'S'), { registryOutput: ' ' })).toThrow(/registryOutput: expected a file path/);
  });
});

describe('StaleRegistryEntry', () => {
  function staleSetup() {
    const source = layerSource();
    const lock = lockPath();
    const registry = new LayerRegistry();
    registry.addDirectory(PARAMETER, source);
    registry.writeFile(lock);
    fs.appendFileSync(path.join(source, 'python', 'shared.py'), 'CHANGED = True\n');
    return { lock, source };
  }

  test('a registry entry whose source directory changed is reported on its consumers, with the refresh command', () => {
    const { lock, source } = staleSetup();
    const { consumer } = consumerApp(lock);

    const warnings = messages(consumer, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`layer parameter '${PARAMETER}' from the registry ${lock}`);
    expect(warnings[0]).toContain(`its source directory ${source} now fingerprints to`);
    expect(warnings[0]).toContain(`npx cdk-layer-sync registry add ${lock} --parameter ${PARAMETER} --dir `);
    expect(warnings[0]).toMatch(/\[ack: cdk-layer-sync:StaleRegistryEntry\]$/);
  });

  test('refreshing the entry with the command\'s inputs clears it', () => {
    const { lock, source } = staleSetup();
    const registry = LayerRegistry.fromFile(lock);
    registry.addDirectory(PARAMETER, source);
    registry.writeFile(lock);
    expect(messages(consumerApp(lock).consumer, 'warning')).toEqual([]);
  });
});

describe('when and where the outputs are written', () => {
  test('the report is written after every template: a stack declared after a Stage synthesized early has its versions', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    new ProducerStack(stage, 'Layers');
    addAspect(stage);
    // The Stage synthesizes now, as CDK Pipelines' addStage() does, before the stacks below exist.
    stage.synth();
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Consumer');
    addAspect(app);
    const directory = app.synth().directory;
    const report = JSON.parse(fs.readFileSync(path.join(directory, 'layer-dependencies.json'), 'utf-8'));
    const consumer = report.consumers.find((c: { function: string }) => c.function === 'Consumer/Consumer');
    expect(consumer).toEqual(expect.objectContaining({ versions: [expect.stringMatching(/^ConsumerCurrentVersion/)], aliases: ['Live'] }));
    expect(report.findings).toEqual([]);
  });

  test('the library adds no construct of its own to the app\'s tree', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Consumer');
    addAspect(app);
    app.synth();
    expect(app.node.children.map(child => child.node.id).sort()).toEqual(['Consumer', 'Producer', 'Tree']);
  });

  test('an App with a custom synthesis of its own keeps it, and the report is still written', () => {
    const app = newApp();
    const ran: string[] = [];
    attachCustomSynthesis(app, { onSynthesize: session => ran.push(session.outdir) });
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Consumer');
    addAspect(app);
    const directory = app.synth().directory;
    expect(ran).toEqual([directory]);
    const report = JSON.parse(fs.readFileSync(path.join(directory, 'layer-dependencies.json'), 'utf-8'));
    expect(report.consumers.map((c: { function: string }) => c.function)).toEqual(['Consumer/Consumer']);
  });
});
