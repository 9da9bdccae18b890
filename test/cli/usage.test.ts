import * as fs from 'fs';
import * as path from 'path';
import { USAGE } from '../../src/cli/usage';

const doc = (page: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'docs', page), 'utf-8');
const CLI_DOC = doc('cli.md');
const RECIPES = doc('recipes.md');
const OPTIONS = doc('options.md');

describe('the CLI help and the docs the README links say the same thing', () => {
  test('the persistent fingerprint cache is where both say it is', () => {
    for (const location of ['CDK_LAYER_SYNC_CACHE_DIR', '$XDG_CACHE_HOME/cdk-layer-sync/fingerprints', '~/.cache/cdk-layer-sync/fingerprints']) {
      expect(USAGE).toContain(location);
      expect(RECIPES).toContain(location);
    }
  });

  test('every command of the help is documented', () => {
    const commands = [...USAGE.matchAll(/^ {2}(fingerprint|registry add|check|diff|graph|audit)\b/gm)].map(m => m[1]);
    expect(commands).toEqual(['fingerprint', 'registry add', 'check', 'diff', 'graph', 'audit']);
    for (const command of commands) {
      expect(CLI_DOC).toContain(`cdk-layer-sync ${command}`);
    }
  });

  test('the before/after recipe for diff takes the base branch in a worktree: no stash to pop by mistake', () => {
    expect(CLI_DOC).toContain('git worktree add ../before');
    expect(CLI_DOC).not.toMatch(/git stash/);
  });

  test('one precedence rule: the app\'s own producer beats a registry entry, in the README and in the API docs', () => {
    expect(OPTIONS).toMatch(/a producer of the same parameter in the app takes precedence over its entry/);
    expect(OPTIONS).not.toMatch(/its entries take precedence/i);
    for (const file of ['src/registry/layer-registry.ts', 'src/aspect/layer-dependency-aspect-props.ts']) {
      const source = fs.readFileSync(path.join(__dirname, '..', '..', file), 'utf-8');
      expect(source).toMatch(/producer .*takes precedence over (an|its) entry/s);
      expect(source).not.toMatch(/[Ee]ntries (given here )?take precedence/);
    }
  });
});
