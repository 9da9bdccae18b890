import { Aspects, AspectPriority, IAspect, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { addAspect, consumerFunction, expectedShortFingerprint, functionOf, layerSource, messages, newApp, ProducerStack, ssmLayer, versionAndAlias } from '../helpers/apps';

const SHARED = '/platform/layers/shared/arn';
const LATE = 'cdk-layer-sync:LayerAttachedLate';

/**
 * A platform team's aspect: every function gets the shared layer, imported from SSM. It acts when it visits the
 * `Function` (before CDK visits its `CfnFunction`), or, `onResource`, when it visits the `CfnFunction` itself (the
 * same node cdk-layer-sync visits, so priorities decide who runs first).
 */
class AttachSharedLayer implements IAspect {
  constructor(private readonly onResource: boolean) {}

  public visit(node: IConstruct): void {
    const fn = this.onResource ? (node instanceof lambda.CfnFunction ? node.node.scope : undefined) : node;
    // Once per function: the assertions library synthesizes the app again.
    if (fn instanceof lambda.Function && !fn.node.tryFindChild('SharedLayer')) {
      fn.addLayers(ssmLayer(fn, SHARED, 'SharedLayer'));
    }
  }
}

/**
 * GIVEN a producer of the shared layer and a function with no layer of its own, and the platform aspect at
 * `priority` (none: not added), WHEN synthesized with cdk-layer-sync at MUTATING, THEN the consumer's template.
 */
function synthWithPlatformAspect(priority: number | undefined, options: { nested?: boolean; source?: string; onResource?: boolean } = {}) {
  const app = newApp();
  const producer = new ProducerStack(app, 'Platform', { parameterName: SHARED, source: options.source });
  const consumerStack = new Stack(app, 'Service');
  const scope = options.nested ? new NestedStack(consumerStack, 'Functions') : consumerStack;
  consumerFunction(scope, 'Fn', []);
  if (priority !== undefined) {
    Aspects.of(app).add(new AttachSharedLayer(options.onResource ?? true), { priority });
  }
  addAspect(app);
  app.synth();
  return { producer: Template.fromStack(producer), consumer: Template.fromStack(scope as Stack), consumerStack };
}

describe('GIVEN another aspect attaches an SSM-imported layer to every function', () => {
  test.each([
    ['on the CfnFunction, before cdk-layer-sync (priority 100)', 100, true],
    ['on the CfnFunction, after it, at the default priority (500)', AspectPriority.DEFAULT, true],
    ['on the CfnFunction, after it, at the read-only priority (1000)', AspectPriority.READONLY, true],
    ['on the Function, at priority 100', 100, false],
    ['on the Function, at the default priority (500)', AspectPriority.DEFAULT, false],
  ])('WHEN it acts %s THEN the function follows that layer', (_when, priority, onResource) => {
    const { producer, consumer } = synthWithPlatformAspect(priority, { onResource });
    expect(functionOf(consumer).properties.Layers).toHaveLength(1);
    expect(functionOf(consumer).properties.Description).toBe(`[layer-sync ${expectedShortFingerprint(producer)}]`);
  });

  test('WHEN it runs after cdk-layer-sync and the shared layer changes THEN the version moves and the alias with it', () => {
    const before = versionAndAlias(synthWithPlatformAspect(AspectPriority.DEFAULT, { source: layerSource('V = 1\n') }).consumer);
    const after = versionAndAlias(synthWithPlatformAspect(AspectPriority.DEFAULT, { source: layerSource('V = 2\n') }).consumer);
    expect(after.versionId).not.toBe(before.versionId);
    expect(after.aliasTarget).toBe(after.versionId);
  });

  test('WHEN the function is in a nested stack and the aspect runs before THEN it follows the layer', () => {
    const { producer, consumer } = synthWithPlatformAspect(100, { nested: true });
    expect(functionOf(consumer).properties.Description).toBe(`[layer-sync ${expectedShortFingerprint(producer)}]`);
  });

  test('WHEN the function is in a nested stack and the aspect runs after THEN LayerAttachedLate says so and what to change', () => {
    const { consumer, consumerStack } = synthWithPlatformAspect(AspectPriority.DEFAULT, { nested: true });
    expect(functionOf(consumer).properties.Description).toBeUndefined();
    const [warning] = messages(consumerStack, 'warning').filter(m => m.includes(LATE));
    expect(warning).toContain('function Service/Functions/Fn got layer(s)');
    expect(warning).toContain('nested stack Service/Functions');
    expect(warning).toContain('AspectPriority.MUTATING - 1');
  });

  test('WHEN no other aspect runs THEN nothing is attached and nothing reported (the control)', () => {
    const { consumer, consumerStack } = synthWithPlatformAspect(undefined);
    expect(functionOf(consumer).properties.Layers).toBeUndefined();
    expect(functionOf(consumer).properties.Description).toBeUndefined();
    expect(messages(consumerStack, 'warning')).toEqual([]);
  });
});

describe('GIVEN another aspect adds a whole function after cdk-layer-sync ran', () => {
  test('THEN the new function, under a stack the aspect visited, follows its layer', () => {
    const app = newApp();
    const producer = new ProducerStack(app, 'Platform', { parameterName: SHARED });
    const consumerStack = new Stack(app, 'Service');
    let added: lambda.Function | undefined;
    Aspects.of(app).add({
      visit: (node: IConstruct) => {
        if (node === consumerStack && !added) {
          added = consumerFunction(consumerStack, 'Added', [ssmLayer(consumerStack, SHARED)]);
        }
      },
    }, { priority: AspectPriority.DEFAULT });
    addAspect(app);
    app.synth();

    expect(functionOf(Template.fromStack(consumerStack)).properties.Description)
      .toBe(`[layer-sync ${expectedShortFingerprint(Template.fromStack(producer))}]`);
  });
});
