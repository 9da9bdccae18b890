import { CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { LayerSyncPlan } from '../analysis/layer-sync-plan';
import { PACK_NAME } from '../annotate/nag-suppressions';
import { LayerSyncChecksProps } from './layer-sync-checks-props';
import { applyLayerSyncRules, NagRuleApplication } from './apply-layer-sync-rules';

/** cdk-nag 3's `NagPack`, in the members the pack uses: a policy validation plugin over the construct tree. */
export interface NagPackV3 {
  readonly name: string;
  packName: string;
  validate(context: unknown): unknown;
  validateScope(scope: IConstruct): unknown;
  applyRule(params: NagRuleApplication): void;
}

/** What `require('cdk-nag')` gives for cdk-nag 3, in the parts the pack uses. */
export interface CdkNagV3Module {
  readonly NagPack: abstract new (scope?: IConstruct, props?: Record<string, unknown>) => NagPackV3;
}

/**
 * The `LayerSync` pack as a cdk-nag 3 `NagPack` (a policy validation plugin): CDK's acknowledgements
 * (`Validations.of(scope).acknowledge`) and `validation-report.json` apply to it. The analysis is made once per
 * validation, from the finished tree.
 */
export function createNagV3Pack(cdkNag: CdkNagV3Module, scope: IConstruct | undefined, props: LayerSyncChecksProps): NagPackV3 {
  const Base = cdkNag.NagPack;
  class LayerSyncNagV3Pack extends Base {
    public readonly name = PACK_NAME;
    private plan?: LayerSyncPlan;

    constructor() {
      super(scope, { verbose: props.verbose, writeSuppressionsToCloudFormation: props.writeSuppressionsToCloudFormation });
      this.packName = PACK_NAME;
    }

    public validateScope(tree: IConstruct): unknown {
      this.plan = undefined;
      try {
        return super.validateScope(tree);
      } finally {
        this.plan = undefined;
      }
    }

    protected checkResource(node: CfnResource): void {
      this.plan ??= new LayerSyncPlan(node.node.root, props.registry, undefined, props.registryOutput);
      applyLayerSyncRules(node, this.plan, params => this.applyRule(params));
    }
  }
  return new LayerSyncNagV3Pack();
}
