# Sourced by the bench/ scripts: finds a JDK 22+ (scripts/jdk.sh), then builds
# bench/target/benchmarks.jar with Maven when it is missing or older than any module's sources or
# POM, and sets $root and $jar (and defines bench_exec_gl, which runs a GL bench). Offline first
# (-o, everything is in ~/.m2 after one online build), then online if the offline build fails.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/bench/target/benchmarks.jar"
. "$root/scripts/jdk.sh"

bench_jar_stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src/main -newer "$jar" -type f -print -quit 2>/dev/null)" ]
}

if bench_jar_stale; then
  command -v mvn >/dev/null || { echo "bench: needs Apache Maven to build the benchmarks jar (apt-get install maven)" >&2; exit 1; }
  echo "bench: building bench/target/benchmarks.jar..." >&2
  (cd "$root" && { mvn -B -q -o -DskipTests -pl bench -am package || mvn -B -q -ntp -DskipTests -pl bench -am package; }) >&2 \
    || { echo "bench: the build failed (see above)" >&2; exit 1; }
fi

# Replaces the shell with a GL benchmark's main class ($1; the rest are its arguments): LWJGL on the
# FFM memory backend, its natives extracted under target/natives, as every headless GL bench runs.
bench_exec_gl() {
  local main="$1"
  shift
  exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED \
    -Dorg.lwjgl.system.memoryBackend=ffm -Dorg.lwjgl.system.SharedLibraryExtractPath="$root/target/natives" \
    -cp "$jar" "$main" "$@"
}
