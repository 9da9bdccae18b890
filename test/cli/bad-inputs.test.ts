// Bad input, as users give it: props, lock files, reports and CLI arguments, in odd paths (spaces, unicode, symlink
// loops, unreadable files, FIFOs, a file where a directory is expected). Each gives a clear error (exit 2 from the
// CLI, naming what is wrong) or the correct behaviour, never a hang or a stack trace, and no file is lost or changed.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FingerprintTarget, LayerDependencyAspect, LayerRegistry } from '../../src';
import { addAspect, ConsumerStack, layerSource, newApp, ProducerStack } from '../helpers/apps';
import { runCli } from '../helpers/cli';

/** root may read anything: unreadable files mean nothing there. */
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const GOOD_FINGERPRINT_ARGS = ['--parameter', '/team/layers/tools/arn'];

/** A fresh directory whose path has a space and non-ASCII letters, as users' home directories do. */
function oddDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cls bad input ü-'));
}

/** Every file under `dir` (links as links), with its content: what must be the same after a refused input. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isSymbolicLink()) {
        out[full] = `-> ${fs.readlinkSync(full)}`;
      } else if (entry.isDirectory()) {
        walk(full);
      } else if (entry.isFIFO()) {
        out[full] = '(fifo)';
      } else {
        out[full] = fs.readFileSync(full, 'utf-8');
      }
    }
  };
  walk(dir);
  return out;
}

function fifo(file: string): string {
  execFileSync('mkfifo', [file]);
  return file;
}

/** A layer directory with a FIFO in it, with a symbolic link loop, or a regular file instead of a directory. */
function layerWith(kind: 'fifo' | 'loop' | 'file', base: string): string {
  if (kind === 'file') {
    const file = path.join(base, 'not-a-directory.zip');
    fs.writeFileSync(file, 'x');
    return file;
  }
  const dir = path.join(base, 'layer');
  fs.mkdirSync(path.join(dir, 'python'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'python', 'shared.py'), 'A = 1\n');
  if (kind === 'fifo') {
    fifo(path.join(dir, 'python', 'pipe'));
  } else {
    fs.symlinkSync('..', path.join(dir, 'python', 'up'));
  }
  return dir;
}

interface CliCase {
  /** Build the input in `base`; the CLI arguments. */
  readonly args: (base: string) => string[];
  readonly message: RegExp;
}

const CLI_CASES: Record<string, CliCase> = {
  'registry add: a parameter name SSM rejects (an empty level)': {
    args: base => ['registry', 'add', path.join(base, 'layers.lock.json'), '--parameter', '/team//tools', '--dir', layerSource()],
    message: /\/team\/\/tools/,
  },
  'registry add: an empty --layer-name, which every lock file reader refuses': {
    args: base => ['registry', 'add', path.join(base, 'layers.lock.json'), ...GOOD_FINGERPRINT_ARGS, '--dir', layerSource(), '--layer-name', ''],
    message: /layerName of '[^']+': expected a non-empty string, or nothing, got ""/,
  },
  'registry add: an account that is not 12 digits': {
    args: base => ['registry', 'add', path.join(base, 'layers.lock.json'), ...GOOD_FINGERPRINT_ARGS, '--dir', layerSource(), '--account', '12'],
    message: /account.*12/i,
  },
  'registry add: a malformed region': {
    args: base => ['registry', 'add', path.join(base, 'layers.lock.json'), ...GOOD_FINGERPRINT_ARGS, '--dir', layerSource(), '--region', 'mars'],
    message: /region.*mars/i,
  },
  'registry add: a file where the layer directory is expected': {
    args: base => ['registry', 'add', path.join(base, 'layers.lock.json'), ...GOOD_FINGERPRINT_ARGS, '--dir', layerWith('file', base)],
    message: /not-a-directory\.zip.*not a directory|is not a directory/,
  },
  'registry add: a layer directory holding a FIFO': {
    args: base => ['registry', 'add', path.join(base, 'layers.lock.json'), ...GOOD_FINGERPRINT_ARGS, '--dir', layerWith('fifo', base)],
    message: /pipe' is not a regular file, directory or symbolic link/,
  },
  'registry add --follow-symlinks: a symbolic link loop': {
    args: base => ['registry', 'add', path.join(base, 'layers.lock.json'), ...GOOD_FINGERPRINT_ARGS, '--dir', layerWith('loop', base), '--follow-symlinks'],
    message: /symbolic link loop/,
  },
  'registry add: a lock file that is a FIFO': {
    args: base => ['registry', 'add', fifo(path.join(base, 'layers.lock.json')), ...GOOD_FINGERPRINT_ARGS, '--dir', layerSource()],
    message: /layers\.lock\.json.*not a regular file|is a directory|not a regular file/,
  },
  'registry add: a lock file that is not JSON': {
    args: base => {
      fs.writeFileSync(path.join(base, 'layers.lock.json'), '{ "version": 1, "layers": [');
      return ['registry', 'add', path.join(base, 'layers.lock.json'), ...GOOD_FINGERPRINT_ARGS, '--dir', layerSource()];
    },
    message: /layers\.lock\.json' is not valid JSON/,
  },
  'registry add: a lock file of another version': {
    args: base => {
      fs.writeFileSync(path.join(base, 'layers.lock.json'), '{ "version": 7, "layers": [] }\n');
      return ['registry', 'add', path.join(base, 'layers.lock.json'), ...GOOD_FINGERPRINT_ARGS, '--dir', layerSource()];
    },
    message: /unknown version 7/,
  },
  'registry add: a directory where the lock file is expected': {
    args: base => ['registry', 'add', base, ...GOOD_FINGERPRINT_ARGS, '--dir', layerSource()],
    message: /it is a directory; expected the path of a lock file/,
  },
  'fingerprint: a layer directory holding a FIFO': {
    args: base => ['fingerprint', layerWith('fifo', base)],
    message: /pipe' is not a regular file, directory or symbolic link/,
  },
  'fingerprint --follow-symlinks: a symbolic link loop': {
    args: base => ['fingerprint', layerWith('loop', base), '--follow-symlinks'],
    message: /symbolic link loop/,
  },
  'fingerprint: a file where the directory is expected': {
    args: base => ['fingerprint', layerWith('file', base)],
    message: /not a directory/,
  },
  'check: a file where the cloud assembly directory is expected': {
    args: base => {
      fs.writeFileSync(path.join(base, 'cdk.out'), 'x');
      return ['check', path.join(base, 'cdk.out')];
    },
    message: /is not a cloud assembly/,
  },
  'check: a manifest.json that is a directory': {
    args: base => {
      fs.mkdirSync(path.join(base, 'cdk.out', 'manifest.json'), { recursive: true });
      return ['check', path.join(base, 'cdk.out')];
    },
    message: /'.*cdk\.out' is not a cloud assembly \(no manifest\.json file\)/,
  },
  'check: a report that is a FIFO': {
    args: base => {
      const dir = path.join(base, 'cdk.out');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'manifest.json'), '{}');
      fifo(path.join(dir, 'layer-dependencies.json'));
      return ['check', dir];
    },
    message: /layer-dependencies\.json': it is not a regular file/,
  },
  'check: a report with a malformed record': {
    args: base => {
      const dir = path.join(base, 'cdk.out');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'manifest.json'), '{}');
      fs.writeFileSync(path.join(dir, 'layer-dependencies.json'), JSON.stringify({ version: 1, producers: [], consumers: [{ stack: 3 }], staleEntries: [], findings: [] }));
      return ['check', dir];
    },
    message: /consumers\[0\]/,
  },
  'diff: an unknown option': {
    args: () => ['diff', 'a', 'b', '--fail-on-everything'],
    message: /fail-on-everything/,
  },
};

describe('bad input to the CLI, in a path with spaces and unicode: exit 2, a clear message, no trace, nothing changed', () => {
  test.each(Object.entries(CLI_CASES))('%s', (_name, { args, message }) => {
    const base = oddDir();
    const argv = args(base);
    const before = snapshot(base);
    const result = runCli(argv, base);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.status).toBe(2);
    expect(snapshot(base)).toEqual(before);
  });

  (IS_ROOT ? test.skip : test)('registry add: an unreadable lock file', () => {
    const base = oddDir();
    const lock = path.join(base, 'layers.lock.json');
    fs.writeFileSync(lock, '{ "version": 1, "layers": [] }\n');
    fs.chmodSync(lock, 0o000);
    const result = runCli(['registry', 'add', lock, ...GOOD_FINGERPRINT_ARGS, '--dir', layerSource()], base);
    fs.chmodSync(lock, 0o644);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot read layer registry file/);
    expect(fs.readFileSync(lock, 'utf-8')).toBe('{ "version": 1, "layers": [] }\n');
  });
});

describe('odd paths that are fine: the correct behaviour', () => {
  test('registry add into a lock file under spaces and unicode, then an app reads it', () => {
    const base = oddDir();
    const lock = path.join(base, 'sous-répertoire', 'layers.lock.json');
    const added = runCli(['registry', 'add', lock, ...GOOD_FINGERPRINT_ARGS, '--dir', layerSource()], base);
    expect(added.status).toBe(0);
    expect(LayerRegistry.fromFile(lock).entries.map(e => e.parameterName)).toEqual(['/team/layers/tools/arn']);
  });

  test('fingerprint of a layer directory under spaces and unicode, and its symbolic links not followed by default', () => {
    const base = oddDir();
    const result = runCli(['fingerprint', layerWith('loop', base)], base);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('bad input in the library: a clear error naming it, nothing changed', () => {
  test.each([
    ['a lock file that is a FIFO', (base: string) => LayerRegistry.fromFile(path.join(base, 'pipe.lock.json')), /pipe\.lock\.json': it is not a regular file/],
    ['a lock file that is a directory', (base: string) => LayerRegistry.fromFile(base), /it is a directory; expected the path of a lock file/],
    ['a reserved environment variable name', () => new LayerDependencyAspect({ target: FingerprintTarget.ENVIRONMENT, environmentVariableName: 'AWS_LAYER' }), /starts with 'AWS_'/],
    ['a registryOutput that is a directory', (base: string) => {
      const app = newApp();
      new ProducerStack(app, 'P');
      new ConsumerStack(app, 'C');
      addAspect(app, { registryOutput: base });
      app.synth();
    }, /registryOutput: cannot write the lock file .*it is a directory/],
  ])('%s', (_name, run, message) => {
    const base = oddDir();
    fifo(path.join(base, 'pipe.lock.json'));
    const before = snapshot(base);
    expect(() => run(base)).toThrow(message);
    expect(snapshot(base)).toEqual(before);
  });
});
