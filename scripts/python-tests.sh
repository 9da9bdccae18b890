#!/usr/bin/env bash
# The Python tests (test/python, pytest) on each aws-cdk-lib release from PyPI that the package supports: the newest
# and the floor. Each release gets a virtual environment in .venv-test/ with aws-cdk-lib, cdk-nag of the major that
# release runs, pytest, and the wheel `npm run package:python` builds (rebuilt first when the sources are newer).
# Prints one line per release and ends with `python: N passed, N failed`, the sum.
set -uo pipefail
cd "$(dirname "$0")/.."

# aws-cdk-lib release, and the cdk-nag the pack is tested with there. 2.276.0 is not on PyPI: 2.275.0 is the newest.
RELEASES=("2.275.0 cdk-nag==3.0.2" "2.172.0 cdk-nag==2.36.8")
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

wheel() { ls dist/python/cdk_layer_sync-*-py3-none-any.whl 2>/dev/null | head -n 1; }
if [ -z "$(wheel)" ] || [ -n "$(find src package.json -newer "$(wheel)" -type f | head -n 1)" ]; then
  echo "::: python: building the wheel (npm run build && npm run package:python)"
  { npm run build && npm run package:python; } >/dev/null || { echo "::: python: the wheel could not be built"; echo "python: 0 passed, 1 failed"; exit 1; }
fi
WHEEL="$(pwd)/$(wheel)"

passed=0; failed=0; status=0
for release in "${RELEASES[@]}"; do
  read -r cdk nag <<<"${release}"
  venv=".venv-test/aws-cdk-lib-${cdk}"
  if [ ! -f "${venv}/.complete" ]; then
    rm -rf "${venv}"
    python3 -m venv "${venv}" \
      && "${venv}/bin/pip" install -q "aws-cdk-lib==${cdk}" "${WHEEL}" pytest "${nag}" \
      && touch "${venv}/.complete" \
      || { echo "::: python: could not make ${venv}"; failed=$((failed + 1)); status=1; continue; }
  fi
  # The wheel just built, over the one installed before; its requirements must still hold.
  "${venv}/bin/pip" install -q --force-reinstall --no-deps "${WHEEL}" && "${venv}/bin/pip" check >/dev/null \
    || { echo "::: python: the wheel does not install into ${venv}"; failed=$((failed + 1)); status=1; continue; }
  report="$(mktemp)"
  echo "::: python: pytest on aws-cdk-lib ${cdk} (${nag})"
  # The README's quick start runs once, in the first environment: it rebuilds the wheel and makes its own venv.
  quick_start=0; [ "${release}" = "${RELEASES[0]}" ] && quick_start=1
  (cd test/python && CLS_QUICK_START="${quick_start}" CLS_AWS_CDK_LIB="${cdk}" "../../${venv}/bin/python" -m pytest -q -p no:cacheprovider --junitxml="${report}") || status=1
  counts="$(python3 scripts/junit-counts.py "${report}")"
  read -r p f <<<"${counts}"
  echo "python (aws-cdk-lib ${cdk}): ${p} passed, ${f} failed"
  passed=$((passed + p)); failed=$((failed + f))
  rm -f "${report}"
done
echo "python: ${passed} passed, ${failed} failed"
[ "${status}" -eq 0 ] && [ "${failed}" -eq 0 ]
