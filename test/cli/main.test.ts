import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Annotations, Stack, Stage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { addAspect, ConsumerStack, consumerFunction, layerSource, newApp, ProducerStack } from '../helpers/apps';
import { runCli } from '../helpers/cli';
import { FindingLevel } from '../../src';

/** Run `body` without letting it print to stderr (the aspect prints findings no top-level stack shows). */
function withStderrSilenced<T>(body: () => T): T {
  const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return body();
  } finally {
    write.mockRestore();
  }
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cls-cli-'));

describe('cdk-layer-sync fingerprint', () => {
  test('prints a 64-hex fingerprint that follows the directory, not its location', () => {
    const dir = layerSource('A = 1\n');
    const copy = path.join(tmp(), 'copy');
    fs.cpSync(dir, copy, { recursive: true });
    const first = runCli(['fingerprint', dir]);
    expect(first.status).toBe(0);
    expect(first.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(runCli(['fingerprint', copy]).stdout).toBe(first.stdout);
    fs.appendFileSync(path.join(copy, 'python', 'shared.py'), 'B = 2\n');
    expect(runCli(['fingerprint', copy]).stdout).not.toBe(first.stdout);
  });

  test('--exclude adds patterns', () => {
    const dir = layerSource();
    const before = runCli(['fingerprint', dir, '--exclude', '**/*.md']).stdout;
    fs.writeFileSync(path.join(dir, 'NOTES.md'), 'x');
    expect(runCli(['fingerprint', dir, '--exclude', '**/*.md']).stdout).toBe(before);
    expect(runCli(['fingerprint', dir]).stdout).not.toBe(before);
  });

  test('a missing directory exits 2 naming it', () => {
    const result = runCli(['fingerprint', '/no/such/layer']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe("cdk-layer-sync fingerprint: LayerFingerprint.ofDirectory: directory '/no/such/layer' does not exist");
  });
});

describe('cdk-layer-sync registry add', () => {
  test('creates the lock file, then updates the entry', () => {
    const root = tmp();
    const dir = path.join(root, 'layers', 'tools');
    fs.cpSync(layerSource(), dir, { recursive: true });
    const lock = path.join(root, 'layers.lock.json');

    const created = runCli(['registry', 'add', lock, '--parameter', '/tools', '--dir', dir, '--region', 'eu-west-1'], root);
    expect(created.status).toBe(0);
    const first = JSON.parse(fs.readFileSync(lock, 'utf-8'));
    expect(first).toEqual({ version: 1, layers: [{ fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), parameterName: '/tools', region: 'eu-west-1', source: 'layers/tools' }] });
    expect(created.stdout).toContain(`/tools: ${first.layers[0].fingerprint}`);

    fs.appendFileSync(path.join(dir, 'python', 'shared.py'), 'NEW = 1\n');
    expect(runCli(['registry', 'add', lock, '--parameter', '/tools', '--dir', dir, '--region', 'eu-west-1'], root).status).toBe(0);
    const second = JSON.parse(fs.readFileSync(lock, 'utf-8'));
    expect(second.layers).toHaveLength(1);
    expect(second.layers[0].fingerprint).not.toBe(first.layers[0].fingerprint);
  });

  test('missing options exit 2', () => {
    const result = runCli(['registry', 'add', path.join(tmp(), 'x.json'), '--parameter', '/a']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--parameter NAME and --dir DIR are required');
  });

  test('a broken lock file is reported, not overwritten', () => {
    const lock = path.join(tmp(), 'layers.lock.json');
    fs.writeFileSync(lock, '{ broken');
    const result = runCli(['registry', 'add', lock, '--parameter', '/a', '--dir', layerSource()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`layer registry file '${lock}' is not valid JSON`);
    expect(fs.readFileSync(lock, 'utf-8')).toBe('{ broken');
  });
});

describe('cdk-layer-sync check', () => {
  function synth(withOrphan: boolean): string {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    new ConsumerStack(app, 'Consumer');
    if (withOrphan) {
      new ConsumerStack(app, 'Orphan', { parameterName: '/nobody/makes/this' });
    }
    addAspect(app);
    return app.synth().directory;
  }

  test('exits 0 and prints the table when every consumer is followed', () => {
    const result = runCli(['check', synth(false)]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^STACK\s+FUNCTION\s+LAYER SOURCE\s+FINGERPRINT\s+STATUS$/);
    expect(lines[1]).toMatch(/^Consumer\s+Consumer\/Consumer\s+SSM parameter '\/platform\/layers\/common\/arn'\s+[0-9a-f]{12}\s+tracked$/);
  });

  test('exits 1 when a consumer is unhashed', () => {
    const result = runCli(['check', synth(true)]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/Orphan\s+Orphan\/Consumer\s+SSM parameter '\/nobody\/makes\/this'\s+-\s+unhashed/);
    expect(result.stdout).toContain('1 problem(s)');
  });

  test('exits 1 when a followed consumer\'s template lacks its fingerprint (the invariant, from the assembly alone)', () => {
    const dir = synth(false);
    const template = path.join(dir, 'Consumer.template.json');
    fs.writeFileSync(template, fs.readFileSync(template, 'utf-8').replace(/ ?\[layer-sync [0-9a-f]{12}\]/, ''));
    const result = runCli(['check', dir]);
    expect(result.status).toBe(1);
    expect(result.stdout)
      .toMatch(/fingerprint not in the template: Consumer\/Consumer \(stack Consumer\) follows [0-9a-f]{12} according to the report/);
    expect(result.stdout).toContain('1 problem(s)');
  });

  test('an AWS-managed layer by literal ARN is literal-arn, not local, and passes (a new version is a new ARN in the template)', () => {
    const app = newApp();
    const stack = new Stack(app, 'Managed');
    const arn = 'arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-x86_64:7';
    consumerFunction(stack, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(stack, 'Powertools', arn)]);
    addAspect(app);
    const result = runCli(['check', app.synth().directory, '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).consumers).toEqual([expect.objectContaining({ function: 'Managed/Fn', source: `literal ARN ${arn}`, status: 'literal-arn' })]);
  });

  test('--json for machines', () => {
    const result = runCli(['check', synth(true), '--json']);
    expect(result.status).toBe(1);
    const data = JSON.parse(result.stdout);
    expect(data.ok).toBe(false);
    expect(data.consumers.map((c: any) => c.status).sort()).toEqual(['tracked', 'unhashed']);
  });

  test('a consumer whose warning the app acknowledged passes check (as cdk synth --strict does), and fails with --include-acknowledged', () => {
    const app = newApp();
    new ProducerStack(app, 'Producer');
    const orphan = new ConsumerStack(app, 'Orphan', { parameterName: '/nobody/makes/this' });
    Annotations.of(orphan.fn).acknowledgeWarning('cdk-layer-sync:UnhashedConsumer', 'another team\'s layer, pinned on purpose');
    addAspect(app);
    const dir = app.synth().directory;
    const passed = runCli(['check', dir]);
    expect(passed.status).toBe(0);
    expect(passed.stdout).toMatch(/Orphan\s+Orphan\/Consumer\s+SSM parameter '\/nobody\/makes\/this'\s+-\s+unhashed \(acknowledged\)/);
    expect(passed.stdout).toContain('1 not followed but acknowledged (--include-acknowledged counts them)');
    const json = JSON.parse(runCli(['check', dir, '--json']).stdout);
    expect(json).toMatchObject({ ok: true, acknowledged: 1 });
    expect(json.consumers.find((c: { stack: string }) => c.stack === 'Orphan')).toMatchObject({ status: 'unhashed', acknowledged: true });
    const strict = runCli(['check', dir, '--include-acknowledged']);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('1 problem(s)');
  });

  test('defaults to ./cdk.out', () => {
    const cwd = tmp();
    fs.cpSync(synth(false), path.join(cwd, 'cdk.out'), { recursive: true });
    expect(runCli(['check'], cwd).status).toBe(0);
  });

  test.each([
    ['a missing assembly', () => path.join(tmp(), 'cdk.out'), /no cloud assembly at '.*cdk\.out'; run `cdk synth` first/],
    ['a directory that is not an assembly', () => tmp(), /is not a cloud assembly \(no manifest\.json file\)/],
    ['an assembly without the report', () => {
      const app = newApp();
      new ProducerStack(app, 'P');
      return app.synth().directory;
    }, /has no layer-dependencies\.json; add the aspect to the app/],
  ])('%s exits 2 with a helpful error', (_what, dir, message) => {
    const result = runCli(['check', dir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('a finding of the app that no layer shows: a Stage left without the aspect, at level WARNING', () => {
  function uncoveredStageApp(acknowledge: boolean): string {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    new ProducerStack(stage, 'Layers');
    new ConsumerStack(stage, 'Svc');
    if (acknowledge) {
      Annotations.of(stage).acknowledgeWarning('cdk-layer-sync:StageNotCovered', 'Prod is torn down and rebuilt every night');
    }
    addAspect(app, { stageNotCovered: FindingLevel.WARNING });
    return withStderrSilenced(() => app.synth().directory);
  }

  test('check fails as cdk synth --strict would, naming the finding, where and why', () => {
    const result = runCli(['check', uncoveredStageApp(false)]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('finding [WARNING] cdk-layer-sync:StageNotCovered at Prod: Stage Prod was synthesized without LayerDependencyAspect');
    expect(result.stdout).toContain('1 problem(s)');
    expect(JSON.parse(runCli(['check', uncoveredStageApp(false), '--json']).stdout)).toEqual(expect.objectContaining({
      ok: false, findings: [expect.objectContaining({ id: 'cdk-layer-sync:StageNotCovered', level: 'WARNING', path: 'Prod', fails: true })],
    }));
  });

  test('acknowledged on the Stage: check shows it and passes, and fails with --include-acknowledged', () => {
    const assembly = uncoveredStageApp(true);
    const result = runCli(['check', assembly]);
    expect(result.stdout).toContain('finding [WARNING, acknowledged] cdk-layer-sync:StageNotCovered at Prod');
    expect(result.status).toBe(0);
    expect(runCli(['check', assembly, '--include-acknowledged']).status).toBe(1);
  });

  test('graph draws it as a finding of the app, and diff lists it', () => {
    const assembly = uncoveredStageApp(false);
    const graph = JSON.parse(runCli(['graph', assembly, '--format', 'json']).stdout);
    expect(graph.nodes.filter((n: { kind: string }) => n.kind === 'finding').map((n: { label: string[] }) => n.label))
      .toEqual([['WARNING: StageNotCovered', 'Prod']]);
    const diff = runCli(['diff', assembly, assembly]);
    expect(diff.stdout).toContain('Findings of the app: 1\n  [WARNING] cdk-layer-sync:StageNotCovered at Prod');
  });
});

describe('cdk-layer-sync graph', () => {
  test('--lock FILE alone, where there is no cdk.out, draws the lock file\'s producers', () => {
    const cwd = tmp();
    const lock = path.join(cwd, 'layers.lock.json');
    fs.writeFileSync(lock, JSON.stringify({ version: 1, layers: [{ parameterName: '/platform/tools', fingerprint: 'a'.repeat(64) }] }));
    const result = runCli(['graph', '--lock', lock, '--format', 'json'], cwd);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.stringify(JSON.parse(result.stdout))).toContain('/platform/tools');
  });

  test('a bad lock file is reported before a missing assembly', () => {
    const cwd = tmp();
    const lock = path.join(cwd, 'layers.lock.json');
    fs.writeFileSync(lock, 'not json');
    const result = runCli(['graph', path.join(cwd, 'cdk.out'), '--lock', lock], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('layers.lock.json');
  });
});

describe('usage', () => {
  test('--help prints the commands', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('registry add <lockfile>');
  });
  test('an unknown command exits 2', () => {
    const result = runCli(['deploy']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'deploy'");
  });
  test('an unknown option exits 2 naming the command', () => {
    const result = runCli(['fingerprint', '--bogus', 'x']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^cdk-layer-sync fingerprint: Unknown option '--bogus'/);
    expect(result.stderr).not.toContain('did you mean');
  });
  test('--version prints the package\'s version', () => {
    const result = runCli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8')).version);
  });
  test.each(['fingerprint', 'registry', 'check', 'diff', 'graph', 'audit'])('%s --help prints that command\'s help and exits 0', (command) => {
    const result = runCli([command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith(`Usage: cdk-layer-sync ${command}`)).toBe(true);
    expect(result.stdout).not.toContain('Commands:');
  });
  test('an option that takes one value, given twice, exits 2 instead of keeping the last in silence', () => {
    const result = runCli(['check', 'cdk.out', '--json', '--json']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('cdk-layer-sync check: --json given twice; it takes one value');
    const dir = layerSource();
    expect(runCli(['fingerprint', dir, '--exclude', '*.md', '--exclude', '*.txt']).status).toBe(0);
  });
  test('a mistyped command or option gets the nearest one suggested', () => {
    const command = runCli(['chek']);
    expect(command.status).toBe(2);
    expect(command.stderr).toContain("cdk-layer-sync: unknown command 'chek'; did you mean 'check'?");
    // Two letters swapped, the commonest typo, are one edit.
    expect(runCli(['audti']).stderr).toContain("cdk-layer-sync: unknown command 'audti'; did you mean 'audit'?");
    const option = runCli(['check', '--jsn']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("Unknown option '--jsn'");
    expect(option.stderr).toContain("(did you mean '--json'?)");
  });
});

describe('diff and graph show an acknowledged finding as acknowledged, and diff does not fail on it', () => {
  /** A layer app whose one other consumer reads the layer through a cached lookup, acknowledged or not. */
  function synth(layerContent: string, acknowledge: boolean): string {
    const env = { account: '111111111111', region: 'eu-west-1' };
    const parameter = '/platform/layers/common/arn';
    const app = newApp({ context: { [`ssm:account=111111111111:parameterName=${parameter}:region=eu-west-1`]: 'arn:aws:lambda:eu-west-1:111111111111:layer:common:2' } });
    new ProducerStack(app, 'Layers', { env, source: layerSource(layerContent) });
    const cached = new Stack(app, 'Cached', { env });
    const fn = consumerFunction(cached, 'Fn', [lambda.LayerVersion.fromLayerVersionArn(cached, 'L', ssm.StringParameter.valueFromLookup(cached, parameter))]);
    if (acknowledge) {
      Annotations.of(fn).acknowledgeWarning('cdk-layer-sync:CachedLayerLookup', 'we reset the context on every release');
    }
    addAspect(app);
    return app.synth().directory;
  }

  test('acknowledged: diff shows it and exits 0 with --fail-on-not-following; 1 with --include-acknowledged too', () => {
    const [before, after] = [synth('V = 1\n', true), synth('V = 2\n', true)];
    const shown = runCli(['diff', before, after, '--fail-on-not-following']);
    expect(shown.stdout).toContain('cdk-layer-sync:CachedLayerLookup (acknowledged)');
    expect(shown.status).toBe(0);
    expect(runCli(['diff', before, after, '--fail-on-not-following', '--include-acknowledged']).status).toBe(1);
    const graph = runCli(['graph', after, '--format', 'json']);
    expect(graph.stdout).toContain('CachedLayerLookup (acknowledged)');
  });

  test('not acknowledged: diff --fail-on-not-following exits 1, and nothing says acknowledged', () => {
    const result = runCli(['diff', synth('V = 1\n', false), synth('V = 2\n', false), '--fail-on-not-following']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('cdk-layer-sync:CachedLayerLookup');
    expect(result.stdout).not.toContain('acknowledged');
  });
});
