#!/usr/bin/env bash
# `npm test`: jest (both aws-cdk-lib releases and the cdk-nag majors, see jest.config.js, and the deploy suite
# against the emulator), the emulator's own gap tests (scripts/emulator-tests.sh), then the Python tests
# (scripts/python-tests.sh), then the Node.js-dependent part of the jest suite on Node 22 and 24
# (scripts/node-range-tests.sh), then the release sweep on one release between the floor and the newest, a different
# one each day (scripts/releases/sweep.js --rotating; `npm run test:releases` sweeps them all).
# Ends with one line `N passed, N failed`: the sum over every run.
# With arguments (`npm test -- test/some.test.ts`), runs only jest with them.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then
  exec npx jest "$@"
fi
log="$(mktemp)"
npx jest 2>&1 | tee "${log}"
jest_status=${PIPESTATUS[0]}
bash scripts/emulator-tests.sh 2>&1 | tee -a "${log}"
emulator_status=${PIPESTATUS[0]}
bash scripts/python-tests.sh 2>&1 | tee -a "${log}"
python_status=${PIPESTATUS[0]}
bash scripts/node-range-tests.sh 2>&1 | tee -a "${log}"
node_range_status=${PIPESTATUS[0]}
node scripts/releases/sweep.js --rotating 2>&1 | tee -a "${log}"
releases_status=${PIPESTATUS[0]}

# The first such line is the whole jest run's; the Node 22 and 24 runs print theirs after it.
jest_line="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "${log}" | head -n 1)"
node_range_line="$(grep -E '^node-range: [0-9]+ passed, [0-9]+ failed$' "${log}" | tail -n 1)"
python_line="$(grep -E '^python: [0-9]+ passed, [0-9]+ failed$' "${log}" | tail -n 1)"
emulator_line="$(grep -E '^emulator: [0-9]+ passed, [0-9]+ failed$' "${log}" | tail -n 1)"
releases_line="$(grep -E '^releases: [0-9]+ passed, [0-9]+ failed$' "${log}" | tail -n 1)"
rm -f "${log}"
read -r jp _ jf _ <<<"${jest_line:-0 passed, 1 failed}"
read -r _ pp _ pf _ <<<"${python_line:-python: 0 passed, 1 failed}"
read -r _ np _ nf _ <<<"${node_range_line:-node-range: 0 passed, 1 failed}"
read -r _ ep _ ef _ <<<"${emulator_line:-emulator: 0 passed, 1 failed}"
read -r _ rp _ rf _ <<<"${releases_line:-releases: 0 passed, 1 failed}"
echo "jest: ${jest_line:-no result line}"
echo "${emulator_line:-emulator: no result line}"
echo "${python_line:-python: no result line}"
echo "${node_range_line:-node-range: no result line}"
echo "${releases_line:-releases: no result line}"
echo "$((jp + ep + pp + np + rp)) passed, $((jf + ef + pf + nf + rf)) failed"
[ "${jest_status}" -eq 0 ] && [ "${emulator_status}" -eq 0 ] && [ "${python_status}" -eq 0 ] && [ "${node_range_status}" -eq 0 ] \
  && [ "${releases_status}" -eq 0 ]
