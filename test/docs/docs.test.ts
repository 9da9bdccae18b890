// The README is the short user's document; the reference and the recipes live in docs/, each page linked from it.
// These tests keep both true: the README's length, every relative link, and that each prop, finding and CLI flag is
// documented where the README's table says it is.
import * as fs from 'fs';
import * as path from 'path';
import { USAGE } from '../../src/cli/usage';
import { NEWEST_TESTED_CDK_RELEASE } from '../../src/cdk-internals/tested-releases';
import { LAYER_STATUSES } from '../../src/facts/layer-status';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf-8');
const README = read('README.md');
const PAGES = fs.readdirSync(path.join(ROOT, 'docs')).filter(f => f.endsWith('.md')).map(f => `docs/${f}`);

/** GitHub's anchor of a heading. */
function anchor(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  return new Set([...read(file).matchAll(/^#{1,6} (.*)$/gm)].map(m => anchor(m[1])));
}

test('the README is at most 150 lines', () => {
  expect(README.split('\n').length).toBeLessThanOrEqual(150);
});

test('every docs page is linked from the README', () => {
  for (const page of PAGES) {
    expect(README).toContain(`](${page}`);
  }
});

describe.each(['README.md', ...PAGES])('%s', (file) => {
  test('every relative link resolves to a file, and every anchor to a heading of it', () => {
    const broken: string[] = [];
    for (const [, target] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:)/.test(target)) {
        continue;
      }
      const [relative, hash] = target.split('#');
      const resolved = relative ? path.normalize(path.join(path.dirname(file), relative)) : file;
      if (!fs.existsSync(path.join(ROOT, resolved))) {
        broken.push(`${target}: no file ${resolved}`);
      } else if (hash && resolved.endsWith('.md') && !anchorsOf(resolved).has(hash)) {
        broken.push(`${target}: no heading #${hash} in ${resolved}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

test('every prop of LayerDependencyAspectProps is documented in docs/options.md', () => {
  const props = [...read('src/aspect/layer-dependency-aspect-props.ts').matchAll(/^ {2}readonly (\w+)\?:/gm)].map(m => m[1]);
  expect(props.length).toBeGreaterThan(10);
  const options = read('docs/options.md');
  expect(props.filter(p => !options.includes(`\`${p}\``))).toEqual([]);
});

test('docs/cli.md names every layer status a report can hold', () => {
  const page = read('docs/cli.md');
  expect(LAYER_STATUSES.filter(status => !page.includes(`\`${status}\``))).toEqual([]);
});

test('docs/cli.md shows the help as the CLI prints it, so every command and flag is documented there', () => {
  const page = read('docs/cli.md');
  const block = /```\n(Usage: cdk-layer-sync[\s\S]*?)```/.exec(page)?.[1];
  expect(block).toBe(USAGE);
  const flags = new Set([...USAGE.matchAll(/--[a-z][a-z-]+/g)].map(m => m[0]));
  expect(flags.size).toBeGreaterThan(15);
});

test('the tested releases (docs/releases.md, one line of it in the README): every release the sweep covers, from the floor to the newest, each supported', () => {
  const { releases } = JSON.parse(read('scripts/releases/releases.json')) as { releases: string[] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const floor: string = require('aws-cdk-lib-floor/package.json').version;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const newest: string = require('aws-cdk-lib/package.json').version;
  expect(releases.length).toBeGreaterThanOrEqual(12);
  expect(releases[0]).toBe(floor);
  expect(releases).toContain(newest);
  expect(releases[releases.length - 1]).toBe(NEWEST_TESTED_CDK_RELEASE);
  const page = read('docs/releases.md');
  const block = page.slice(page.indexOf('<!-- release-sweep:start -->'), page.indexOf('<!-- release-sweep:end -->'));
  const rows = [...block.matchAll(/^\| (2\.\d+\.\d+) \|.*\| (supported|\*\*fails\*\*) \|$/gm)].map(m => [m[1], m[2]]);
  expect(rows).toEqual(releases.map(release => [release, 'supported']));
  expect(block).toMatch(/Swept on \d{4}-\d{2}-\d{2}/);
  expect(README).toContain(`every \`npm test\` runs on ${newest} and the floor`);
  expect(README).toContain(`the sweep reaches ${NEWEST_TESTED_CDK_RELEASE}`);
});
