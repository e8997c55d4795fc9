#!/usr/bin/env bash
# Runs one benchmark: bench/run.sh NAME [ARGS...], e.g. bench/run.sh RegistryBench
# Builds what it needs (no tests), then runs io.cogentx.bench.NAME on a Java 21+ JVM.
# Each benchmark writes bench/results/<name>.json and prints a one-line summary.
set -euo pipefail
cd "$(dirname "$0")/.."
source ./scripts/java-env.sh
name=${1:?usage: bench/run.sh NAME [ARGS...]}
shift
# Built in one reactor, so the classpath points at this checkout's module jars (nothing goes to ~/.m2).
mvn -B -q -pl bench -am package dependency:build-classpath -DskipTests -DskipITs -Dspotless.check.skip=true \
  -DincludeScope=runtime -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="bench/target/classes:$(cat bench/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx4g} --enable-native-access=ALL-UNNAMED \
  -cp "$cp" "io.cogentx.bench.$name" "$@"
