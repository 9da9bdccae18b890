import { Annotations as CoreAnnotations, Stack, Stage } from 'aws-cdk-lib';
import { addAspect, consumerFunction, messages, newApp, ProducerStack } from '../helpers/apps';
import { PipelineStack } from '../helpers/pipelines';

const EXPORTED = 'cdk-layer-sync:ExportedLayerArn';

/** A pipeline-shaped app whose Stage passes a layer by strong cross-stack reference (Export/ImportValue). */
function appWithExportedLayerInStage() {
  const app = newApp();
  const pipelineStack = new PipelineStack(app, 'PipelineStack');
  const dev = new Stage(pipelineStack, 'Dev');
  const layerStack = new ProducerStack(dev, 'LayerStack');
  const lambdaStack = new Stack(dev, 'LambdaStack');
  const fn = consumerFunction(lambdaStack, 'Fn', [layerStack.layer]);
  return { app, pipelineStack, dev, lambdaStack, fn };
}

/** The one line in the Stage, then the Stage into the pipeline, as a user writes it. */
function coverAndDeploy({ app, dev, pipelineStack }: ReturnType<typeof appWithExportedLayerInStage>) {
  addAspect(dev);
  addAspect(app);
  pipelineStack.pipeline.addStage(dev);
}

describe('findings raised inside a Stage', () => {
  test('are repeated on the top-level stack that contains the Stage, naming the Stage and the function', () => {
    const setup = appWithExportedLayerInStage();
    const { app, pipelineStack, lambdaStack } = setup;
    coverAndDeploy(setup);
    app.synth();

    expect(messages(lambdaStack, 'warning').filter(m => m.includes(EXPORTED))).toHaveLength(1);
    const copies = messages(pipelineStack, 'warning').filter(m => m.includes(EXPORTED));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toContain('inside Stage PipelineStack/Dev');
    expect(copies[0]).toContain('function PipelineStack/Dev/LambdaStack/Fn');
  });

  test.each([
    ['the function', (s: ReturnType<typeof appWithExportedLayerInStage>) => s.fn],
    ['the Stage', (s: ReturnType<typeof appWithExportedLayerInStage>) => s.dev],
    ['the top-level stack', (s: ReturnType<typeof appWithExportedLayerInStage>) => s.pipelineStack],
  ])('acknowledged on %s, neither the finding nor its copy is shown', (_where, scopeOf) => {
    const setup = appWithExportedLayerInStage();
    CoreAnnotations.of(scopeOf(setup)).acknowledgeWarning(EXPORTED, 'migrating to SSM next sprint');
    coverAndDeploy(setup);
    setup.app.synth();

    expect(messages(setup.lambdaStack, 'warning').filter(m => m.includes(EXPORTED))).toEqual([]);
    expect(messages(setup.pipelineStack, 'warning').filter(m => m.includes(EXPORTED))).toEqual([]);
  });

  test('a finding in a top-level stack is not repeated anywhere', () => {
    const app = newApp();
    const layerStack = new ProducerStack(app, 'LayerStack');
    const lambdaStack = new Stack(app, 'LambdaStack');
    consumerFunction(lambdaStack, 'Fn', [layerStack.layer]);
    addAspect(app);
    app.synth();

    expect(messages(lambdaStack, 'warning').filter(m => m.includes(EXPORTED))).toHaveLength(1);
    expect(messages(layerStack, 'warning').filter(m => m.includes(EXPORTED))).toEqual([]);
  });
});
