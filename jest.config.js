/**
 * The suite runs twice in one jest run: on the aws-cdk-lib the repository develops against (the newest), and on
 * the oldest releases the peer range accepts (the `aws-cdk-lib-floor` and `constructs-floor` devDependencies). One
 * closing line counts both.
 * `CDK_LIB=latest` or `CDK_LIB=floor` runs one of the two.
 * @type {import('jest').Config}
 */
const path = require('path');

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
const floorVersion = require('aws-cdk-lib-floor/package.json').version;
const floorConstructsVersion = require('constructs-floor/package.json').version;
const latestVersion = require('aws-cdk-lib/package.json').version;

const projects = {
  latest: {
    ...shared,
    displayName: `aws-cdk-lib ${latestVersion}`,
    setupFiles: [path.join(__dirname, 'test', 'setup', 'latest.js')],
  },
  floor: {
    ...shared,
    displayName: `aws-cdk-lib ${floorVersion}, constructs ${floorConstructsVersion} (floor)`,
    setupFiles: [path.join(__dirname, 'test', 'setup', 'floor.js')],
    moduleNameMapper: {
      '^aws-cdk-lib$': 'aws-cdk-lib-floor', '^aws-cdk-lib/(.*)$': 'aws-cdk-lib-floor/$1',
      '^constructs$': 'constructs-floor', '^constructs/(.*)$': 'constructs-floor/$1',
    },
    // Installs its own aws-cdk-lib (an older one) from the registry: nothing to map.
    testPathIgnorePatterns: ['/node_modules/', '/test/e2e/packed-install\\.test\\.ts$'],
  },
};
const selected = process.env.CDK_LIB ? [projects[process.env.CDK_LIB]] : Object.values(projects);
if (selected.includes(undefined)) {
  throw new Error(`CDK_LIB must be one of ${Object.keys(projects).join(', ')}, got '${process.env.CDK_LIB}'`);
}

module.exports = {
  testTimeout: 180000,
  projects: selected,
  reporters: ['default', ['<rootDir>/test/summary-reporter.js', {}]],
};
