// npm run bench: the speed goals of the project, measured. BENCH_ROUNDS sets the rounds (default 5).
import { benchSynthesisOverhead } from './bench/synthesis-overhead';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
benchSynthesisOverhead(rounds);
