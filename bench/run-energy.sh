#!/usr/bin/env bash
# The energy meter's cost (bench/src/main/java/org/vernissage/bench/EnergyMeterBenchmark.java): a
# frame's pacing with the meter's power budget against without, in the same run, and one sample of
# the meter (CPU-time estimate; a two-zone powercap tree in a temporary folder). About 1 minute.
#
#   bench/run-energy.sh            extra arguments go to JMH
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
"$JAVA_HOME/bin/java" -jar "$jar" EnergyMeterBenchmark -prof gc -f 1 -wi 2 -i 3 -w 1s -r 1s "$@" \
  | tee "$root/bench/target/jmh-energy.txt" | grep -E "^Benchmark|^EnergyMeterBenchmark\.[a-zA-Z]+ |gc.alloc.rate.norm"
