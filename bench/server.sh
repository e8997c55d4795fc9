#!/usr/bin/env bash
# A Cogent-X server for the benchmarks that go over HTTP (SearchLatencyBench):
#   bench/server.sh start [PORT]   builds the WAR (in the reactor, nothing installed to ~/.m2), puts it on an
#                                  Open Liberty runtime in bench/target/liberty (server "bench", the repository's
#                                  liberty/ configuration) and starts it on PORT (default 8000), waiting until ready
#   bench/server.sh stop           stops it
# Settings come from the environment as for ./run.sh (e.g. VECTOR_BACKEND); the runtime is the Open Liberty zip the
# build already downloaded into the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
source ./scripts/java-env.sh
wlp=bench/target/liberty/wlp
server=$wlp/usr/servers/bench
action=${1:?usage: bench/server.sh start [PORT] | stop}
case "$action" in
  start)
    port=${2:-8000}
    mvn -B -q -pl server.pom.xml -am package -DskipTests -DskipITs -Dspotless.check.skip=true >/dev/null
    if [ ! -x "$wlp/bin/server" ]; then
      version=$(sed -n 's:.*<openliberty.version>\(.*\)</openliberty.version>.*:\1:p' pom.xml)
      zip=${M2_REPO:-$HOME/.m2/repository}/io/openliberty/openliberty-runtime/$version/openliberty-runtime-$version.zip
      [ -f "$zip" ] || { echo "Open Liberty runtime not found at $zip: run ./test.sh once" >&2; exit 1; }
      mkdir -p bench/target/liberty
      unzip -q -o "$zip" -d bench/target/liberty
    fi
    [ -d "$server" ] || "$wlp/bin/server" create bench >/dev/null
    cp liberty/server.xml liberty/jvm.options liberty/bootstrap.properties "$server/"
    mkdir -p "$server/apps"
    cp target/cogentx.war "$server/apps/cogentx.war"
    printf 'API_PORT=%s\nJAVA_HOME=%s\n' "$port" "$JAVA_HOME" >"$server/server.env"
    "$wlp/bin/server" start bench >/dev/null
    for _ in $(seq 1 300); do
      if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready"; then
        echo "bench server ready on http://127.0.0.1:$port"
        exit 0
      fi
      sleep 1
    done
    echo "bench server not ready after 300 s; see $server/logs/messages.log" >&2
    exit 1
    ;;
  stop)
    "$wlp/bin/server" stop bench >/dev/null
    ;;
  *)
    echo "usage: bench/server.sh start [PORT] | stop" >&2
    exit 2
    ;;
esac
