// Loads the oldest releases the peer range accepts (the `aws-cdk-lib-floor` and `constructs-floor` devDependencies,
// npm aliases) wherever code asks for `aws-cdk-lib` or `constructs`, so the tests and the cdk apps they synthesize
// run on the floor. Both are mapped, so that aws-cdk-lib and the app share one `constructs`.
// Used as `node --require scripts/cdk-lib-floor.js` (NODE_OPTIONS) by processes the floor tests spawn;
// jest maps the module names itself (jest.config.js).
const Module = require('module');
const path = require('path');

// CLS_AWS_CDK_LIB_PACKAGE and CLS_CONSTRUCTS_PACKAGE name other aliases (the package name itself: no mapping), for
// the tests that run an app on a release between the floor and the newest.
const REPO_ROOT = path.join(__dirname, '..');
const ALIASES = {
  'aws-cdk-lib': process.env.CLS_AWS_CDK_LIB_PACKAGE || 'aws-cdk-lib-floor',
  'constructs': process.env.CLS_CONSTRUCTS_PACKAGE || 'constructs-floor',
};
const FLOOR_PACKAGES = Object.keys(ALIASES).filter(name => ALIASES[name] !== name);
const original = Module._resolveFilename;
Module._resolveFilename = function resolveOnFloor(request, parent, ...rest) {
  const floored = FLOOR_PACKAGES.find(name => request === name || request.startsWith(`${name}/`));
  if (floored) {
    const floorRequest = `${ALIASES[floored]}${request.slice(floored.length)}`;
    return original.call(this, floorRequest, parent, false, { paths: [REPO_ROOT] });
  }
  return original.call(this, request, parent, ...rest);
};
