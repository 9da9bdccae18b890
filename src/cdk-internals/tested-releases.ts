/**
 * The newest aws-cdk-lib release the release sweep (`npm run test:releases`, scripts/releases/releases.json) has
 * run on. A guarded read that fails on this release or an older one met a shape of app the guard did not foresee,
 * not a change in CDK. A test holds it to the sweep's list.
 */
export const NEWEST_TESTED_CDK_RELEASE = '2.278.0';

/** True when `release` (`2.x.y`) is no newer than the newest release the sweep ran on. */
export function isTestedRelease(release: string, newest: string = NEWEST_TESTED_CDK_RELEASE): boolean {
  const parts = (version: string) => version.split('.').map(part => Number.parseInt(part, 10));
  const [a, b] = [parts(release), parts(newest)];
  if (a.length !== 3 || a.some(Number.isNaN)) {
    return false;
  }
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) {
      return a[i] < b[i];
    }
  }
  return true;
}
