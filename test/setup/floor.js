// Runs before each test file of the floor project: processes the tests spawn (the cdk CLI and the apps it
// synthesizes) load the floor release too.
const path = require('path');
if (process.env.CLS_NODE_OPTIONS_BEFORE === undefined) {
  process.env.CLS_NODE_OPTIONS_BEFORE = process.env.NODE_OPTIONS ?? '';
}
const hook = path.join(__dirname, '..', '..', 'scripts', 'cdk-lib-floor.js');
process.env.NODE_OPTIONS = `${process.env.CLS_NODE_OPTIONS_BEFORE} --require ${hook}`.trim();
// The persistent fingerprint cache of the processes the tests run and spawn: one of their own, not ~/.cache.
if (!process.env.CDK_LAYER_SYNC_CACHE_DIR) {
  process.env.CDK_LAYER_SYNC_CACHE_DIR = require('path').join(require('os').tmpdir(), `cls-test-cache-${process.pid}`);
}
