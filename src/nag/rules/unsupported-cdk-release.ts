import { UNSUPPORTED_CDK_RELEASE } from '../../findings/unsupported-cdk-release';
import { treeFindingRule } from './layer-sync-rule';

/**
 * `LayerSync-UnsupportedCdkRelease`: the installed aws-cdk-lib changed a CDK internal the analysis reads, so an app
 * that runs only the pack is told too. Reported on the resource where the internal was read (or the first of its stack).
 */
export const UnsupportedCdkRelease = treeFindingRule(UNSUPPORTED_CDK_RELEASE);
