// npm run bench: the speed goals of the project, measured. BENCH_ROUNDS sets the rounds (default 5).
import { benchDirectoryFingerprint } from './bench/directory-fingerprint';
import { benchStageCost, benchSynthesisOverhead } from './bench/synthesis-overhead';

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const synthesis = benchSynthesisOverhead(rounds);
console.log('');
const stages = benchStageCost(Math.min(rounds, 3));
console.log('');
const directory = benchDirectoryFingerprint(rounds);
console.log('');
console.log(`summary: synthesis overhead ${synthesis.cpuOverheadPercent.toFixed(1)}% cpu (goal < 5%), `
  + `${synthesis.overheadPercent.toFixed(1)}% wall clock, the aspect's own visits ${synthesis.aspectSharePercent.toFixed(1)}%; `
  + `ofDirectory / FileSystem.fingerprint = ${directory.ratioCold.toFixed(2)} cold (goal <= 0.80), `
  + `${directory.ratioWarm.toFixed(2)} warm, both from their caches (goal <= 1.00); an app in a Stage costs ${stages.ratio.toFixed(2)}x with the aspect`);
