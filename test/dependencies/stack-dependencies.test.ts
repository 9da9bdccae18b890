import * as fs from 'fs';
import * as path from 'path';
import { CfnWaitConditionHandle, RemovalPolicy, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FindingLevel } from '../../src';
import { dependsOn } from '../../src/dependencies/stack-dependencies';
import { addAspect, ConsumerStack, functionOf, messages, newApp, ProducerStack } from '../helpers/apps';

/** Stack dependencies as the CLI reads them: from manifest.json of the written assembly. */
function manifestDependencies(directory: string): Record<string, string[]> {
  const manifest = JSON.parse(fs.readFileSync(path.join(directory, 'manifest.json'), 'utf-8'));
  const result: Record<string, string[]> = {};
  for (const [id, artifact] of Object.entries<any>(manifest.artifacts)) {
    if (artifact.type === 'aws:cloudformation:stack') {
      result[id] = (artifact.dependencies ?? []).filter((d: string) => !d.endsWith('.assets'));
    }
  }
  return result;
}

describe('consumer stacks deploy after their producer stacks', () => {
  test('same app: the manifest orders the consumer after the producer', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Consumer');
    addAspect(app);

    const deps = manifestDependencies(app.synth().directory);
    expect(deps.Consumer).toEqual(['Producer']);
    expect(deps.Producer).toEqual([]);
  });

  test('same Stage: the Stage manifest orders them', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    new ProducerStack(stage, 'Producer');
    new ConsumerStack(stage, 'Consumer');
    addAspect(stage);

    const assembly = app.synth().getNestedAssembly('assembly-Prod');
    const deps = manifestDependencies(assembly.directory);
    const consumerId = Object.keys(deps).find(id => id.startsWith('ProdConsumer'))!;
    const producerId = Object.keys(deps).find(id => id.startsWith('ProdProducer'))!;
    expect(deps[consumerId]).toEqual([producerId]);
    expect(deps[producerId]).toEqual([]);
  });

  test('across Stages: no dependency (CDK cannot order assemblies), the consumer is still rewritten', () => {
    const env = { account: '111111111111', region: 'eu-west-1' };
    const app = newApp();
    new ProducerStack(new Stage(app, 'Layers', { env }), 'Producer');
    const service = new Stage(app, 'Service', { env });
    const consumer = new ConsumerStack(service, 'Consumer');
    addAspect(service);
    app.synth();

    expect(consumer.dependencies).toEqual([]);
    expect(functionOf(Template.fromStack(consumer)).properties.Description).toMatch(/layer-sync/);
  });

  test('an existing dependency added by the user is not duplicated', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer');
    consumer.addDependency(producer, 'mine');
    addAspect(app);

    const deps = manifestDependencies(app.synth().directory);
    expect(deps.Consumer).toEqual(['Producer']);
    expect(consumer.dependencies).toEqual([producer]);
  });

  test('a transitive dependency is enough', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const middle = new Stack(app, 'Middle');
    new CfnWaitConditionHandle(middle, 'Placeholder');
    const consumer = new ConsumerStack(app, 'Consumer');
    middle.addDependency(producer);
    consumer.addDependency(middle);
    addAspect(app);
    app.synth();

    expect(consumer.dependencies).toEqual([middle]);
  });

  test('addDependencies: false adds none', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Consumer');
    addAspect(app, { addDependencies: false });

    expect(manifestDependencies(app.synth().directory).Consumer).toEqual([]);
  });

  test('a cycle is reported as an ERROR naming both stacks and the parameter, and not created', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer');
    producer.addDependency(consumer, 'the producer reads something of the consumer');
    addAspect(app);
    app.synth();

    expect(consumer.dependencies).toEqual([]);
    const errors = messages(consumer, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^cdk-layer-sync:DependencyCycle: function Consumer\/Consumer reads layer parameter /);
    expect(errors[0]).toContain("'/platform/layers/common/arn' produced by stack Producer, but Producer already depends on Consumer");
  });

  test('dependencyCycle level can be lowered', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer');
    const consumer = new ConsumerStack(app, 'Consumer');
    producer.addDependency(consumer);
    addAspect(app, { dependencyCycle: FindingLevel.WARNING });
    app.synth();

    expect(messages(consumer, 'error')).toEqual([]);
    expect(messages(consumer, 'warning').join('\n')).toContain('[ack: cdk-layer-sync:DependencyCycle]');
  });
});

describe('dependsOn', () => {
  test('follows dependencies transitively and not backwards', () => {
    const app = newApp();
    const [a, b, c] = ['A', 'B', 'C'].map(id => new Stack(app, id));
    b.addDependency(a);
    c.addDependency(b);
    expect(dependsOn(c, a)).toBe(true);
    expect(dependsOn(a, c)).toBe(false);
    expect(dependsOn(b, c)).toBe(false);
  });
});

describe('LayerVersionNotRetained', () => {
  function retention(removalPolicy: RemovalPolicy, withConsumer = true, level?: FindingLevel) {
    const app = newApp();
    const producer = new ProducerStack(app, 'Producer', { removalPolicy });
    if (withConsumer) {
      new ConsumerStack(app, 'Consumer');
    }
    addAspect(app, { layerVersionNotRetained: level });
    app.synth();
    return producer;
  }

  test('a shared layer version with the default removal policy is reported on the layer', () => {
    const producer = retention(RemovalPolicy.DESTROY);
    const warnings = messages(producer, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('layer version Producer/Layer is shared with functions in Consumer');
    expect(warnings[0]).toContain('removalPolicy: RemovalPolicy.RETAIN');
    expect(warnings[0]).toMatch(/\[ack: cdk-layer-sync:LayerVersionNotRetained\]$/);
  });

  test('a retained layer version is not reported', () => {
    expect(messages(retention(RemovalPolicy.RETAIN), 'warning')).toEqual([]);
  });

  test('a layer without consumers in other stacks is not reported', () => {
    expect(messages(retention(RemovalPolicy.DESTROY, false), 'warning')).toEqual([]);
  });

  test('its level can be raised to ERROR', () => {
    expect(messages(retention(RemovalPolicy.DESTROY, true, FindingLevel.ERROR), 'error')).toHaveLength(1);
  });
});
