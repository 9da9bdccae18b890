// Running the LayerSync cdk-nag pack on real apps, on whichever cdk-nag major the jest project loads as `cdk-nag`
// (jest.config.js: cdk-nag 3 on the newest aws-cdk-lib and on 2.258, cdk-nag 2 on the newest and on the floor).
import { App, CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { LayerSyncPlan } from '../../src/analysis/layer-sync-plan';
import { LayerSyncRule, RuleOutcome } from '../../src/nag/rules/layer-sync-rule';
import { LayerRegistry, LayerSyncChecks, LayerSyncChecksProps } from '../../src';

/** The major of the cdk-nag this project loads: 2 (an Aspect) or 3 (a validation plugin). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const NAG_MAJOR = Number(require('cdk-nag/package.json').version.split('.')[0]);

/** One violation as the pack reports it: the rule id and the construct paths. */
export interface Violation {
  readonly rule: string;
  readonly paths: string[];
  readonly description: string;
}

/** Run the pack over a whole app, the way cdk-nag's own tests do (`validateScope`). */
export function violationsOf(app: App, props: LayerSyncChecksProps = {}): Violation[] {
  const report = new LayerSyncChecks(app, props).validateScope(app);
  return (report.violations as any[])
    .map((v: any) => ({ rule: v.ruleName, paths: v.violatingResources.map((r: any) => r.constructPath ?? '(unknown)').sort(), description: v.description }))
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
