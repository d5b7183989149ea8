#!/usr/bin/env bash
# Installs into the local Maven repository the two Operaton 1.0.x artifacts that motcua's Operaton
# build needs and that a registry mirror may lack (this workplace's mirror of Maven Central served
# neither operaton-bpm-assert nor operaton-spin-dataformat-json-jackson 1.0.3 on 2026-12-04, though it
# served the engine with its junit5 artifact, the starters and the BOM). Built from Operaton's own source
# at the release tag, tests skipped; Maven Central proper publishes them, so elsewhere this is not needed.
#
#   scripts/operaton/install-from-source.sh /path/to/operaton-checkout [tag, default v1.0.3]
set -euo pipefail
SRC="$1"
TAG="${2:-v1.0.3}"
MVNW="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/mvnw"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
git -C "$SRC" archive "$TAG" test-utils/assert spin/dataformat-json-jackson \
  | tar -C "$WORK" -x
(cd "$WORK/test-utils/assert" && "$MVNW" -B -q -N install -DskipTests)
for module in test-utils/assert/core spin/dataformat-json-jackson; do
  (cd "$WORK/$module" && "$MVNW" -B -q install -DskipTests -Dmaven.javadoc.skip=true)
done
echo "installed operaton-bpm-assert and operaton-spin-dataformat-json-jackson ($TAG)"
