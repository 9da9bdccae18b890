import * as fs from 'fs';
import * as path from 'path';
import { isTestedRelease, NEWEST_TESTED_CDK_RELEASE } from '../../src/cdk-internals/tested-releases';

const SWEPT: string[] = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'scripts', 'releases', 'releases.json'), 'utf-8')).releases;

test('the newest tested release is the newest the release sweep runs on; the aws-cdk-lib devDependency is swept too', () => {
  expect(NEWEST_TESTED_CDK_RELEASE).toBe(SWEPT[SWEPT.length - 1]);
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8'));
  expect(SWEPT).toContain(manifest.devDependencies['aws-cdk-lib']);
  expect(isTestedRelease(manifest.devDependencies['aws-cdk-lib'])).toBe(true);
});

test.each([
  ['2.172.0', '2.278.0', true],
  ['2.278.0', '2.278.0', true],
  ['2.99.9', '2.278.0', true],
  ['2.278.1', '2.278.0', false],
  ['2.279.0', '2.278.0', false],
  ['3.0.0', '2.278.0', false],
  ['2.300.0-rc.1', '2.278.0', false],
  ['(release unknown)', '2.278.0', false],
])('%s against the newest tested %s: tested %s', (release, newest, tested) => {
  expect(isTestedRelease(release, newest)).toBe(tested);
});
