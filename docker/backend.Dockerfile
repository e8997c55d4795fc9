# Cogent-X backend: the server WAR on Open Liberty, with tesseract (OCR of scanned PDF pages), ffmpeg and
# pocketsphinx (audio), on Debian 13. Nothing is fetched at run time.
# Build from the repository root with BuildKit (the cache mount keeps Maven's downloads between builds):
#   DOCKER_BUILDKIT=1 docker build -f docker/backend.Dockerfile -t cogentx-backend .
# docs/deployment.md has the details; docker/base-image.sh makes debian:trixie-slim where no registry is reachable.

# --- build: the plugins and the WAR, Liberty packaged with only the features server.xml names (liberty:package,
#     include=minify), and a Java runtime of the modules the server uses (jlink). Test sources are not in the
#     build context (.dockerignore): CI runs the tests.
FROM debian:trixie-slim AS build
# openjdk's post-install script needs the man directory that slim images leave out
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       ca-certificates openjdk-25-jdk-headless zip \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends maven \
    && rm -rf /var/lib/apt/lists/* \
    && ln -s "java-25-openjdk-$(dpkg --print-architecture)" /usr/lib/jvm/java-25
ENV JAVA_HOME=/usr/lib/jvm/java-25 \
    MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow"

WORKDIR /src
COPY pom.xml server.pom.xml ./
COPY bench/pom.xml bench/pom.xml
COPY plugins plugins
COPY src src
COPY liberty liberty
COPY webapp webapp
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -P liberty-package -pl :cogentx-server -am package -DskipTests -DskipITs

# The server as the runtime stage takes it: the WAR unpacked in place (no copy at every start), the generated
# keystore password (no TLS here) and the packaging's work area left out, and only this platform's folder of
# native libraries kept in the ONNX Runtime and tokenizer jars (they carry macOS, Windows and other Linux ones:
# 57 of their 72 MB).
RUN tar -xf target/cogentx-server.tar -C /opt \
    && server=/opt/wlp/usr/servers/defaultServer \
    && rm -rf "$server/server.env" "$server/workarea" \
    && mkdir "$server/apps/cogentx.war.d" \
    && (cd "$server/apps/cogentx.war.d" && "$JAVA_HOME/bin/jar" -xf ../cogentx.war) \
    && rm "$server/apps/cogentx.war" && mv "$server/apps/cogentx.war.d" "$server/apps/cogentx.war" \
    && case "$(dpkg --print-architecture)" in \
         amd64) ort=linux-x64; djl=linux-x86_64 ;; \
         arm64) ort=linux-aarch64; djl=linux-aarch64 ;; \
         *) echo "no ONNX Runtime natives for $(dpkg --print-architecture)" >&2; exit 1 ;; \
       esac \
    && cd "$server/apps/cogentx.war/WEB-INF/lib" \
    && trim() { jar="$1" prefix="$2" keep="$3"; \
         "$JAVA_HOME/bin/jar" -tf "$jar" | grep "^$prefix[^/]*/" | grep -v "^$prefix$keep/" \
           | xargs -r zip -q -d "$jar"; \
         "$JAVA_HOME/bin/jar" -tf "$jar" | grep -q "^$prefix$keep/." || { echo "$jar: no $keep natives" >&2; exit 1; }; } \
    && trim onnxruntime-*.jar ai/onnxruntime/native/ "$ort" \
    && trim tokenizers-*.jar native/lib/ "$djl"

# Java runtime: the SE modules plus the few JDK ones Liberty and the server use (Vector API for Lucene, Unsafe,
# zip file system, extra charsets for text uploads), headless: without the X11 libraries of AWT, which only a
# desktop loads. Its trust store is a copy of the build stage's one, which Debian makes from the same CA
# certificates as the run stage's /etc/ssl/certs.
RUN "$JAVA_HOME/bin/jlink" \
      --add-modules java.se,jdk.unsupported,jdk.incubator.vector,jdk.management,jdk.zipfs,jdk.charsets,jdk.naming.dns,jdk.net \
      --strip-java-debug-attributes --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive \
      --output /opt/java \
    && rm /opt/java/lib/libawt_xawt.so /opt/java/lib/libjawt.so \
    && cp --remove-destination /etc/ssl/certs/java/cacerts /opt/java/lib/security/cacerts

# --- run
FROM debian:trixie-slim
LABEL org.opencontainers.image.title="Cogent-X backend" \
      org.opencontainers.image.description="Session-isolated RAG server (Open Liberty, Jakarta EE 10, MicroProfile 7) with OCR and offline speech tools" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.base.name="docker.io/library/debian:trixie-slim"

# Tools the plugins run: tesseract (OCR), ffmpeg and pocketsphinx (audio); libraries of the Java runtime's AWT
# (PDF page rendering for OCR); curl for the health check.
# ffmpeg's video output devices pull in Mesa's GPU drivers and LLVM (~200 MB) that a server converting audio never
# loads (they are opened at run time only for on-screen output): their libraries are deleted, and the build then
# checks that every tool and the Java runtime still find all their libraries and run.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       ca-certificates curl \
       tesseract-ocr tesseract-ocr-eng \
       ffmpeg pocketsphinx pocketsphinx-en-us \
       libfreetype6 libfontconfig1 liblcms2-2 libjpeg62-turbo libharfbuzz0b \
    && rm -rf /var/lib/apt/lists/* \
    && for pkg in mesa-libgallium libllvm19 libz3-4 libgl1-mesa-dri; do \
         dpkg -L "$pkg" 2>/dev/null | while read -r f; do [ -f "$f" ] && rm -f "$f"; done; \
       done; true
COPY --from=build /opt/java /opt/java
COPY --from=build /opt/wlp /opt/wlp
RUN for bin in /usr/bin/ffmpeg /usr/bin/tesseract /usr/bin/pocketsphinx_continuous /opt/java/bin/java \
                 /opt/java/lib/*.so /opt/java/lib/server/libjvm.so; do \
         if LD_LIBRARY_PATH=/opt/java/lib:/opt/java/lib/server ldd "$bin" | grep 'not found'; then \
           echo "$bin misses a library" >&2; exit 1; \
         fi; \
       done \
    && ffmpeg -hide_banner -loglevel error -f lavfi -i sine=frequency=440:duration=1 -ar 16000 -ac 1 /tmp/t.wav \
    && pocketsphinx_continuous -infile /tmp/t.wav -logfn /dev/null > /dev/null \
    && tesseract --list-langs 2>&1 | grep -qx eng \
    && /opt/java/bin/java -version \
    && rm -f /tmp/t.wav

# Non-root; group 0 owns what the server writes, so the image also runs under an arbitrary user id.
# The compose file's volumes: vector_db (indexes, when persistence is on), config (extra plugin jars in
# config/plugins), session_data (uploads waiting to be indexed, and the files of live sessions' documents; the
# sessions themselves are in memory).
RUN useradd --system --uid 1001 --gid 0 --home-dir /app --no-create-home --shell /usr/sbin/nologin cogentx \
    && mkdir -p /app/vector_db /app/config/plugins /app/session_data/uploads /app/session_data/documents \
       /opt/wlp/output \
    && chown -R 1001:0 /app /opt/wlp/output && chmod -R g=u /app /opt/wlp/output

ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/opt/wlp/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    WLP_OUTPUT_DIR=/opt/wlp/output \
    API_HOST=0.0.0.0 \
    API_PORT=8000 \
    VECTOR_DB_DIRECTORY=/app/vector_db \
    PLUGINS_DIRECTORY=/app/config/plugins \
    UPLOAD_SPOOL_DIRECTORY=/app/session_data/uploads \
    DOCUMENT_FILES_DIRECTORY=/app/session_data/documents \
    OPT_OUT_TRACKING=true
USER 1001
WORKDIR /app
EXPOSE 8000

# MicroProfile Health readiness: the embedding model is loaded and the session registry runs (Ollama is reported
# but never makes the server unready: answers fall back to extractive ones). It is healthy at the first ready
# answer; the long start period only keeps a slow start (a loaded machine: ~40 s on an idle 2-core one, minutes
# under load) from being marked unhealthy, which would stop `compose up` waiting for it.
HEALTHCHECK --interval=5s --timeout=5s --start-period=300s --retries=5 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${API_PORT}/health/ready" || exit 1

CMD ["/opt/wlp/bin/server", "run", "defaultServer"]
