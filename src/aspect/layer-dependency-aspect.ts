import { CfnResource, IAspect, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { FUNCTION_TYPE } from '../detect/detect-layer-sources';
import { LAYER_VERSION_TYPE } from '../fingerprint/layer-version-fingerprint';
import { synthesisScopeOf } from './assembly-constructs';
import { LayerDependencyAspectProps } from './layer-dependency-aspect-props';
import { resolveOptions, ResolvedOptions } from './resolved-options';
import { SyncSession } from './sync-session';

/**
 * Makes every Lambda function that imports a shared layer from another stack or app change its own
 * configuration when that layer changes, so `cdk deploy` updates it, publishes a new version and moves
 * its aliases.
 *
 * ```ts
 * Aspects.of(app).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING });
 * ```
 *
 * CDK never carries an App's aspects into a Stage, and CDK Pipelines synthesizes each Stage in `addStage()`, so
 * a Stage gets the same line in its constructor, `Aspects.of(this).add(...)`. The aspect on the App then reports
 * every Stage that has functions with shared layers and no aspect (`StageNotCovered`).
 *
 * It discovers layer producers (SSM parameters holding a LayerVersion's ARN) anywhere in the app, Stages
 * included; classifies every layer of every `AWS::Lambda::Function`, also layers other aspects attach later;
 * writes the fingerprints of the layers it can follow into the function's description (or an environment
 * variable); orders consumer stacks after producer stacks; and reports, as acknowledgeable warnings, every
 * consumer it cannot follow.
 */
export class LayerDependencyAspect implements IAspect {
  private readonly options: ResolvedOptions;

  constructor(props: LayerDependencyAspectProps = {}) {
    this.options = resolveOptions(props);
  }

  /** Called by CDK for every construct in the scope the aspect was added to. */
  public visit(node: IConstruct): void {
    // CDK calls this for every construct: only Stages, stacks, functions and layer versions matter.
    const type = CfnResource.isCfnResource(node) ? node.cfnResourceType : undefined;
    if (type === undefined ? !Stage.isStage(node) && !Stack.isStack(node) : type !== FUNCTION_TYPE && type !== LAYER_VERSION_TYPE) {
      return;
    }
    const run = SyncSession.of(node).runOf(this, synthesisScopeOf(node), this.options);
    if (type === LAYER_VERSION_TYPE) {
      run.visitLayer(node as CfnResource);
    } else {
      run.visit(node);
    }
  }
}
