import { compareReleases, floorError, installedCdkNag } from '../../src/nag/installed-cdk-nag';
import { CDK_VERSION } from '../helpers/cdk-version';
import { NAG_MAJOR } from '../helpers/nag';

describe('the installed cdk-nag', () => {
  test('is the major this project loads, beside an aws-cdk-lib it accepts', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const version: string = require('cdk-nag/package.json').version;
    const installed = installedCdkNag();
    expect(installed.major).toBe(NAG_MAJOR);
    expect(installed.version).toBe(version);
    expect(typeof installed.module.NagPack).toBe('function');
    expect(floorError(installed.major, CDK_VERSION)).toBeUndefined();
  });

  test.each([
    [3, '2.257.0', /cdk-nag 3 needs aws-cdk-lib 2\.258\.0 or later, but aws-cdk-lib 2\.257\.0 is installed.*use cdk-nag 2 \(aws-cdk-lib 2\.172\.0/],
    [2, '2.171.1', /cdk-nag 2 needs aws-cdk-lib 2\.172\.0 or later, but aws-cdk-lib 2\.171\.1 is installed: upgrade aws-cdk-lib\.$/],
  ])('below its floor, cdk-nag %i beside aws-cdk-lib %s is refused, naming the release it needs', (major, release, message) => {
    expect(floorError(major, release)).toMatch(message);
  });

  test.each([[3, '2.258.0'], [3, '2.276.0'], [2, '2.172.0'], [2, '2.185.0']])('cdk-nag %i beside aws-cdk-lib %s is accepted', (major, release) => {
    expect(floorError(major, release)).toBeUndefined();
  });

  test('releases compare by number, not as text', () => {
    expect(compareReleases('2.99.0', '2.258.0')).toBeLessThan(0);
    expect(compareReleases('2.258.1', '2.258.0')).toBeGreaterThan(0);
    expect(compareReleases('2.258.0', '2.258.0')).toBe(0);
  });
});
