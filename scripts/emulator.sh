#!/usr/bin/env bash
# Installs the AWS emulator the deploy suite runs (test/deploy): moto server at the version pinned in
# test/deploy/emulator/requirements.txt, from PyPI, into .venv-emulator/. Idempotent: reinstalls only when the
# requirements change. Prints the virtual environment's python on success.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements="test/deploy/emulator/requirements.txt"
venv=".venv-emulator"
stamp="$(sha256sum "${requirements}" | cut -c1-16)"
# Test files start emulators in parallel: one installs, the others wait for it.
exec 9>"${venv}.lock"
flock 9
if [ "$(cat "${venv}/.complete" 2>/dev/null)" != "${stamp}" ]; then
  rm -rf "${venv}"
  python3 -m venv "${venv}" >&2
  PIP_DISABLE_PIP_VERSION_CHECK=1 "${venv}/bin/pip" install -q -r "${requirements}" >&2
  echo "${stamp}" > "${venv}/.complete"
fi
echo "$(pwd)/${venv}/bin/python"
