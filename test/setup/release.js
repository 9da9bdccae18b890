// Runs before each test file of the release sweep's project (jest.config.js, CDK_LIB=release): processes the tests
// spawn (the cdk CLI and the apps it synthesizes) load the release installed in CLS_RELEASE_DIR too.
const path = require('path');
if (process.env.CLS_NODE_OPTIONS_BEFORE === undefined) {
  process.env.CLS_NODE_OPTIONS_BEFORE = process.env.NODE_OPTIONS ?? '';
}
const modules = path.join(process.env.CLS_RELEASE_DIR, 'node_modules');
process.env.CLS_AWS_CDK_LIB_PACKAGE = path.join(modules, 'aws-cdk-lib');
process.env.CLS_CONSTRUCTS_PACKAGE = path.join(modules, 'constructs');
const hook = path.join(__dirname, '..', '..', 'scripts', 'cdk-lib-floor.js');
process.env.NODE_OPTIONS = `${process.env.CLS_NODE_OPTIONS_BEFORE} --require ${hook}`.trim();
if (!process.env.CDK_LAYER_SYNC_CACHE_DIR) {
  process.env.CDK_LAYER_SYNC_CACHE_DIR = path.join(require('os').tmpdir(), `cls-test-cache-${process.pid}`);
}
