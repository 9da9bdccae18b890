import { PipelineBase, StackDeployment, StageDeployment } from 'aws-cdk-lib/pipelines';
import { IConstruct } from 'constructs';
import { PipelinePlace } from '../findings/pipeline-order';

/** One stack as a CDK Pipeline deploys it. */
export interface PipelineStack {
  readonly pipeline: PipelineBase;
  readonly place: PipelinePlace;
  readonly stage: StageDeployment;
  readonly deployment: StackDeployment;
}

/**
 * Every stack that a CDK Pipeline (`pipelines.CodePipeline` or any `PipelineBase`) among `constructs`
 * deploys, by the stack's construct path.
 *
 * `pipeline.addStage()` reads a Stage once, when it is called, into `StackDeployment`s that carry the
 * stack's construct path; the pipeline is generated from those later, at synthesis. A stack may be deployed
 * by several pipelines.
 */
export function stacksInPipelines(constructs: Iterable<IConstruct>): Map<string, PipelineStack[]> {
  const byPath = new Map<string, PipelineStack[]>();
  for (const construct of constructs) {
    if (!PipelineBase.isPipeline(construct)) {
      continue;
    }
    construct.waves.forEach((wave, waveIndex) => {
      for (const stage of wave.stages) {
        const place: PipelinePlace = { pipeline: construct.node.path, stageName: stage.stageName, waveId: wave.id, waveIndex };
        for (const deployment of stage.stacks) {
          const entry: PipelineStack = { pipeline: construct, place, stage, deployment };
          byPath.set(deployment.constructPath, [...(byPath.get(deployment.constructPath) ?? []), entry]);
        }
      }
    });
  }
  return byPath;
}
