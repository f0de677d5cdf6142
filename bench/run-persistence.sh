#!/usr/bin/env bash
# The conductor's cost per event with the show state kept (PersistenceStage last, publishing every
# 100 ms of show time) against without, in the same JMH run (ConductorPersistenceBenchmark).
# Issue 11's target: at most 1.1x. Results in bench/target/jmh-persistence.csv; prints the ratio.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
csv="$root/bench/target/jmh-persistence.csv"
"$JAVA_HOME/bin/java" --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED -jar "$jar" ConductorPersistenceBenchmark \
  -prof gc -rf csv -rff "$csv" "$@" | tail -n 12
awk -F, '{ sub(/\r$/, ""); for (i = 1; i <= NF; i++) gsub(/"/, "", $i) }
  $1 ~ /ConductorPersistenceBenchmark.event$/ { score[$NF] = $5 }
  END { if (score["off"] > 0) printf "persistence on / off: %.3fx (%.1f ns vs %.1f ns per event)\n",
        score["on"] / score["off"], score["on"], score["off"] }' "$csv"
