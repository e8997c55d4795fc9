#!/usr/bin/env bash
# Starts the server on embedded defaults (no Ollama or Whisper needed): http://localhost:8000
# Builds the plugins and the WAR, then runs Open Liberty in the foreground (Ctrl+C stops it).
# Settings come from the environment (see .env.example), e.g. API_PORT=9000 ./run.sh
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-env.sh
mvn -B -q install -DskipTests -DskipITs -Dspotless.check.skip=true
exec mvn -B -f server.pom.xml -DskipITs liberty:run
