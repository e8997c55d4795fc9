#!/usr/bin/env bash
# Regenerates every results file the README quotes (bench/results/*.json), in the order the protocol needs
# (docs/benchmarks.md): development sweeps, the fusion choice, then each test side once.
#   bench/run-all.sh                 every section
#   bench/run-all.sh retrieval knn   some sections: registry retrieval ingest embedder knn heap pdf jobs search answers
#                                    audio office stores first-answer soak
# Needs ../shared/data (or COGENTX_DATA). The search section starts its own server (bench/server.sh) on
# BENCH_PORT (default 8000). Chunk vectors are cached in bench/target/vector-cache, so a second run does not
# embed the corpora again. Each line below is also the command to regenerate that one file.
set -euo pipefail
cd "$(dirname "$0")/.."
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(registry retrieval ingest embedder knn heap pdf jobs search answers audio office stores first-answer soak)
port=${BENCH_PORT:-8000}
vector_api="-Xmx4g --add-modules jdk.incubator.vector"
start=$(date +%s)

# Build once; every run below uses the same classes (BENCH_SKIP_BUILD).
source ./scripts/java-env.sh
mvn -B -q -pl bench -am package dependency:build-classpath -DskipTests -DskipITs -Dspotless.check.skip=true \
  -DincludeScope=runtime -Dmdep.outputFile=target/bench.classpath >/dev/null
export BENCH_SKIP_BUILD=1

timed() { # timed SECTION COMMAND...: runs and reports how long it took
  local t0=$(date +%s) section=$1
  shift
  "$@"
  echo "run-all: $section took $(($(date +%s) - t0)) s"
}

section_registry() {
  bench/run.sh RegistryBench --name=registry
}

section_retrieval() {
  # choose on development data (SciFact train claims, SQuAD development articles) ...
  # (the fusion sweeps embed queries with the model itself, as when the fusion was chosen)
  bench/run.sh SciFactBench --split=development --sweep --embedders=fp32 --query-encoder=model --name=scifact-dev-sweep
  bench/run.sh SquadBench --split=development --sweep --embedders=fp32 --query-encoder=model --name=squad-dev-sweep
  bench/run.sh FusionChoice --name=fusion-choice
  # the query encoder: the model itself vs its int8 sibling (docs/benchmarks.md#choice-rules)
  local encoder
  for encoder in model int8; do
    bench/run.sh SciFactBench --split=development --embedders=fp32 --query-encoder=$encoder \
      --name=scifact-dev-$encoder-queries
    bench/run.sh SquadBench --split=development --embedders=fp32 --query-encoder=$encoder \
      --name=squad-dev-$encoder-queries
  done
  if ! grep -q '"chosen_is_current_default": true' bench/results/fusion-choice.json; then
    echo "run-all: the development data chose another fusion than the server's default (fusion-choice.json):" \
      "set Retriever's default to it before evaluating the test side" >&2
    exit 1
  fi
  # ... then evaluate the test side once, with the shipped settings
  bench/run.sh SciFactBench --split=test --embedders=fp32,int8,bge-small-en-v1.5,bge-small-en-v1.5-int8 --name=scifact-test
  bench/run.sh SquadBench --split=test --embedders=fp32,int8,bge-small-en-v1.5-int8 --name=squad-test
}

section_ingest() {
  bench/run.sh IngestBench --documents-as=articles --models=all-MiniLM-L6-v2 --name=ingest-articles
  bench/run.sh IngestBench --documents-as=paragraphs --models=all-MiniLM-L6-v2 --name=ingest
}

section_search() {
  BENCH_JAVA_OPTS="$vector_api" bench/run.sh SearchCostBench --name=search-cost
  # One session of ~10,000 chunks on disk, filled by the first run and reused by the others (a restart keeps it);
  # the server runs once with each query encoder, the shipped one (int8) last.
  local session=2f0e8d5c-6a3b-4c1d-9e7f-0a1b2c3d4e5f
  export SESSION_STORE=disk VECTOR_DB_DIRECTORY=$PWD/bench/target/search-sessions
  trap 'bench/server.sh stop' EXIT
  local pid
  EMBEDDING_QUERY_ENCODER=model bench/server.sh start "$port"
  pid=$(cat bench/target/liberty/wlp/usr/servers/.pid/bench.pid)
  bench/run.sh SearchLatencyBench "http://127.0.0.1:$port" --rates=100,200,250,300,350,400 --session=$session \
    --server-pid="$pid" --server-settings="EMBEDDING_QUERY_ENCODER=model SESSION_STORE=disk" \
    --name=search-latency-model-queries
  bench/server.sh stop
  EMBEDDING_QUERY_ENCODER=int8 bench/server.sh start "$port"
  pid=$(cat bench/target/liberty/wlp/usr/servers/.pid/bench.pid)
  bench/run.sh SearchLatencyBench "http://127.0.0.1:$port" --rates=100,200,250,300,350,400 --session=$session \
    --server-pid="$pid" --server-settings="EMBEDDING_QUERY_ENCODER=int8 SESSION_STORE=disk" --name=search-latency
  bench/run.sh SearchLatencyBench "http://127.0.0.1:$port" --mode=keyword --rates=200,400 --session=$session \
    --server-pid="$pid" --server-settings="EMBEDDING_QUERY_ENCODER=int8 SESSION_STORE=disk" \
    --name=search-latency-keyword
  bench/server.sh stop
  trap - EXIT
  unset SESSION_STORE VECTOR_DB_DIRECTORY
}

section_embedder() {
  bench/run.sh EmbedderThroughputBench --name=embedder-throughput
}

section_knn() {
  bench/run.sh KnnBench --name=knn
  BENCH_JAVA_OPTS="$vector_api" bench/run.sh KnnBench --name=knn-vector-api
}

section_heap() {
  bench/run.sh SessionHeapBench --backend=lucene --name=session-heap
  bench/run.sh SessionHeapBench --backend=exact --name=session-heap-exact
}

section_pdf() {
  bench/run.sh PdfExtractBench --name=pdf-extract
}

section_jobs() {
  bench/run.sh JobOverheadBench --name=job-overhead
}

section_answers() {
  # Abstention and extractive answers: values chosen on the development articles, the test articles run once
  # (docs/answers.md#how-abstention-is-evaluated).
  # The thresholds were chosen with queries embedded by the model itself, then checked with the int8 query encoder.
  EMBEDDING_QUERY_ENCODER=model bench/run.sh AnswerBench --split=development \
    --dump=bench/target/answers-development.tsv --name=answers-development
  bench/run.sh AbstentionChoice bench/target/answers-development.tsv --name=abstention-choice
  EMBEDDING_QUERY_ENCODER=int8 bench/run.sh AnswerBench --split=development \
    --dump=bench/target/answers-development-int8q.tsv --name=answers-development-int8-queries
  bench/run.sh AbstentionChoice bench/target/answers-development-int8q.tsv --name=abstention-choice-int8-queries
  bench/run.sh AnswerBench --split=test --name=answers-test
}

section_audio() {
  # pocketsphinx settings chosen on the development clips (bench/data/dev-audio), the test recordings run once
  bench/run.sh AudioBench --name=audio
}

section_office() {
  bench/run.sh OfficeParseBench "${COGENTX_DATA:-../shared/data}/office" --name=office-parse
}

section_stores() {
  # memory, disk and PostgreSQL (Debian's binaries, started by the bench) session stores
  bench/run.sh StoreBench "${COGENTX_DATA:-../shared/data}" --name=session-stores
}

section_first_answer() {
  # the 117-page IRS PDF through a real server, once per embedding model
  LLM_BACKEND=extractive EMBEDDING_MODEL_NAME=all-MiniLM-L6-v2 bench/server.sh start "$port"
  bench/run.sh FirstAnswerBench --url="http://127.0.0.1:$port" --name=first-answer-all-MiniLM-L6-v2
  bench/server.sh stop
  LLM_BACKEND=extractive EMBEDDING_MODEL_NAME=all-MiniLM-L6-v2-int8 bench/server.sh start "$port"
  bench/run.sh FirstAnswerBench --url="http://127.0.0.1:$port" --name=first-answer-all-MiniLM-L6-v2-int8
  bench/server.sh stop
  LLM_BACKEND=extractive EMBEDDING_MODEL_NAME=bge-small-en-v1.5-int8 bench/server.sh start "$port"
  bench/run.sh FirstAnswerBench --url="http://127.0.0.1:$port" --name=first-answer-bge-small-en-v1.5-int8
  bench/server.sh stop
}

section_soak() {
  # starts its own server (bench/soak-server.sh) on --port and an Ollama double on the port after it
  bench/run.sh SoakBench --port=$((port + 10)) --minutes=10 --name=soak
}

for section in "${sections[@]}"; do
  case "$section" in
    registry | retrieval | ingest | search | embedder | knn | heap | pdf | jobs | answers | audio | office | stores | soak)
      timed "$section" "section_$section" ;;
    first-answer) timed "$section" section_first_answer ;;
    *) echo "unknown section: $section" >&2; exit 2 ;;
  esac
done
echo "run-all: ${sections[*]} took $(($(date +%s) - start)) s"
