// Running the LayerSync cdk-nag pack on real apps. cdk-nag 3 needs aws-cdk-lib 2.257 or later, so the floor
// project of the suite skips these tests.
import { App, CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { LayerSyncPlan } from '../../src/analysis/layer-sync-plan';
import { LayerSyncRule, RuleOutcome } from '../../src/nag/rules/layer-sync-rule';
import { LayerRegistry, LayerSyncChecks, LayerSyncChecksProps } from '../../src';
import { CDK_VERSION } from './cdk-version';

/** cdk-nag 3 (and so `LayerSyncChecks`) works with aws-cdk-lib 2.257.0 and later. */
export const HAS_CDK_NAG = Number(CDK_VERSION.split('.')[1]) >= 257;

/** One violation as the pack reports it: the rule id and the construct paths. */
export interface Violation {
  readonly rule: string;
  readonly paths: string[];
  readonly description: string;
}

/** Run the pack over a whole app, the way cdk-nag's own tests do (`validateScope`). */
export function violationsOf(app: App, props: LayerSyncChecksProps = {}): Violation[] {
  const report = new LayerSyncChecks(app, props).validateScope(app);
  return report.violations
    .map(v => ({ rule: v.ruleName, paths: v.violatingResources.map(r => r.constructPath ?? '(unknown)').sort(), description: v.description }))
    .sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** The rule ids of the violations with their paths, for comparing whole reports. */
export function ruleIdsAndPaths(violations: Violation[]): string[] {
  return violations.flatMap(v => v.paths.map(p => `${v.rule} @ ${p}`)).sort();
}

/** A rule's verdict on one construct's resource, from the same analysis the pack makes. */
export function checkRule(rule: LayerSyncRule, app: App, construct: IConstruct, registry?: LayerRegistry): RuleOutcome['result'] {
  const resource = (construct.node.defaultChild ?? construct) as CfnResource;
  return rule.check(resource, new LayerSyncPlan(app, registry)).result;
}
