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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface SynthesisBenchResult {
  readonly withAspect: number;
  readonly without: number;
  /** (median with / median without - 1) of wall-clock time, in percent: includes machine noise. */
  readonly overheadPercent: number;
  /** The same on CPU time: everything the aspect causes, without other load's noise. */
  readonly cpuOverheadPercent: number;
  /** The aspect's own time (all its visits) as a share of the synthesis without it, in percent. */
  readonly aspectSharePercent: number;
}

export function benchSynthesisOverhead(rounds: number): SynthesisBenchResult {
  const dirs = dirsFile();
  console.log(`synthesis: ${STACKS * FUNCTIONS_PER_STACK} consumer functions in ${STACKS} stacks, ${LAYERS} layers via SSM, `
    + `${rounds} rounds, each synthesis in a fresh process`);
  const withTimes: number[] = [];
  const withoutTimes: number[] = [];
  const withCpu: number[] = [];
  const withoutCpu: number[] = [];
  const aspectTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [false, true] : [true, false];
    for (const withAspect of order) {
      if (withAspect) {
        const timing = measure(dirs, 'aspect');
        withTimes.push(timing.wall);
        withCpu.push(timing.cpu);
      } else {
        const timing = measure(dirs, 'none');
        withoutTimes.push(timing.wall);
        withoutCpu.push(timing.cpu);
      }
    }
    aspectTimes.push(measure(dirs, 'timed').aspectSeconds!);
    console.log(`  round ${round + 1}: without ${withoutTimes[round].toFixed(2)} s (cpu ${withoutCpu[round].toFixed(2)} s), `
      + `with ${withTimes[round].toFixed(2)} s (cpu ${withCpu[round].toFixed(2)} s; the aspect's visits ${(aspectTimes[round] * 1000).toFixed(0)} ms)`);
  }
  const withAspect = median(withTimes);
  const without = median(withoutTimes);
  const result = {
    withAspect, without,
    overheadPercent: (withAspect / without - 1) * 100,
    cpuOverheadPercent: (median(withCpu) / median(withoutCpu) - 1) * 100,
    aspectSharePercent: median(aspectTimes) / without * 100,
  };
  console.log(`  median wall: without ${without.toFixed(2)} s, with ${withAspect.toFixed(2)} s, ratio ${(withAspect / without).toFixed(3)} `
    + `(${result.overheadPercent.toFixed(1)}%, with machine noise)`);
  console.log(`  median cpu:  without ${median(withoutCpu).toFixed(2)} s, with ${median(withCpu).toFixed(2)} s, `
    + `overhead ${result.cpuOverheadPercent.toFixed(1)}% (goal < 5%)`);
  console.log(`  the aspect's own visits: ${(median(aspectTimes) * 1000).toFixed(0)} ms = ${result.aspectSharePercent.toFixed(1)}% of the synthesis`);
  return result;
}

/**
 * The price of covering Stages: the same app (smaller: 10 stacks) inside one Stage, with the aspect on the App and
 * in the Stage (one synthesis of the Stage, as without the aspect). Goal: at most 1.03x.
 */
export function benchStageCost(rounds: number): { inApp: number; inStage: number; ratio: number } {
  const dirs = dirsFile();
  const stacks = 10;
  console.log(`stages: ${stacks * FUNCTIONS_PER_STACK} consumer functions in ${stacks} stacks inside one Stage, ${rounds} rounds`);
  const without: number[] = [];
  const withAspect: number[] = [];
  for (let round = 0; round < rounds; round++) {
    without.push(measure(dirs, 'none', stacks, 'stage').cpu);
    withAspect.push(measure(dirs, 'aspect', stacks, 'stage').cpu);
  }
  const result = { inApp: median(without), inStage: median(withAspect), ratio: median(withAspect) / median(without) };
  console.log(`  median cpu: without the aspect ${result.inApp.toFixed(2)} s, with it ${result.inStage.toFixed(2)} s, `
    + `ratio ${result.ratio.toFixed(3)} (goal <= 1.03)`);
  return result;
}
