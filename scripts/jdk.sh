# Sourced by ./vernissage and the bench/ scripts: sets and exports JAVA_HOME to a JDK 22+ found
# through JAVA_HOME, the javac on the PATH, then /usr/lib/jvm; fails with one clear line if none.
java_major() { # prints the feature version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n1 || echo 0
}

find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v javac || true)" 2>/dev/null || true)")" 2>/dev/null || true)" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(java_major "$candidate/bin/java")" -ge 22 ] 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

if ! JAVA_HOME="$(find_jdk)"; then
  echo "vernissage: needs a JDK 22 or newer (set JAVA_HOME, or install one, e.g. apt-get install openjdk-25-jdk)" >&2
  exit 1
fi
export JAVA_HOME
