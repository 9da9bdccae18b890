#!/usr/bin/env bash
# The emulator's own tests (test/deploy/emulator/test_cfn_gaps.py, pytest): for each CloudFormation gap the deploy
# suite fills in moto, that the pinned moto still has it and that the patch gives CloudFormation's behaviour.
# Ends with `emulator: N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
python="$(bash scripts/emulator.sh)" || { echo "::: emulator: could not install the emulator"; echo "emulator: 0 passed, 1 failed"; exit 1; }
report="$(mktemp)"
echo "::: emulator: pytest on moto $("${python}" -c 'import moto; print(moto.__version__)') (test/deploy/emulator)"
(cd test/deploy/emulator && "${python}" -m pytest -q -p no:cacheprovider --junitxml="${report}")
status=$?
read -r p f <<<"$(python3 scripts/junit-counts.py "${report}")"
rm -f "${report}"
echo "emulator: ${p} passed, ${f} failed"
[ "${status}" -eq 0 ] && [ "${f}" -eq 0 ]
