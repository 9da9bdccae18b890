import { CfnResource, PolicyValidationPluginReport } from 'aws-cdk-lib';
import type { NagMessageLevel, NagRuleResult } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { LayerSyncPlan } from '../analysis/layer-sync-plan';
import { FindingLevel } from '../findings/finding-level';
import { LayerRegistry } from '../registry/layer-registry';
import { LayerSyncChecksProps } from './layer-sync-checks-props';
import { NagPackBase } from './nag-pack-base';
import { LAYER_SYNC_RULES } from './rules/all-rules';
import { ruleName } from './rules/layer-sync-rule';

/** cdk-nag's message levels for the aspect's default finding levels. */
const NAG_LEVEL: Record<FindingLevel, string> = {
  [FindingLevel.ERROR]: 'Error',
  [FindingLevel.WARNING]: 'Warning',
  [FindingLevel.INFO]: 'Info',
  [FindingLevel.OFF]: 'Info',
};

/**
 * The findings of `LayerDependencyAspect` as a cdk-nag v3 rule pack, `LayerSync`, for teams that enforce policy
 * with cdk-nag:
 *
 * ```ts
 * Validations.of(app).addPlugins(new LayerSyncChecks(app));
 * ```
 *
 * One rule per finding that describes a consumer or a layer at risk (`LayerSync-UnhashedConsumer`,
 * `LayerSync-ExportedLayerArn`, ...). Each unacknowledged violation fails synthesis and is listed in
 * `validation-report.json`. Findings about an SSM parameter carry it (`LayerSync-UnhashedConsumer[Parameter::/x]`),
 * so one external parameter can be acknowledged once, at App level:
 * `Validations.of(app).acknowledge({ id: 'LayerSync-UnhashedConsumer[Parameter::/x]', reason })`.
 *
 * The pack runs the aspect's own analysis, read only: it never changes a template, works with or without the
 * aspect on the app, and covers Stages. It needs cdk-nag 3 (an optional peer dependency, with aws-cdk-lib
 * 2.257.0 or later); without it, constructing the pack throws a message saying what to install.
 */
export class LayerSyncChecks extends NagPackBase {
  /** The pack's name, as cdk-nag and the validation report show it. */
  public readonly name = 'LayerSync';
  private readonly registry?: LayerRegistry;
  /** The analysis of the tree being validated, made once per validation. */
  private plan?: LayerSyncPlan;

  constructor(scope?: IConstruct, props: LayerSyncChecksProps = {}) {
    super(scope, props);
    this.packName = 'LayerSync';
    this.registry = props.registry;
  }

  /** Validate a construct tree: the analysis is made once, then each resource is checked against every rule. */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.plan = undefined;
    try {
      return super.validateScope(scope);
    } finally {
      this.plan = undefined;
    }
  }

  protected checkResource(node: CfnResource): void {
    this.plan ??= new LayerSyncPlan(node.node.root, this.registry);
    const plan = this.plan;
    for (const rule of LAYER_SYNC_RULES) {
      const outcome = rule.check(node, plan);
      this.applyRule({
        ruleSuffixOverride: ruleName(rule.definition),
        info: outcome.info || rule.definition.explanation,
        explanation: rule.definition.explanation,
        level: NAG_LEVEL[rule.definition.defaultLevel] as NagMessageLevel,
        node,
        rule: () => outcome.result as NagRuleResult,
      });
    }
  }
}
