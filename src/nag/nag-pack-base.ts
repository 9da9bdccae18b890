import type { NagPack } from 'cdk-nag';

/** What `cdk-nag` exports that the pack needs, loaded only when the pack is used. */
interface CdkNagModule {
  readonly NagPack: typeof NagPack;
}

/** The message when cdk-nag is missing, naming what to install. */
export const MISSING_CDK_NAG = 'LayerSyncChecks needs cdk-nag 3 (a cdk-nag v3 rule pack), which is not installed: '
  + 'run `npm install --save-dev cdk-nag@^3` (it needs aws-cdk-lib 2.257.0 or later). LayerDependencyAspect works without it.';

/** Why cdk-nag could not be loaded, when it could not. */
let loadError: string | undefined;

function loadCdkNag(): CdkNagModule | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('cdk-nag') as CdkNagModule;
  } catch (error) {
    // Not installed, or installed beside an aws-cdk-lib too old for it: the rest of the library must still load.
    loadError = (error as Error).message.split('\n')[0];
    return undefined;
  }
}

/** Stands in for NagPack when cdk-nag cannot be loaded: constructing a pack says what to install. */
abstract class MissingNagPack {
  constructor() {
    throw new Error(`${MISSING_CDK_NAG} (loading it failed: ${loadError})`);
  }
}

/**
 * cdk-nag's `NagPack`, or, when cdk-nag is not installed, a class whose constructor throws a message saying to
 * install it. So `require('cdk-layer-sync')` and the aspect work without cdk-nag, an optional peer dependency.
 */
export const NagPackBase: typeof NagPack = loadCdkNag()?.NagPack ?? (MissingNagPack as unknown as typeof NagPack);
