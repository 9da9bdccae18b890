#!/usr/bin/env bash
# `npm run package`: the release artifacts, all from the one jsii build (`npm run build` first), as projen-made
# construct libraries have them:
#   dist/js      the npm tarball (what `npm publish` uploads)
#   dist/python  the wheel and the sdist (PyPI), with the examples jsii-rosetta translated to Python
#   dist/java    the Maven artifact (a local Maven repository: jar, sources, javadoc, pom)
#   dist/go      the Go module
# Each carries the LICENSE and the README. jsii-pacmak builds the Java artifact with Maven (aws-cdk-lib's Java
# artifact comes from Maven Central). With CLS_GO_BUILD=1 the Go module is also built with `go build`, against
# aws-cdk-go from the Go proxy (a cold module cache downloads and compiles all of aws-cdk-go: not part of CI).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .jsii ] || { echo "npm run package: no .jsii here; run npm run build first" >&2; exit 2; }
npm run --silent docs:rosetta
rm -rf dist/js dist/python dist/java dist/go
npx jsii-pacmak --targets js python java go --outdir dist \
  --rosetta-tablet .jsii.tabl.json --rosetta-unknown-snippets fail "$@"
for lang in js python java go; do
  [ -n "$(ls -A "dist/${lang}" 2>/dev/null)" ] || { echo "npm run package: dist/${lang} is empty" >&2; exit 1; }
done
if [ "${CLS_GO_BUILD:-0}" = "1" ]; then
  work="$(mktemp -d)"
  cp -r dist/go/cdklayersync "${work}/"
  (cd "${work}/cdklayersync" && go mod tidy && go build ./...) || { echo "npm run package: the Go module does not build" >&2; exit 1; }
  rm -rf "${work}"
  echo "dist/go: go build passed"
fi
ls -1 dist/js dist/python dist/java dist/go
