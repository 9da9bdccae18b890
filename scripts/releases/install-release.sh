#!/usr/bin/env bash
# Installs one aws-cdk-lib release, with the newest constructs 10 it accepts, into .releases/<version>/ (idempotent,
# from the npm registry), for the release sweep (`npm run test:releases`). Prints the directory.
# Usage: scripts/releases/install-release.sh 2.180.0
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${1:?usage: install-release.sh VERSION (an aws-cdk-lib release, e.g. 2.180.0)}"
if ! [[ "${version}" =~ ^2\.[0-9]+\.[0-9]+$ ]]; then
  echo "install-release.sh: '${version}' is not an aws-cdk-lib 2.x release number (expected e.g. 2.180.0)" >&2
  exit 2
fi
target=".releases/${version}"
if [ ! -f "${target}/node_modules/aws-cdk-lib/package.json" ]; then
  staging="$(mktemp -d ".releases.${version}.XXXXXX")"
  echo '{"name":"release-sweep","private":true}' >"${staging}/package.json"
  npm install --prefix "${staging}" --no-audit --no-fund --ignore-scripts --loglevel=error \
    "aws-cdk-lib@${version}" "constructs@^10.0.0" >&2
  mkdir -p .releases
  rm -rf "${target}"
  mv "${staging}" "${target}"
fi
echo "$(pwd)/${target}"
