#!/usr/bin/env node
// `npm run test:releases`: installs each aws-cdk-lib release of releases.json side by side (install-release.sh) and
// runs, on each, the canary and simulated-change tests of every CDK internal the library reads (test/cdk-internals),
// the end-to-end synthesis of the main example (test/e2e/cross-stack-layers.test.ts) and the corpus of app shapes
// (test/e2e/app-shapes.test.ts, test/e2e/pipeline-top-level-stacks.test.ts), through the jest project CDK_LIB=release. Prints a table and ends with `releases: N passed, N failed` (tests, summed).
//
//   node scripts/releases/sweep.js                 every release of releases.json
//   node scripts/releases/sweep.js 2.200.0 2.250.0 those releases
//   node scripts/releases/sweep.js --rotating      one release other than the floor and the aws-cdk-lib
//                                                  devDependency, a different one each day (what `npm test` runs;
//                                                  those two run in every jest run anyway)
//   node scripts/releases/sweep.js --newest        the newest aws-cdk-lib the npm registry serves (dist-tag latest),
//                                                  as the weekly workflow runs it; --dry-run only names it
//   node scripts/releases/sweep.js --write-table   also writes the table into docs/releases.md, between its markers
// On a failure it names the CDK internal whose canary failed (src/cdk-internals/), and exits 1.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');
const { releases: ALL } = require('./releases.json');
const TABLE_PAGE = path.join(ROOT, 'docs', 'releases.md');
const START = '<!-- release-sweep:start -->';
const END = '<!-- release-sweep:end -->';

const OPTIONS = ['--rotating', '--newest', '--dry-run', '--write-table'];

function parseArguments(argv) {
  const flags = argv.filter(a => a.startsWith('--'));
  const unknown = flags.filter(f => !OPTIONS.includes(f));
  if (unknown.length > 0) {
    throw new Error(`sweep.js: unknown option ${unknown.join(', ')}; the options are ${OPTIONS.join(', ')}`);
  }
  const named = argv.filter(a => !a.startsWith('--'));
  const bad = named.filter(v => !/^2\.\d+\.\d+$/.test(v));
  if (bad.length > 0) {
    throw new Error(`sweep.js: ${bad.join(', ')} is not an aws-cdk-lib release number (expected e.g. 2.180.0)`);
  }
  let releases = named.length > 0 ? named : ALL;
  if (flags.includes('--rotating')) {
    // Every jest run covers the floor and the devDependency already.
    const covered = [require('../../node_modules/aws-cdk-lib-floor/package.json').version, require('../../package.json').devDependencies['aws-cdk-lib']];
    const middle = ALL.filter(release => !covered.includes(release));
    releases = [middle[Math.floor(Date.now() / 86400000) % middle.length]];
  }
  if (flags.includes('--newest')) {
    releases = [newestOnRegistry()];
  }
  return { releases, writeTable: flags.includes('--write-table'), dryRun: flags.includes('--dry-run') };
}

/** The release the npm registry tags `latest` for aws-cdk-lib, asked with the npm client (its configured registry). */
function newestOnRegistry() {
  const view = spawnSync('npm', ['view', 'aws-cdk-lib', 'dist-tags.latest', '--json'], { cwd: ROOT, encoding: 'utf-8', timeout: 120000 });
  let version;
  try {
    version = JSON.parse(view.stdout);
  } catch {
    version = undefined;
  }
  if (view.status !== 0 || typeof version !== 'string' || !/^2\.\d+\.\d+$/.test(version)) {
    const said = `${(view.stderr || '').trim().split('\n').slice(-2).join(' ')} ${(view.stdout || '').trim()}`.trim();
    throw new Error(`sweep.js --newest: the npm registry did not name aws-cdk-lib's newest 2.x release (npm view aws-cdk-lib `
      + `dist-tags.latest said: ${said || 'nothing'}); check the registry (npm config get registry) and try again`);
  }
  return version;
}

/** The CDK internal a canary test file guards, as its home in src/cdk-internals/ names it. */
function internalOf(testFile) {
  const source = path.join(ROOT, 'src', 'cdk-internals', path.basename(testFile).replace(/\.test\.ts$/, '.ts'));
  const name = fs.existsSync(source) ? /\bname: '((?:[^'\\]|\\.)*)'/.exec(fs.readFileSync(source, 'utf-8'))?.[1] : undefined;
  return name ? name.replace(/\\'/g, "'") : undefined;
}

/** Install one release and run the release project on it; the counts by part. */
function sweepOne(version) {
  const install = spawnSync('bash', [path.join(__dirname, 'install-release.sh'), version], { cwd: ROOT, encoding: 'utf-8' });
  if (install.status !== 0) {
    return { version, error: `install failed: ${(install.stderr || '').trim().split('\n').slice(-3).join(' ')}` };
  }
  const dir = install.stdout.trim().split('\n').pop();
  const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-sweep-')), 'results.json');
  const jest = spawnSync('npx', ['jest', '--json', '--outputFile', results], {
    cwd: ROOT, encoding: 'utf-8', env: { ...process.env, CDK_LIB: 'release', CLS_RELEASE_DIR: dir },
  });
  if (!fs.existsSync(results)) {
    return { version, error: `jest wrote no results: ${(jest.stderr || '').trim().split('\n').slice(-3).join(' ')}` };
  }
  const report = JSON.parse(fs.readFileSync(results, 'utf-8'));
  const parts = { canaries: count(), example: count(), shapes: count() };
  for (const file of report.testResults) {
    const part = file.name.includes(`${path.sep}cdk-internals${path.sep}`) ? parts.canaries
      : file.name.endsWith('cross-stack-layers.test.ts') ? parts.example : parts.shapes;
    const internal = part === parts.canaries ? internalOf(file.name) : undefined;
    const where = internal ? `${path.basename(file.name)} (the CDK internal ${internal} changed)` : path.basename(file.name);
    if (file.assertionResults.length === 0 && file.status === 'failed') {
      part.failed += 1;
      part.failures.push(`${where}: ${(file.message || '').split('\n')[0]}`);
    }
    for (const test of file.assertionResults) {
      if (test.status === 'passed') {
        part.passed += 1;
      } else if (test.status === 'failed') {
        part.failed += 1;
        part.failures.push(`${where}: ${test.fullName}`);
      } else {
        part.skipped += 1;
      }
    }
  }
  return { version, ...parts };
}

function count() {
  return { passed: 0, failed: 0, skipped: 0, failures: [] };
}

function cell(part) {
  if (!part) {
    return '-';
  }
  const skipped = part.skipped > 0 ? `, ${part.skipped} skipped (not in this release)` : '';
  return part.failed === 0 ? `${part.passed} passed${skipped}` : `**${part.failed} failed**, ${part.passed} passed${skipped}`;
}

function table(rows, date) {
  const lines = [
    `Swept on ${date} with \`npm run test:releases\` (the canary and simulated-change tests of every CDK internal read;`,
    'the end-to-end `cdk synth` of the main example, twice, with a layer change between; the corpus of app shapes):',
    '',
    '| aws-cdk-lib | CDK internals | Main example | App shapes | Result |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(r => `| ${r.version} | ${r.error ? r.error : cell(r.canaries)} | ${cell(r.example)} | ${cell(r.shapes)} | ${ok(r) ? 'supported' : '**fails**'} |`),
  ];
  return lines.join('\n');
}

function ok(row) {
  return !row.error && [row.canaries, row.example, row.shapes].every(part => part.failed === 0 && part.passed > 0);
}

function writeTable(text) {
  const file = TABLE_PAGE;
  const page = fs.readFileSync(file, 'utf-8');
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`sweep.js: ${file} has no '${START}' ... '${END}' block to write the table into`);
  }
  const updated = `${page.slice(0, start + START.length)}\n${text}\n${page.slice(end)}`;
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, updated);
  fs.renameSync(temporary, file);
}

function main() {
  const { releases, writeTable: write, dryRun } = parseArguments(process.argv.slice(2));
  if (dryRun) {
    console.log(`release sweep: would sweep aws-cdk-lib ${releases.join(', ')}`);
    return 0;
  }
  const rows = [];
  for (const version of releases) {
    process.stdout.write(`release sweep: aws-cdk-lib ${version} ... `);
    const row = sweepOne(version);
    rows.push(row);
    console.log(ok(row) ? 'supported' : 'FAILS');
    for (const failure of [...(row.canaries?.failures ?? []), ...(row.example?.failures ?? []), ...(row.shapes?.failures ?? []), ...(row.error ? [row.error] : [])]) {
      console.log(`  ${failure}`);
    }
  }
  const text = table(rows, new Date().toISOString().slice(0, 10));
  console.log(`\n${text}\n`);
  if (write) {
    writeTable(text);
    console.log(`${path.relative(ROOT, TABLE_PAGE)}: table written`);
  }
  const parts = r => [r.canaries, r.example, r.shapes];
  const passed = rows.reduce((n, r) => n + (r.error ? 0 : parts(r).reduce((m, part) => m + part.passed, 0)), 0);
  const failed = rows.reduce((n, r) => n + (r.error ? 1
    : parts(r).reduce((m, part) => m + part.failed, 0) + (ok(r) ? 0 : Number(parts(r).some(part => part.passed === 0)))), 0);
  console.log(`releases: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(error.message);
    process.exitCode = 2;
  }
} else {
  // For its tests (test/release/sweep.test.ts).
  module.exports = { internalOf };
}
