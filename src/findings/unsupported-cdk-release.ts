import { ChangedInternal, installedCdkRelease } from '../cdk-internals/cdk-internal';
import { FindingDefinition } from './finding';
import { FindingLevel } from './finding-level';

/** A part of aws-cdk-lib this library reads, for want of a public API, has another shape in the installed release. */
export const UNSUPPORTED_CDK_RELEASE: FindingDefinition = {
  id: 'cdk-layer-sync:UnsupportedCdkRelease',
  levelProp: 'unsupportedCdkRelease',
  defaultLevel: FindingLevel.ERROR,
  explanation: 'The installed aws-cdk-lib changed a part of CDK the library reads (no public API offers it), so some '
    + 'of its checks are off and consumers could go stale without a finding.',
};

/** Message naming the internal, the release, what was found and which checks are off. */
export function unsupportedCdkReleaseMessage(change: ChangedInternal): string {
  return `aws-cdk-lib ${installedCdkRelease()} changed ${change.internal.name}, which cdk-layer-sync reads at `
    + `${change.scope.node.path || '(the app)'}: ${change.found}. Off until cdk-layer-sync supports this release: `
    + `${change.internal.checksOff}; a consumer could keep an old layer without a finding. Fix: use an aws-cdk-lib `
    + 'release the README\'s "Tested releases" table lists until cdk-layer-sync is updated, and report this message.';
}
