import { ChangedInternal, installedCdkRelease } from '../cdk-internals/cdk-internal';
import { isTestedRelease, NEWEST_TESTED_CDK_RELEASE } from '../cdk-internals/tested-releases';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { FindingDefinition, TreeFinding } from './finding';
import { FindingLevel } from './finding-level';
import { findingLevelLine } from './user-language';

/** A part of aws-cdk-lib this library reads, for want of a public API, has another shape in the installed release. */
export const UNSUPPORTED_CDK_RELEASE: FindingDefinition = {
  id: 'cdk-layer-sync:UnsupportedCdkRelease',
  levelProp: 'unsupportedCdkRelease',
  defaultLevel: FindingLevel.ERROR,
  explanation: 'The installed aws-cdk-lib changed a part of CDK the library reads (no public API offers it), so some '
    + 'of its checks are off and consumers could go stale without a finding.',
  checkTree: facts => facts.changedInternals.map(change => changeFinding(change, facts.constructs)),
};

/**
 * The finding for one changed internal, on the construct where it was read. An annotation on the App itself is shown
 * by no `cdk synth`, so the first top-level stack carries one read there.
 */
function changeFinding(change: ChangedInternal, constructs: readonly IConstruct[]): TreeFinding {
  const root = change.scope.node.root;
  const scope = change.scope === root ? constructs.find(c => Stack.isStack(c)) ?? root : change.scope;
  const resource = CfnResource.isCfnResource(scope) ? scope
    : CfnResource.isCfnResource(scope.node.defaultChild) ? scope.node.defaultChild
      : scope.node.findAll().find((c): c is CfnResource => CfnResource.isCfnResource(c));
  return { definition: UNSUPPORTED_CDK_RELEASE, message: unsupportedCdkReleaseMessage(change), scope, resource };
}

/**
 * Message naming the check that could not run, where, what was found and which checks are off. On a release the sweep
 * tested, that is a shape of app the guard did not foresee: the fix asks for a report, never a downgrade. On a newer
 * release, CDK changed the internal.
 */
export function unsupportedCdkReleaseMessage(change: ChangedInternal, release: string = installedCdkRelease()): string {
  const where = change.scope.node.path || '(the app)';
  const off = `Off: ${change.internal.checksOff}; a consumer could keep an old layer without a finding.`;
  const goOn = `set the finding's level to WARNING to synthesize with these checks off (${findingLevelLine(UNSUPPORTED_CDK_RELEASE.id, 'WARNING')})`;
  if (isTestedRelease(release)) {
    return `cdk-layer-sync could not run a check at ${where}: it reads ${change.internal.name} and found: `
      + `${change.found}. aws-cdk-lib ${release} is a release cdk-layer-sync is tested on (up to ${NEWEST_TESTED_CDK_RELEASE}), `
      + `so this is a shape of app the check did not foresee, not a change in CDK. ${off} `
      + 'Fix: report this message to cdk-layer-sync with how the app is built (its stacks, Stages, pipelines and where '
      + `the aspect is added); until a release fixes it, ${goOn}.`;
  }
  return `aws-cdk-lib ${release} changed ${change.internal.name}, which cdk-layer-sync reads at ${where}: `
    + `${change.found}. aws-cdk-lib ${release} is newer than the newest release cdk-layer-sync is tested on `
    + `(${NEWEST_TESTED_CDK_RELEASE}). ${off} Fix: report this message to cdk-layer-sync; until a release of it supports `
    + `aws-cdk-lib ${release}, stay on ${NEWEST_TESTED_CDK_RELEASE} or older, or ${goOn}.`;
}
