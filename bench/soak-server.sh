#!/usr/bin/env bash
# A Cogent-X server for SoakBench (and for trying settings by hand), on loopback only:
#   bench/soak-server.sh start PORT [ENV_FILE]   builds the WAR (in the reactor, nothing installed to ~/.m2), puts it
#                                                on an Open Liberty runtime in bench/target/liberty (server "soak",
#                                                the repository's liberty/ configuration, settings from ENV_FILE plus
#                                                API_HOST=127.0.0.1 and API_PORT=PORT) and starts it, waiting until
#                                                ready; prints the server's PID
#   bench/soak-server.sh stop                    stops it
# JVM_OPTIONS (e.g. "-Xmx1g") replace the heap options of liberty/jvm.options. The runtime is the Open Liberty zip
# the build already downloaded into the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
source ./scripts/java-env.sh
wlp=bench/target/liberty/wlp
server=$wlp/usr/servers/soak
action=${1:?usage: bench/soak-server.sh start PORT [ENV_FILE] | stop}
case "$action" in
  start)
    port=${2:?PORT}
    env_file=${3:-}
    if [ -z "${SKIP_BUILD:-}" ]; then
      mvn -B -q -o -pl server.pom.xml -am package -DskipTests -DskipITs -Dspotless.check.skip=true >/dev/null
    fi
    if [ ! -x "$wlp/bin/server" ]; then
      version=$(sed -n 's:.*<openliberty.version>\(.*\)</openliberty.version>.*:\1:p' pom.xml)
      zip=${M2_REPO:-$HOME/.m2/repository}/io/openliberty/openliberty-runtime/$version/openliberty-runtime-$version.zip
      [ -f "$zip" ] || { echo "Open Liberty runtime not found at $zip: run ./test.sh once" >&2; exit 1; }
      mkdir -p bench/target/liberty
      unzip -q -o "$zip" -d bench/target/liberty
    fi
    [ -d "$server" ] || "$wlp/bin/server" create soak >/dev/null
    cp liberty/server.xml liberty/bootstrap.properties "$server/"
    if [ -n "${JVM_OPTIONS:-}" ]; then
      { grep -v -E '^-Xm[sx]' liberty/jvm.options; tr ' ' '\n' <<<"$JVM_OPTIONS"; } >"$server/jvm.options"
    else
      cp liberty/jvm.options "$server/"
    fi
    mkdir -p "$server/apps"
    cp target/cogentx.war "$server/apps/cogentx.war"
    { [ -n "$env_file" ] && cat "$env_file"; printf 'API_HOST=127.0.0.1\nAPI_PORT=%s\nJAVA_HOME=%s\n' "$port" "$JAVA_HOME"; } \
      >"$server/server.env"
    "$wlp/bin/server" start soak >/dev/null
    for _ in $(seq 1 600); do
      if curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; then
        cat "$wlp/usr/servers/.pid/soak.pid"
        exit 0
      fi
      sleep 1
    done
    echo "soak server not ready after 600 s; see $server/logs/messages.log" >&2
    exit 1
    ;;
  stop)
    "$wlp/bin/server" stop soak >/dev/null
    ;;
  *)
    echo "usage: bench/soak-server.sh start PORT [ENV_FILE] | stop" >&2
    exit 2
    ;;
esac
