import { CfnResource, IAspect } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { LayerSyncPlan } from '../analysis/layer-sync-plan';
import { PACK_NAME } from '../annotate/nag-suppressions';
import { LayerSyncChecksProps } from './layer-sync-checks-props';
import { applyLayerSyncRules, NagRuleApplication } from './apply-layer-sync-rules';

/** cdk-nag 2's `NagPack`, in the members the pack uses: an Aspect whose rules annotate resources. */
interface NagPackV2 extends IAspect {
  packName: string;
  applyRule(params: NagRuleApplication): void;
}

/** What `require('cdk-nag')` gives for cdk-nag 2, in the parts the pack uses. */
export interface CdkNagV2Module {
  readonly NagPack: abstract new (props?: Record<string, unknown>) => NagPackV2;
}

/**
 * The `LayerSync` pack as a cdk-nag 2 `NagPack` (an Aspect): cdk-nag's own suppressions (`NagSuppressions`, with
 * `appliesTo` for one SSM parameter), annotations and `LayerSync-<stack>-NagReport.csv` rows apply to it.
 *
 * The analysis of the tree is made at the first resource of each synthesis, so it sees what the app's other
 * aspects of lower priority (among them `LayerDependencyAspect`, at MUTATING) have done.
 */
export function createNagV2Pack(cdkNag: CdkNagV2Module, props: LayerSyncChecksProps): IAspect {
  const Base = cdkNag.NagPack;
  class LayerSyncNagV2Pack extends Base {
    private readonly plans = new WeakMap<IConstruct, LayerSyncPlan>();

    constructor() {
      super({ verbose: props.verbose, logIgnores: props.logIgnores, reports: props.reports });
      this.packName = PACK_NAME;
    }

    public visit(node: IConstruct): void {
      const root = node.node.root;
      if (node === root) {
        // A new synthesis of the app: analyse the tree as it now is.
        this.plans.delete(root);
      }
      if (!(node instanceof CfnResource)) {
        return;
      }
      let plan = this.plans.get(root);
      if (!plan) {
        plan = new LayerSyncPlan(root, props.registry, undefined, props.registryOutput);
        this.plans.set(root, plan);
      }
      applyLayerSyncRules(node, plan, params => this.applyRule(params));
    }
  }
  return new LayerSyncNagV2Pack();
}
