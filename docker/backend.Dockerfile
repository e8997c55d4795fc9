# Cogent-X backend: the server WAR on Open Liberty (features installed at build time, nothing fetched at run time).
# Build from the repository root (docker compose does this):
#   docker build -f docker/backend.Dockerfile -t cogentx-backend .
ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-21
ARG LIBERTY_IMAGE=icr.io/appcafe/open-liberty:kernel-slim-java21-openj9-ubi

# --- build: the plugins and the WAR (with webapp/ inside). Tests are compiled (test jars feed other modules) but
#     not run here: CI runs them.
FROM ${MAVEN_IMAGE} AS build
WORKDIR /src
COPY pom.xml server.pom.xml ./
COPY bench/pom.xml bench/pom.xml
COPY plugins plugins
COPY src src
COPY liberty liberty
COPY webapp webapp
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl :cogentx-server -am package -DskipTests -DskipITs -Dspotless.check.skip=true

# --- run: Open Liberty with only the features server.xml names
FROM ${LIBERTY_IMAGE}
LABEL org.opencontainers.image.title="Cogent-X backend" \
      org.opencontainers.image.description="Session-isolated RAG server (Open Liberty, Jakarta EE 10, MicroProfile 7)" \
      org.opencontainers.image.licenses="Apache-2.0"

COPY --chown=1001:0 liberty/server.xml liberty/jvm.options liberty/bootstrap.properties /config/
RUN features.sh

COPY --chown=1001:0 --from=build /src/target/cogentx.war /config/apps/cogentx.war

# The compose file's volumes: vector_db (indexes, when persistence is on), config (extra plugin jars in
# config/plugins), session_data (uploads waiting to be indexed; sessions themselves are in memory).
# This UBI image has no tesseract: scanned PDF pages are reported as unread (OCR_ENGINE=auto finds none).
USER root
RUN mkdir -p /app/vector_db /app/config/plugins /app/session_data/uploads \
    && chown -R 1001:0 /app && chmod -R g=u /app
USER 1001

ENV API_HOST=0.0.0.0 \
    API_PORT=8000 \
    VECTOR_DB_DIRECTORY=/app/vector_db \
    PLUGINS_DIRECTORY=/app/config/plugins \
    UPLOAD_SPOOL_DIRECTORY=/app/session_data/uploads \
    OPT_OUT_TRACKING=true
EXPOSE 8000

# MicroProfile Health readiness: the model is loaded and the session registry runs.
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=5 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8000/health/ready || exit 1

RUN configure.sh
