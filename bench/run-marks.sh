#!/usr/bin/env bash
# The provenance mark's cost per captured frame, on the writer thread: a plain PNG against a marked
# one (XMP in iTXt), same frame, same run (bench/src/main/java/org/vernissage/bench/MarkedPngBenchmark.java).
# About 1 minute.
#
#   bench/run-marks.sh             extra arguments go to JMH
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
"$JAVA_HOME/bin/java" -jar "$jar" MarkedPngBenchmark -prof gc "$@" \
  | tee "$root/bench/target/jmh-marks.txt" | grep -E "^Benchmark|^MarkedPngBenchmark\.[a-zA-Z]+ |gc.alloc.rate.norm"
