// npm run bench: the speed goals of the project, measured. BENCH_ROUNDS sets the rounds (default 7).
// `npm run bench -- fingerprint` (or `synthesis`, `stages`, `audit`) runs one part.
import { AuditBenchResult, benchAudit } from './bench/audit-account';
import { benchDirectoryFingerprint, DirectoryBenchResult } from './bench/directory-fingerprint';
import { benchStageCost, benchSynthesisOverhead, StageBenchResult, SynthesisBenchResult } from './bench/synthesis-overhead';

const PARTS = ['synthesis', 'stages', 'fingerprint', 'audit'];
const asked = process.argv.slice(2);
const unknown = asked.filter(part => !PARTS.includes(part));
if (unknown.length > 0) {
  console.error(`npm run bench: unknown part ${unknown.join(', ')}; the parts are ${PARTS.join(', ')} (none given runs all)`);
  process.exit(2);
}
const runs = (part: string) => asked.length === 0 || asked.includes(part);
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);

let synthesis: SynthesisBenchResult | undefined;
let stages: StageBenchResult | undefined;
let directory: DirectoryBenchResult | undefined;
if (runs('synthesis')) {
  synthesis = benchSynthesisOverhead(rounds);
  console.log('');
}
if (runs('stages')) {
  stages = benchStageCost(rounds);
  console.log('');
}
if (runs('fingerprint')) {
  directory = benchDirectoryFingerprint(rounds);
  console.log('');
}
async function benchAuditPart(): Promise<AuditBenchResult | undefined> {
  if (!runs('audit')) {
    return undefined;
  }
  const result = await benchAudit(Number(process.env.BENCH_AUDIT_FUNCTIONS ?? 1000));
  console.log('');
  return result;
}

void benchAuditPart().then((audit) => {
const summary: string[] = [];
if (synthesis) {
  summary.push(`synthesis overhead ${synthesis.cpuOverheadPercent.toFixed(1)}% cpu (goal < 5%)`
    + (synthesis.mainThreadOverheadPercent === undefined ? '' : `, ${synthesis.mainThreadOverheadPercent.toFixed(1)}% on the main thread`)
    + `, ${synthesis.overheadPercent.toFixed(1)}% wall clock, the aspect's own visits ${synthesis.aspectSharePercent.toFixed(1)}%`);
}
if (stages) {
  summary.push(`an app in a Stage costs ${stages.ratio.toFixed(3)}x the CPU with the aspect (goal <= 1.03)`
    + (stages.mainThreadRatio === undefined ? '' : `, ${stages.mainThreadRatio.toFixed(3)}x on the main thread`));
}
if (directory) {
  summary.push(`ofDirectory / FileSystem.fingerprint = ${directory.ratioCold.toFixed(2)} cold (goal <= 0.80), `
    + `${directory.ratioWarm.toFixed(2)} warm, both from their caches (goal <= 1.00)`);
}
if (audit) {
  summary.push(`audit of ${audit.functions} functions with 2 aliases: ${audit.callsPerFunction.toFixed(2)} API calls per function `
    + `(bound 3), ${audit.seconds.toFixed(1)} s against the local emulator`);
}
console.log(`summary: ${summary.join('; ')}`);
});
