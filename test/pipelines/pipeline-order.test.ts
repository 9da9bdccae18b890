import { createHash } from 'crypto';
import * as fs from 'fs';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FindingLevel } from '../../src';
import { addAspect, ConsumerStack, expectedShortFingerprint, functionOf, layerSource, messages, newApp, ProducerStack } from '../helpers/apps';
import { AppStage, PipelineStack, pipelineActions, PlatformStage, runOrder, ServiceStage } from '../helpers/pipelines';

const PIPELINE_ORDER = 'cdk-layer-sync:PipelineOrder';

function errorsOf(stack: Stack): string[] {
  return messages(stack, 'error').filter(m => m.startsWith(PIPELINE_ORDER));
}

describe('GIVEN a CDK Pipeline with the layer stack and the function stack in one Stage', () => {
  test('WHEN the aspect is in the Stage THEN the consumer is prepared only after the layer stack deployed', () => {
    const app = newApp();
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    const dev = new AppStage(pipelineStack, 'Dev');
    addAspect(dev);
    pipelineStack.pipeline.addStage(dev);
    addAspect(app);
    app.synth();

    const actions = pipelineActions(Template.fromStack(pipelineStack));
    expect(runOrder(actions, 'Dev', 'LambdaStack.Prepare')).toBeGreaterThan(runOrder(actions, 'Dev', 'LayerStack.Deploy'));
    expect(functionOf(Template.fromStack(dev.lambdaStack)).properties.Description)
      .toContain(expectedShortFingerprint(Template.fromStack(dev.layerStack)));
    expect(errorsOf(dev.lambdaStack)).toEqual([]);
  });

  test('WHEN addDependencies is false THEN the pipeline prepares both at once, as CDK Pipelines does alone', () => {
    const app = newApp();
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    const dev = new AppStage(pipelineStack, 'Dev');
    addAspect(dev, { addDependencies: false });
    pipelineStack.pipeline.addStage(dev);
    app.synth();

    const actions = pipelineActions(Template.fromStack(pipelineStack));
    expect(runOrder(actions, 'Dev', 'LambdaStack.Prepare')).toBe(runOrder(actions, 'Dev', 'LayerStack.Prepare'));
  });

  test('WHEN the user already ordered the stacks THEN the pipeline keeps that one order', () => {
    const app = newApp();
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    const dev = new AppStage(pipelineStack, 'Dev');
    dev.lambdaStack.addDependency(dev.layerStack);
    addAspect(dev);
    const deployment = pipelineStack.pipeline.addStage(dev);
    app.synth();

    const lambda = deployment.stacks.find(s => s.constructPath.endsWith('/LambdaStack'))!;
    expect(lambda.stackDependencies.map(d => d.constructPath)).toEqual(['PipelineStack/Dev/LayerStack']);
  });

  test('WHEN the pipeline was built before synthesis THEN the order holds: it comes from the Stage\'s own assembly', () => {
    const app = newApp();
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    const dev = new AppStage(pipelineStack, 'Dev');
    addAspect(dev);
    pipelineStack.pipeline.addStage(dev);
    pipelineStack.pipeline.buildPipeline();
    app.synth();

    const actions = pipelineActions(Template.fromStack(pipelineStack));
    expect(runOrder(actions, 'Dev', 'LambdaStack.Prepare')).toBeGreaterThan(runOrder(actions, 'Dev', 'LayerStack.Deploy'));
    expect(messages(pipelineStack, 'error')).toEqual([]);
  });

  test('every template asset the pipeline recorded at addStage is the SHA-256 of the rewritten template on disk', () => {
    const app = newApp();
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    const dev = new AppStage(pipelineStack, 'Dev');
    addAspect(dev);
    const deployment = pipelineStack.pipeline.addStage(dev);
    app.synth();

    const lambda = deployment.stacks.find(s => s.constructPath.endsWith('/LambdaStack'))!;
    const template = JSON.parse(fs.readFileSync(lambda.absoluteTemplatePath, 'utf-8'));
    const fn = Object.values<any>(template.Resources).find(r => r.Type === 'AWS::Lambda::Function');
    expect(fn.Properties.Description).toMatch(/\[layer-sync [0-9a-f]{12}\]$/);
    for (const stack of deployment.stacks) {
      const onDisk = createHash('sha256').update(fs.readFileSync(stack.absoluteTemplatePath)).digest('hex');
      expect(stack.templateAsset?.assetId).toBe(onDisk);
      for (const asset of [...stack.assets, ...(stack.templateAsset ? [stack.templateAsset] : [])]) {
        const manifest = JSON.parse(fs.readFileSync(asset.assetManifestPath, 'utf-8'));
        expect(Object.keys(manifest.files ?? {})).toContain(asset.assetId);
      }
    }
  });
});

describe('GIVEN producer and consumer in different Stages of one pipeline', () => {
  function build(layout: 'producer-first' | 'same-wave' | 'consumer-first', level?: FindingLevel) {
    const app = newApp();
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    const platform = new PlatformStage(pipelineStack, 'Platform');
    const service = new ServiceStage(pipelineStack, 'Service');
    for (const stage of [app, platform, service]) {
      addAspect(stage, { pipelineOrder: level });
    }
    const pipeline = pipelineStack.pipeline;
    if (layout === 'producer-first') {
      pipeline.addStage(platform);
      pipeline.addStage(service);
    } else if (layout === 'same-wave') {
      const wave = pipeline.addWave('All');
      wave.addStage(platform);
      wave.addStage(service);
    } else {
      pipeline.addStage(service);
      pipeline.addStage(platform);
    }
    app.synth();
    return { pipelineStack, platform, service };
  }

  test('WHEN the producer Stage is in an earlier wave THEN nothing is reported and the consumer is tracked', () => {
    const { platform, service, pipelineStack } = build('producer-first');
    expect(errorsOf(pipelineStack)).toEqual([]);
    expect(messages(pipelineStack, 'error')).toEqual([]);
    expect(functionOf(Template.fromStack(service.lambdaStack)).properties.Description)
      .toContain(expectedShortFingerprint(Template.fromStack(platform.layerStack)));
  });

  test('WHEN both Stages are in the same wave THEN PipelineOrder names both stages, the parameter and the fix', () => {
    const { pipelineStack } = build('same-wave');
    const [error] = errorsOf(pipelineStack);
    expect(error).toContain('function PipelineStack/Service/LambdaStack/Consumer');
    expect(error).toContain("pipeline stage 'Service' (wave 1, 'All')");
    expect(error).toContain("pipeline stage 'Platform' (wave 1, 'All')");
    expect(error).toContain("'/platform/layers/common/arn'");
    expect(error).toContain("Fix: deploy 'Platform' in an earlier wave");
  });

  test('WHEN the consumer Stage is deployed first THEN PipelineOrder says so', () => {
    const { pipelineStack } = build('consumer-first');
    const [error] = errorsOf(pipelineStack);
    expect(error).toContain("pipeline stage 'Service' (wave 1, 'Service')");
    expect(error).toContain("before pipeline stage 'Platform' (wave 2, 'Platform')");
    expect(error).toContain("Fix: add 'Platform' to the pipeline before 'Service'");
  });

  test('WHEN pipelineOrder is WARNING THEN it is an acknowledgeable warning', () => {
    const { pipelineStack } = build('consumer-first', FindingLevel.WARNING);
    expect(errorsOf(pipelineStack)).toEqual([]);
    expect(messages(pipelineStack, 'warning').join('\n')).toContain(`[ack: ${PIPELINE_ORDER}]`);
  });

  test('WHEN the finding is raised inside a Stage THEN the pipeline stack, a top-level stack, shows it too', () => {
    const { pipelineStack } = build('same-wave');
    const [copy] = messages(pipelineStack, 'error');
    expect(copy).toContain(PIPELINE_ORDER);
    expect(copy).toContain('inside Stage PipelineStack/Service');
    expect(copy).toContain('function PipelineStack/Service/LambdaStack/Consumer');
  });

  test('WHEN the Stages are created at App level THEN the stack of the pipeline that deploys them shows it', () => {
    const app = newApp();
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    const wave = pipelineStack.pipeline.addWave('All');
    const platform = new PlatformStage(app, 'Platform');
    const service = new ServiceStage(app, 'Service');
    addAspect(platform);
    addAspect(service);
    wave.addStage(platform);
    wave.addStage(service);
    app.synth();

    const [copy] = messages(pipelineStack, 'error');
    expect(copy).toContain('inside Stage Service');
    expect(copy).toContain('function Service/LambdaStack/Consumer');
  });
});

describe('GIVEN the same layer/function pair at App level and inside a pipeline Stage', () => {
  test('both consumers follow the producer of their own cloud assembly, with no ambiguity', () => {
    const app = newApp();
    // The env-agnostic pair a team keeps at App level for manual `cdk deploy`.
    const appLevel = { layerStack: new ProducerStack(app, 'LayerStack'), lambdaStack: new ConsumerStack(app, 'LambdaStack') };
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    const dev = new AppStage(pipelineStack, 'Dev', { source: layerSource('VALUE = 2\n') });
    addAspect(dev);
    pipelineStack.pipeline.addStage(dev);
    addAspect(app);
    app.synth();

    expect(messages(appLevel.lambdaStack, 'warning')).toEqual([]);
    expect(functionOf(Template.fromStack(appLevel.lambdaStack)).properties.Description)
      .toContain(expectedShortFingerprint(Template.fromStack(appLevel.layerStack)));
    expect(functionOf(Template.fromStack(dev.lambdaStack)).properties.Description)
      .toContain(expectedShortFingerprint(Template.fromStack(dev.layerStack)));
    expect(expectedShortFingerprint(Template.fromStack(appLevel.layerStack)))
      .not.toBe(expectedShortFingerprint(Template.fromStack(dev.layerStack)));
  });
});
