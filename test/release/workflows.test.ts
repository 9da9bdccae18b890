// The release workflow cannot run here (it publishes to npm, PyPI, Maven Central and GitHub): actionlint, the
// GitHub Actions linter, checks it and every other workflow of the repository, and the jobs are held to what
// `npm run package` writes.
import * as fs from 'fs';
import * as path from 'path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createLinter } = require('actionlint') as { createLinter(): Promise<(input: string, file: string) => Array<{ line: number; message: string; kind: string }>> };

const ROOT = path.join(__dirname, '..', '..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

describe('GitHub workflows', () => {
  let lint: (input: string, file: string) => Array<{ line: number; message: string; kind: string }>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  test.each(fs.readdirSync(WORKFLOWS).filter(f => /\.ya?ml$/.test(f)))('%s passes actionlint', file => {
    const problems = lint(fs.readFileSync(path.join(WORKFLOWS, file), 'utf-8'), file);
    expect(problems.map(p => `${file}:${p.line}: ${p.message} [${p.kind}]`)).toEqual([]);
  });

  test('the linter finds what is wrong in a broken workflow (it is not a no-op)', () => {
    const broken = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nosuchthing }}\n      - uses: actions/checkout@v4\n        with: { fetch-depth: 0 }\n        timeout: 5\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });

  test('the release workflow publishes each folder npm run package writes, with publib', () => {
    const release = fs.readFileSync(path.join(WORKFLOWS, 'release.yml'), 'utf-8');
    expect(release).toContain('run: npm run package');
    for (const tool of ['publib-npm', 'publib-pypi', 'publib-maven', 'publib-golang']) {
      expect(release).toContain(`npx -p publib@0.2 ${tool}`);
    }
    const packageScript = fs.readFileSync(path.join(ROOT, 'scripts', 'package.sh'), 'utf-8');
    expect(packageScript).toContain('--targets js python java go');
  });
});
