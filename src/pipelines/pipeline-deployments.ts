import { PipelineBase, StackDeployment, StageDeployment } from 'aws-cdk-lib/pipelines';
import { IConstruct } from 'constructs';

/** Where a stack is deployed in a pipeline, for messages. */
export interface PipelinePlace {
  /** The pipeline's construct path. */
  readonly pipeline: string;
  /** The pipeline stage (StageDeployment) name. */
  readonly stageName: string;
  /** The wave id. */
  readonly waveId: string;
  /** The wave's position in the pipeline, from 0. */
  readonly waveIndex: number;
}

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
