import { AspectPriority, Aspects, CfnResource, IAspect, Stack, Stage } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { FUNCTION_TYPE } from '../detect/detect-layer-sources';
import { LAYER_VERSION_TYPE } from '../fingerprint/layer-version-fingerprint';
import { synthesisScopeOf } from './assembly-constructs';
import { LayerDependencyAspectProps } from './layer-dependency-aspect-props';
import { resolveOptions, ResolvedOptions } from './resolved-options';
import { coverStagesAsBuilt, registerLayerSyncAspect, workingAspectOf } from './stage-coverage';
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
 * CDK never carries an App's aspects into a Stage, and CDK Pipelines synthesizes each Stage as it is added. On
 * aws-cdk-lib 2.196 and later, one static call on the App (below) covers the App and every Stage as it is
 * built; on older releases a Stage gets the same line in its constructor. The aspect
 * on the App reports every Stage that has functions with shared layers and no aspect (`StageNotCovered`).
 *
 * It discovers layer producers (SSM parameters holding a LayerVersion's ARN) anywhere in the app, Stages
 * included; classifies every layer of every `AWS::Lambda::Function`, also layers other aspects attach later;
 * writes the fingerprints of the layers it can follow into the function's description (or an environment
 * variable); orders consumer stacks after producer stacks; and reports, as acknowledgeable warnings, every
 * consumer it cannot follow.
 */
export class LayerDependencyAspect implements IAspect {
  /**
   * The one call for a whole app, Stages included: adds the aspect to `app` (at `AspectPriority.MUTATING`) and, on
   * aws-cdk-lib 2.196 and later, registers a property injector on it that gives every Stage its own aspect (with the
   * same props) as the Stage's first `lambda.Function` is built, before CDK Pipelines synthesizes it as it is added.
   * Call it right after the App is created, before any Stage is built. A property injector for `lambda.Function` already on
   * the App is chained. A Stage that also has its own line is covered once. On older releases it covers the App only;
   * `StageNotCovered` names every Stage left without the aspect, and why.
   *
   * ```ts
   * // right after the App is created, before any Stage:
   * LayerDependencyAspect.addToApp(app);
   * ```
   *
   * @param app the App (or the root of the construct tree)
   * @param props the aspect's props, for the App and every Stage
   * @returns the aspect added to the App
   */
  public static addToApp(app: Construct, props: LayerDependencyAspectProps = {}): LayerDependencyAspect {
    const aspect = new LayerDependencyAspect(props);
    Aspects.of(app).add(aspect, { priority: AspectPriority.MUTATING });
    // On a release without property injectors this covers the App only, which matters only in an app with a Stage:
    // there StageNotCovered names the Stage, why, and the line it needs (an app without a Stage is told nothing).
    coverStagesAsBuilt(app, () => new LayerDependencyAspect(props));
    return aspect;
  }

  private readonly options: ResolvedOptions;

  constructor(props: LayerDependencyAspectProps = {}) {
    this.options = resolveOptions(props);
    registerLayerSyncAspect(this);
  }

  /** Called by CDK for every construct in the scope the aspect was added to. */
  public visit(node: IConstruct): void {
    // CDK calls this for every construct: only Stages, stacks, functions and layer versions matter.
    const type = CfnResource.isCfnResource(node) ? node.cfnResourceType : undefined;
    if (type === undefined ? !Stage.isStage(node) && !Stack.isStack(node) : type !== FUNCTION_TYPE && type !== LAYER_VERSION_TYPE) {
      return;
    }
    const scope = synthesisScopeOf(node);
    // Several aspects on one Stage (its own line and the App-wide call, or the line twice): one of them works.
    const working = workingAspectOf(scope);
    if (working !== undefined && working !== this) {
      return;
    }
    const run = SyncSession.of(node).runOf(this, scope, this.options);
    if (type === LAYER_VERSION_TYPE) {
      run.visitLayer(node as CfnResource);
    } else {
      run.visit(node);
    }
  }
}
