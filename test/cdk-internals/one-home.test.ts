// Issue 25's rule: every read of a CDK internal lives in src/cdk-internals, where it is shape-checked and a change
// becomes UnsupportedCdkRelease. This test reads the sources and fails on a read anywhere else.
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');
const HOME = path.join(SRC, 'cdk-internals');
/** This library's own jsii-internal members (`@internal`, underscore-named as jsii requires): not CDK's. */
const OWN_INTERNALS = ['_file', '_match'];
const FORBIDDEN: ReadonlyArray<{ readonly pattern: RegExp; readonly what: string }> = [
  { pattern: /\.\s*(_[A-Za-z]\w*)/g, what: 'an underscore member' },
  { pattern: /\[\s*['"](_[A-Za-z]\w*)['"]\s*\]/g, what: 'an underscore member' },
  { pattern: /Symbol\.for\(\s*['"](@aws-cdk\/[^'"]*)['"]/g, what: 'a CDK symbol' },
  { pattern: /\b(rawOverrides|_cfnProperties|tryFindChild\(\s*['"](?:Code|Stage)['"]\s*\))/g, what: 'a CDK internal' },
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Each read of a CDK internal in `text`, as `what name`. */
export function internalReads(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return FORBIDDEN.flatMap(({ pattern, what }) => [...code.matchAll(pattern)]
    .map(match => match[1])
    .filter(name => !OWN_INTERNALS.includes(name))
    .map(name => `${what} ${name}`));
}

test('no file outside src/cdk-internals reads a CDK internal', () => {
  const offenders = sourceFiles(SRC)
    .filter(file => !file.startsWith(HOME + path.sep))
    .flatMap(file => internalReads(fs.readFileSync(file, 'utf-8')).map(read => `${path.relative(SRC, file)}: ${read}`));
  expect(offenders).toEqual([]);
});

test('src/cdk-internals holds the reads it is there for', () => {
  const reads = sourceFiles(HOME).flatMap(file => internalReads(fs.readFileSync(file, 'utf-8')));
  expect(reads).toEqual(expect.arrayContaining([
    'an underscore member _toCloudFormation', 'a CDK symbol @aws-cdk/core.Acknowledgements',
    'a CDK symbol @aws-cdk/core.CustomCoupledReference', 'an underscore member _crossStackReferenceStrengthOverride',
    'an underscore member _context',
  ]));
});

test.each([
  ['(resource as any)._toCloudFormation()', ['an underscore member _toCloudFormation']],
  ['x[\'_cfnProperties\']', ['an underscore member _cfnProperties', 'a CDK internal _cfnProperties']],
  ['const s = Symbol.for(\'@aws-cdk/core.Anything\');', ['a CDK symbol @aws-cdk/core.Anything']],
  ['fn.rawOverrides?.Properties', ['a CDK internal rawOverrides']],
  ['layer.node.tryFindChild(\'Code\')', ['a CDK internal tryFindChild(\'Code\')']],
  ['registry._file; // a comment about ._toCloudFormation', []],
])('the rule finds %s', (text, expected) => {
  expect(internalReads(text)).toEqual(expected);
});
