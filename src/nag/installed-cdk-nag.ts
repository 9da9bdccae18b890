import { CdkNagV2Module } from './nag-v2-pack';
import { CdkNagV3Module } from './nag-v3-pack';
import { installedCdkRelease } from '../cdk-internals/cdk-internal';

/** The lowest aws-cdk-lib each cdk-nag major works with as the `LayerSync` pack, as measured (see README). */
export const AWS_CDK_LIB_FLOOR_BY_NAG_MAJOR: Readonly<Record<number, string>> = {
  2: '2.172.0',
  // 2.257.0 has `Validations`, but gives plugins no `appConstruct`: cdk-nag 3 then validates nothing.
  3: '2.258.0',
};

/** The cdk-nag the app has installed, loaded only when the pack is constructed. */
export type InstalledCdkNag =
  | { readonly major: 2; readonly version: string; readonly module: CdkNagV2Module }
  | { readonly major: 3; readonly version: string; readonly module: CdkNagV3Module };

const INSTALL_HINT = 'install the cdk-nag major your aws-cdk-lib supports: `npm install --save-dev cdk-nag@^2` '
  + `(aws-cdk-lib ${AWS_CDK_LIB_FLOOR_BY_NAG_MAJOR[2]} or later) or \`npm install --save-dev cdk-nag@^3\` `
  + `(aws-cdk-lib ${AWS_CDK_LIB_FLOOR_BY_NAG_MAJOR[3]} or later). LayerDependencyAspect works without it.`;

/**
 * The installed cdk-nag, checked against the aws-cdk-lib beside it. Throws, naming what to install, when cdk-nag is
 * missing, of an unknown major, or installed beside an aws-cdk-lib older than the pack needs with that major.
 */
export function installedCdkNag(): InstalledCdkNag {
  let version: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    version = require('cdk-nag/package.json').version;
  } catch {
    throw new Error(`LayerSyncChecks needs cdk-nag, which is not installed: ${INSTALL_HINT} In Python (and the other `
      + 'jsii languages), install the cdk-nag package and import it (`import cdk_nag`) before constructing the pack.');
  }
  const major = Number(version.split('.')[0]);
  if (!(major in AWS_CDK_LIB_FLOOR_BY_NAG_MAJOR)) {
    throw new Error(`LayerSyncChecks supports cdk-nag 2 and 3; cdk-nag ${version} is installed: ${INSTALL_HINT}`);
  }
  const cdkVersion = installedCdkRelease();
  const tooOld = floorError(major, cdkVersion);
  if (tooOld) {
    throw new Error(tooOld);
  }
  let module: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    module = require('cdk-nag');
  } catch (error) {
    throw new Error(`LayerSyncChecks could not load cdk-nag ${version} beside aws-cdk-lib ${cdkVersion}: `
      + `${(error as Error).message.split('\n')[0]}. ${INSTALL_HINT}`);
  }
  return major === 2
    ? { major: 2, version, module: module as CdkNagV2Module }
    : { major: 3, version, module: module as CdkNagV3Module };
}

/**
 * Why the pack cannot run with cdk-nag `major` beside aws-cdk-lib `cdkVersion`, naming the release it needs; nothing
 * when it can.
 */
export function floorError(major: number, cdkVersion: string): string | undefined {
  const floor = AWS_CDK_LIB_FLOOR_BY_NAG_MAJOR[major];
  if (floor === undefined || compareReleases(cdkVersion, floor) >= 0) {
    return undefined;
  }
  const why = major === 3 ? ' (older releases give validation plugins no construct tree, so cdk-nag 3 checks nothing)' : '';
  const instead = major === 3 ? `, or use cdk-nag 2 (aws-cdk-lib ${AWS_CDK_LIB_FLOOR_BY_NAG_MAJOR[2]} or later)` : '';
  return `LayerSyncChecks with cdk-nag ${major} needs aws-cdk-lib ${floor} or later, but aws-cdk-lib ${cdkVersion} is `
    + `installed${why}: upgrade aws-cdk-lib${instead}.`;
}


/** Compare two `major.minor.patch` releases: negative when `a` is older. */
export function compareReleases(a: string, b: string): number {
  const pa = a.split('.').map(n => parseInt(n, 10));
  const pb = b.split('.').map(n => parseInt(n, 10));
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) {
      return d;
    }
  }
  return 0;
}
