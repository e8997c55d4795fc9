# Sourced by run.sh, test.sh, bench/run.sh and .ci/run: selects a Java 21+ JDK for Maven and Liberty.
# Keeps JAVA_HOME when it already points at Java 21+, else takes the newest JDK 21+ under /usr/lib/jvm.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  JAVA_HOME=""
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$jdk/bin/javac" ] && [ "$(java_major "$jdk")" -ge 21 ]; then JAVA_HOME=$jdk; break; fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "No JDK 21 or newer found: install one (e.g. Temurin 25) and set JAVA_HOME." >&2
    exit 1
  fi
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's own libraries use sun.misc.Unsafe: keep JDK 24+ from warning about it on every build.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
