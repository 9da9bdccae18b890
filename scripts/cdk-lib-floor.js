// Loads aws-cdk-lib's oldest supported release (the `aws-cdk-lib-floor` devDependency, an npm alias) wherever
// code asks for `aws-cdk-lib`, so the tests and the cdk apps they synthesize run on the floor.
// Used as `node --require scripts/cdk-lib-floor.js` (NODE_OPTIONS) by processes the floor tests spawn;
// jest maps the module names itself (jest.config.js).
const Module = require('module');
const path = require('path');

const REPO_ROOT = path.join(__dirname, '..');
const original = Module._resolveFilename;
Module._resolveFilename = function resolveOnFloor(request, parent, ...rest) {
  if (request === 'aws-cdk-lib' || request.startsWith('aws-cdk-lib/')) {
    const floorRequest = `aws-cdk-lib-floor${request.slice('aws-cdk-lib'.length)}`;
    return original.call(this, floorRequest, parent, false, { paths: [REPO_ROOT] });
  }
  return original.call(this, request, parent, ...rest);
};
