#!/usr/bin/env bash
# Runs one benchmark: bench/run.sh NAME [ARGS...], e.g. bench/run.sh RegistryBench
# Builds what it needs (no tests), then runs io.cogentx.bench.NAME on a Java 21+ JVM.
# Each benchmark writes bench/results/<name>.json (--name=NAME chooses the name; -Dbench.results=DIR in
# BENCH_JAVA_OPTS the folder) with the commit, this command line and the machine, and prints a one-line
# summary. The protocol the benchmarks follow, and how to regenerate each file: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source ./scripts/java-env.sh
name=${1:?usage: bench/run.sh NAME [ARGS...]}
shift
# The command as typed, with the settings that change what is measured, for the results file.
command=""
for v in BENCH_JAVA_OPTS PDF_EXTRACT_THREADS VECTOR_BACKEND EMBEDDING_MODEL_NAME EMBEDDING_THREADS \
  EMBEDDING_WORKERS EMBEDDING_BATCH_SIZE EMBEDDING_QUERY_ENCODER; do
  if [ -n "${!v:-}" ]; then command+="$v=$(printf '%q' "${!v}") "; fi
done
command+="bench/run.sh $(printf '%q' "$name")"
for arg in "$@"; do command+=" $(printf '%q' "$arg")"; done
# Built in one reactor, so the classpath points at this checkout's module jars (nothing goes to ~/.m2).
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  mvn -B -q -pl bench -am package dependency:build-classpath -DskipTests -DskipITs -Dspotless.check.skip=true \
    -DincludeScope=runtime -Dmdep.outputFile=target/bench.classpath >/dev/null
fi
# The class path goes into a manifest-only jar: with a java.class.path longer than about 4 KB the JVM dies with
# SIGSEGV (no hs_err file) while the tokenizer's native library loads (DJL 0.38 on this machine).
pathing_jar=bench/target/bench-classpath.jar
if [ ! -f "$pathing_jar" ] || [ bench/target/bench.classpath -nt "$pathing_jar" ]; then
  manifest=$(mktemp)
  {
    echo "Manifest-Version: 1.0"
    printf 'Class-Path:'
    for entry in "$PWD/bench/target/classes/" $(tr ':' ' ' < bench/target/bench.classpath); do
      printf ' \n file:%s' "$entry"
    done
    echo
  } > "$manifest"
  "$JAVA_HOME/bin/jar" --create --file "$pathing_jar" --manifest "$manifest"
  rm -f "$manifest"
fi
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx4g} --enable-native-access=ALL-UNNAMED \
  "-Dbench.command=$command" -cp "$pathing_jar" "io.cogentx.bench.$name" "$@"
