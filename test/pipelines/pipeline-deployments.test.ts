import { Stack } from 'aws-cdk-lib';
import { stacksInPipelines } from '../../src/pipelines/pipeline-deployments';
import { newApp } from '../helpers/apps';
import { AppStage, PipelineStack, ServiceStage } from '../helpers/pipelines';

describe('stacksInPipelines', () => {
  test('indexes every deployed stack by construct path with its wave and pipeline stage', () => {
    const app = newApp();
    const pipelineStack = new PipelineStack(app, 'PipelineStack');
    pipelineStack.pipeline.addStage(new AppStage(pipelineStack, 'Dev'));
    pipelineStack.pipeline.addWave('Prod').addStage(new ServiceStage(pipelineStack, 'Service'));
    new Stack(app, 'NotDeployedByThePipeline');

    const stacks = stacksInPipelines(app.node.findAll());
    expect([...stacks.keys()].sort()).toEqual([
      'PipelineStack/Dev/LambdaStack', 'PipelineStack/Dev/LayerStack', 'PipelineStack/Service/LambdaStack',
    ]);
    const [service] = stacks.get('PipelineStack/Service/LambdaStack')!;
    expect(service.place).toEqual({ pipeline: 'PipelineStack/Pipeline', stageName: 'Service', waveId: 'Prod', waveIndex: 1 });
    expect(service.pipeline).toBe(pipelineStack.pipeline);
  });

  test('an app without pipelines gives an empty index', () => {
    const app = newApp();
    new Stack(app, 'Plain');
    expect(stacksInPipelines(app.node.findAll()).size).toBe(0);
  });
});
