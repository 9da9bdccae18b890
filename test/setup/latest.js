// Runs before each test file of the latest project: a worker that ran floor tests before must not pass the
// floor on to the processes these tests spawn.
if (process.env.CLS_NODE_OPTIONS_BEFORE !== undefined) {
  process.env.NODE_OPTIONS = process.env.CLS_NODE_OPTIONS_BEFORE;
}
// The persistent fingerprint cache of the processes the tests run and spawn: one of their own, not ~/.cache.
if (!process.env.CDK_LAYER_SYNC_CACHE_DIR) {
  process.env.CDK_LAYER_SYNC_CACHE_DIR = require('path').join(require('os').tmpdir(), `cls-test-cache-${process.pid}`);
}
