import { LayerRegistry } from '../registry/layer-registry';

/**
 * Options of `LayerSyncChecks`: the registry the app's `LayerDependencyAspect` uses, and the cdk-nag options that
 * apply to the installed cdk-nag major (the others are ignored).
 */
export interface LayerSyncChecksProps {
  /**
   * The registry the app gives `LayerDependencyAspect`, so the pack follows the same layers the aspect follows.
   * @default - only producers discovered in the app
   */
  readonly registry?: LayerRegistry;

  /**
   * The lock file the app's `LayerDependencyAspect` writes (its `registryOutput`), so the pack decides as the aspect
   * does: the app's own producers refresh that file's entries (no `StaleRegistryEntry` for them), and a layer other
   * apps read from it is shared (`LayerVersionNotRetained`).
   * @default - the app writes no lock file
   */
  readonly registryOutput?: string;

  /**
   * Show each rule's explanation beside its finding (cdk-nag's `verbose`).
   * @default false
   */
  readonly verbose?: boolean;

  /**
   * cdk-nag 2: log each suppressed finding as an annotation too (cdk-nag's `logIgnores`).
   * @default false
   */
  readonly logIgnores?: boolean;

  /**
   * cdk-nag 2: write the rows of the pack to `LayerSync-<stack>-NagReport.csv` in the cloud assembly (cdk-nag's
   * `reports`).
   * @default true
   */
  readonly reports?: boolean;

  /**
   * cdk-nag 3: write acknowledged rules into each resource's `cdk_nag` metadata, as cdk-nag 2 did (cdk-nag's
   * `writeSuppressionsToCloudFormation`).
   * @default false
   */
  readonly writeSuppressionsToCloudFormation?: boolean;
}
