/**
 * The suite runs twice in one jest run: on the aws-cdk-lib the repository develops against (the newest, with
 * cdk-nag 3), and on the oldest releases the peer range accepts (the `aws-cdk-lib-floor` and `constructs-floor`
 * devDependencies, with cdk-nag 2). The cdk-nag pack's tests run twice more: on cdk-nag 2 with the newest
 * aws-cdk-lib, and on cdk-nag 3 with the lowest aws-cdk-lib it works with. One closing line counts all.
 * `CDK_LIB=latest`, `floor`, `nag2` or `nag3Floor` runs one of them.
 * @type {import('jest').Config}
 */
const fs = require('fs');
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

/** Load `cdk-nag` from another installed major (an npm alias devDependency), for the pack's tests. */
function nagMapping(alias) {
  return { '^cdk-nag$': alias, '^cdk-nag/(.*)$': `${alias}/$1` };
}

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
      // cdk-nag 3 needs aws-cdk-lib 2.258: the floor runs the pack on cdk-nag 2.
      ...nagMapping('cdk-nag-v2-floor'),
    },
    // Installs its own aws-cdk-lib (an older one) from the registry: nothing to map.
    // The demo's claims do not depend on the release: it runs once, on the newest.
    // The deploy suite (test/deploy) proves deploy-time behaviour, which does not depend on the release: newest only.
    testPathIgnorePatterns: ['/node_modules/', '/test/e2e/packed-install\\.test\\.ts$', '/test/e2e/demo\\.test\\.ts$', '/test/deploy/', '/test/docs/', '/test/release/', '/test/e2e/java-example\\.test\\.ts$', '/test/e2e/go-example\\.test\\.ts$'],
  },
  // The cdk-nag pack on the other major and on the other floor (the two projects above run it on cdk-nag 3 and on
  // cdk-nag 2 at the library's floor): only the pack's own tests, which register it as each major's users do.
  nag2: {
    ...shared,
    displayName: `aws-cdk-lib ${latestVersion}, cdk-nag ${require('cdk-nag-v2/package.json').version}`,
    testMatch: ['**/test/nag/layer-sync-checks.test.ts', '**/test/nag/same-verdict.test.ts'],
    setupFiles: [path.join(__dirname, 'test', 'setup', 'latest.js')],
    moduleNameMapper: { ...nagMapping('cdk-nag-v2') },
  },
  nag3Floor: {
    ...shared,
    displayName: `aws-cdk-lib ${require('aws-cdk-lib-nag3-floor/package.json').version} (cdk-nag 3 floor), cdk-nag ${require('cdk-nag/package.json').version}`,
    testMatch: ['**/test/nag/layer-sync-checks.test.ts', '**/test/nag/same-verdict.test.ts'],
    setupFiles: [path.join(__dirname, 'test', 'setup', 'latest.js')],
    moduleNameMapper: { '^aws-cdk-lib$': 'aws-cdk-lib-nag3-floor', '^aws-cdk-lib/(.*)$': 'aws-cdk-lib-nag3-floor/$1' },
  },
};
// The release sweep (`npm run test:releases`, scripts/releases/sweep.sh): one aws-cdk-lib release installed in
// CLS_RELEASE_DIR (scripts/releases/install-release.sh) runs the canaries of every CDK internal the library reads,
// the end-to-end synthesis of the main example, and the corpus of app shapes (in process, and the pipeline app with
// top-level stacks through the real CLI). Never part of the default projects.
if (process.env.CDK_LIB === 'release') {
  const dir = process.env.CLS_RELEASE_DIR;
  if (!dir || !fs.existsSync(path.join(dir, 'node_modules', 'aws-cdk-lib', 'package.json'))) {
    throw new Error(`CDK_LIB=release needs CLS_RELEASE_DIR, a directory scripts/releases/install-release.sh made; got '${dir}'`);
  }
  const lib = path.join(dir, 'node_modules', 'aws-cdk-lib');
  const constructsDir = path.join(dir, 'node_modules', 'constructs');
  const version = require(path.join(lib, 'package.json')).version;
  // cdk-nag 3 needs aws-cdk-lib 2.258; older releases run the pack's parts on cdk-nag 2.
  const nag = Number(version.split('.')[1]) >= 258 ? {} : nagMapping('cdk-nag-v2');
  projects.release = {
    ...shared,
    displayName: `aws-cdk-lib ${version} (release sweep)`,
    testMatch: ['**/test/cdk-internals/**/*.test.ts', '**/test/e2e/cross-stack-layers.test.ts', '**/test/e2e/app-shapes.test.ts', '**/test/e2e/pipeline-top-level-stacks.test.ts'],
    setupFiles: [path.join(__dirname, 'test', 'setup', 'release.js')],
    moduleNameMapper: {
      '^aws-cdk-lib$': lib, '^aws-cdk-lib/(.*)$': `${lib}/$1`,
      '^constructs$': constructsDir, '^constructs/(.*)$': `${constructsDir}/$1`,
      ...nag,
    },
  };
}
const selected = process.env.CDK_LIB ? [projects[process.env.CDK_LIB]] : Object.values(projects);
if (selected.includes(undefined)) {
  throw new Error(`CDK_LIB must be one of ${Object.keys(projects).join(', ')}, got '${process.env.CDK_LIB}'`);
}

module.exports = {
  testTimeout: 180000,
  projects: selected,
  reporters: ['default', ['<rootDir>/test/summary-reporter.js', {}]],
};
