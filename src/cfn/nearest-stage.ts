import { Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The Stage `scope` is, or else the nearest Stage above it; undefined for a tree without one (a lone Stack). */
export function nearestStage(scope: IConstruct): Stage | undefined {
  return Stage.isStage(scope) ? scope : Stage.of(scope);
}
