// Synthesis overhead of the aspect on a large app: 2,000 consumer functions in 50 stacks importing
// 20 layers through SSM. Every measured synthesis runs in a fresh process, as \`cdk synth\` does: building
// many apps in one process grows the heap (CDK's token map keeps every token) and slows later rounds.
// Each round runs the app without the aspect, with it, and with it timed visit by visit (alternating the
// order of the first two); medians are compared.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const LAYERS = 20;
export const STACKS = 50;
export const FUNCTIONS_PER_STACK = 40;

const WORKER = path.join(__dirname, 'synthesis-worker.ts');

function layerDirs(): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cls-bench-layers-'));
  return Array.from({ length: LAYERS }, (_, i) => {
    const dir = path.join(root, `layer${i}`, 'python');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `shared${i}.py`), `VALUE = ${i}\n`);
    return path.dirname(dir);
  });
}

interface Timing {
  readonly wall: number;
  readonly cpu: number;
  readonly mainThreadCpu?: number;
  readonly aspectSeconds?: number;
}

/** One synthesis in a fresh Node.js process. */
function measure(dirsFile: string, mode: 'none' | 'aspect' | 'timed', stacks = STACKS, where: 'app' | 'stage' = 'app'): Timing {
  const output = execFileSync(process.execPath,
    ['--expose-gc', '-r', require.resolve('ts-node/register/transpile-only'), WORKER, dirsFile, mode, String(stacks), where],
    { encoding: 'utf-8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(output.trim().split('\n').pop()!) as Timing;
}

function dirsFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cls-bench-')), 'dirs.json');
  fs.writeFileSync(file, JSON.stringify(layerDirs()));
  return file;
}

/** Remove what `dirsFile` made: the file's directory and the layer directories' common parent. */
function removeBenchDirectories(file: string): void {
  const dirs = JSON.parse(fs.readFileSync(file, 'utf-8')) as string[];
  for (const dir of new Set([path.dirname(file), ...dirs.map(d => path.dirname(d))])) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface SynthesisBenchResult {
  /** Median wall-clock seconds with the aspect. */
  readonly withAspect: number;
  /** Median wall-clock seconds without it. */
  readonly without: number;
  /** (median with / median without - 1) of wall-clock time, in percent: includes machine noise. */
  readonly overheadPercent: number;
  /** The median of the rounds' CPU ratios (with / without), less one, in percent: the goal's figure. */
  readonly cpuOverheadPercent: number;
  /** The same on the main thread's CPU alone, where the platform reports it (Linux). */
  readonly mainThreadOverheadPercent?: number;
  /** The aspect's own time (all its visits) as a share of the synthesis without it, in percent. */
  readonly aspectSharePercent: number;
}

export function benchSynthesisOverhead(rounds: number): SynthesisBenchResult {
  const dirs = dirsFile();
  console.log(`synthesis: ${STACKS * FUNCTIONS_PER_STACK} consumer functions in ${STACKS} stacks, ${LAYERS} layers via SSM, `
    + `${rounds} rounds, alternating, each synthesis in a fresh process`);
  const without: Timing[] = [];
  const withAspect: Timing[] = [];
  const aspectTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const aspect of round % 2 === 0 ? [false, true] : [true, false]) {
      (aspect ? withAspect : without).push(measure(dirs, aspect ? 'aspect' : 'none'));
    }
    aspectTimes.push(measure(dirs, 'timed').aspectSeconds!);
    const w = withAspect[round];
    const n = without[round];
    console.log(`  round ${round + 1}: without ${n.wall.toFixed(2)} s (cpu ${n.cpu.toFixed(2)} s), `
      + `with ${w.wall.toFixed(2)} s (cpu ${w.cpu.toFixed(2)} s, ratio ${(w.cpu / n.cpu).toFixed(3)}; `
      + `the aspect's visits ${(aspectTimes[round] * 1000).toFixed(0)} ms)`);
  }
  removeBenchDirectories(dirs);
  const wallWith = median(withAspect.map(t => t.wall));
  const wallWithout = median(without.map(t => t.wall));
  const mainRatios = without.map((n, i) => mainThreadRatio(withAspect[i], n));
  const result: SynthesisBenchResult = {
    withAspect: wallWith,
    without: wallWithout,
    overheadPercent: (wallWith / wallWithout - 1) * 100,
    cpuOverheadPercent: (median(without.map((n, i) => withAspect[i].cpu / n.cpu)) - 1) * 100,
    mainThreadOverheadPercent: mainRatios.every(r => r !== undefined) ? (median(mainRatios as number[]) - 1) * 100 : undefined,
    aspectSharePercent: median(aspectTimes) / wallWithout * 100,
  };
  console.log(`  median wall: without ${wallWithout.toFixed(2)} s, with ${wallWith.toFixed(2)} s, ratio ${(wallWith / wallWithout).toFixed(3)} `
    + `(${result.overheadPercent.toFixed(1)}%, with machine noise)`);
  console.log(`  median cpu: without ${median(without.map(t => t.cpu)).toFixed(2)} s, with ${median(withAspect.map(t => t.cpu)).toFixed(2)} s; `
    + `median of the rounds' ratios: overhead ${result.cpuOverheadPercent.toFixed(1)}% (goal < 5%)`
    + (result.mainThreadOverheadPercent === undefined ? '' : `; main thread alone ${result.mainThreadOverheadPercent.toFixed(1)}%`));
  console.log(`  the aspect's own visits: ${(median(aspectTimes) * 1000).toFixed(0)} ms = ${result.aspectSharePercent.toFixed(1)}% of the synthesis`);
  return result;
}

/** Stage bench figures: medians over the rounds, of CPU seconds and of each round's with/without ratio. */
export interface StageBenchResult {
  /** Median process CPU seconds without the aspect. */
  readonly without: number;
  /** Median process CPU seconds with the aspect. */
  readonly withAspect: number;
  /** Median of the rounds' process CPU ratios (with / without): the goal's figure. */
  readonly ratio: number;
  /** Median of the rounds' main-thread CPU ratios, where the platform reports them (Linux). */
  readonly mainThreadRatio?: number;
}

/**
 * The price of covering Stages: the same app (smaller: 10 stacks) inside one Stage, with the aspect on the App and
 * in the Stage (one synthesis of the Stage, as without the aspect). Each round synthesizes both ways, in fresh
 * processes, in alternating order; the figure is the median of the rounds' ratios. Goal: at most 1.03x.
 */
export function benchStageCost(rounds: number): StageBenchResult {
  const dirs = dirsFile();
  const stacks = 10;
  console.log(`stages: ${stacks * FUNCTIONS_PER_STACK} consumer functions in ${stacks} stacks inside one Stage, ${rounds} rounds, `
    + 'alternating, each synthesis in a fresh process');
  const without: Timing[] = [];
  const withAspect: Timing[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const aspect of round % 2 === 0 ? [false, true] : [true, false]) {
      (aspect ? withAspect : without).push(measure(dirs, aspect ? 'aspect' : 'none', stacks, 'stage'));
    }
    const ratio = withAspect[round].cpu / without[round].cpu;
    const main = mainThreadRatio(withAspect[round], without[round]);
    console.log(`  round ${round + 1}: cpu without ${without[round].cpu.toFixed(2)} s, with ${withAspect[round].cpu.toFixed(2)} s, `
      + `ratio ${ratio.toFixed(3)}${main === undefined ? '' : `; main thread ${main.toFixed(3)}`}`);
  }
  removeBenchDirectories(dirs);
  const mainRatios = without.map((w, i) => mainThreadRatio(withAspect[i], w));
  const result: StageBenchResult = {
    without: median(without.map(t => t.cpu)),
    withAspect: median(withAspect.map(t => t.cpu)),
    ratio: median(without.map((w, i) => withAspect[i].cpu / w.cpu)),
    mainThreadRatio: mainRatios.every(r => r !== undefined) ? median(mainRatios as number[]) : undefined,
  };
  console.log(`  median cpu: without the aspect ${result.without.toFixed(2)} s, with it ${result.withAspect.toFixed(2)} s; `
    + `median of the rounds' ratios ${result.ratio.toFixed(3)} (goal <= 1.03)`
    + (result.mainThreadRatio === undefined ? '' : `; main thread alone ${result.mainThreadRatio.toFixed(3)}`));
  return result;
}

function mainThreadRatio(withAspect: Timing, without: Timing): number | undefined {
  return withAspect.mainThreadCpu !== undefined && without.mainThreadCpu !== undefined
    ? withAspect.mainThreadCpu / without.mainThreadCpu : undefined;
}
