#!/usr/bin/env bash
# Fuzzes longer than the build does: bench/fuzz.sh [DURATION] [TARGETS], e.g. bench/fuzz.sh 10m or
# bench/fuzz.sh 30m PdfLoaderFuzzTest. Each Jazzer fuzz target (@FuzzTest) runs for DURATION (default 5m) in a
# JVM of its own; the build's own run gives each 2 s. Only the fuzz execution runs (no unit tests, no ITs).
# A crash fails the run and Jazzer writes the input under src/test/resources/**/<Target>Inputs/<method>/: keep
# it there (it is replayed by every later build) and fix the code.
set -euo pipefail
cd "$(dirname "$0")/.."
source ./scripts/java-env.sh
duration=${1:-5m}
targets=${2:-*FuzzTest}
exec mvn -B -pl plugins/loader-text,plugins/loader-pdf,server.pom.xml -am test -DskipITs \
  -Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest="$targets" -Dfuzz.duration="$duration" -Dfuzz.skip=false
