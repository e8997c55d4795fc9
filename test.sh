#!/usr/bin/env bash
# Runs every test: unit tests of each module, then integration tests against a started Liberty server,
# plus the build's checks (formatting, enforcer, zero compiler warnings).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-env.sh
exec mvn -B verify "$@"
