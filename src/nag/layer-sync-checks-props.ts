import type { NagPackProps } from 'cdk-nag';
import { LayerRegistry } from '../registry/layer-registry';

/**
 * Options of `LayerSyncChecks`: cdk-nag's own, plus the registry the app's `LayerDependencyAspect` uses.
 */
export interface LayerSyncChecksProps extends NagPackProps {
  /**
   * The registry the app gives `LayerDependencyAspect`, so the pack follows the same layers the aspect follows.
   * @default - only producers discovered in the app
   */
  readonly registry?: LayerRegistry;
}
