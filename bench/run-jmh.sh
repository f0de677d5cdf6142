#!/usr/bin/env bash
# Runs the OSC decode JMH benchmark (bench/src/main/java/org/vernissage/bench/OscDecodeBenchmark.java)
# with JavaOSC 0.8 as the baseline in the same run, then prints a summary: ops/s and B/op per case,
# the ring's drop rate for the full receive path, and the ratios against JavaOSC.
#
#   bench/run-jmh.sh                 the standard run (about 1.5 minutes on 2 cores)
#   bench/run-jmh.sh -p packet=message   extra arguments go to JMH after the standard ones
#
# Finds a JDK 22+ as ./vernissage does (JAVA_HOME, the PATH, then /usr/lib/jvm), builds
# bench/target/benchmarks.jar with Maven when it is missing or older than the sources (bench/jar.sh),
# and keeps JMH's full output in bench/target/jmh-osc-decode.txt and its results in jmh-osc-decode.csv.
set -euo pipefail

. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
csv="$root/bench/target/jmh-osc-decode.csv"
log="$root/bench/target/jmh-osc-decode.txt"
# The benchmark loads artworks/tidewater relative to the working directory (JMH's fork inherits it).
cd "$root"

echo "run-jmh: $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)" >&2
"$JAVA_HOME/bin/java" -jar "$jar" OscDecodeBenchmark -prof gc -f 1 -wi 3 -i 5 -w 1s -r 1s \
  -rf csv -rff "$csv" "$@" | tee "$log"

# ---- summary ------------------------------------------------------------------------------------
# CSV columns: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit",
#              "Param: packet","Param: waitStrategy"   (no field contains a comma; CRLF lines)
awk -F, '
  { sub(/\r$/, ""); for (i = 1; i <= NF; i++) gsub(/"/, "", $i) }
  NR == 1 { next }
  {
    name = $1; sub(/^.*OscDecodeBenchmark\./, "", name)
    metric = "score"
    if (index(name, ":") > 0) { metric = substr(name, index(name, ":") + 1); name = substr(name, 1, index(name, ":") - 1) }
    label = name; if ($9 != "") label = name " [" $9 "]"
    key = $8 SUBSEP label
    if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    value[key, metric] = $5; error[key, metric] = $6; samples[key] = $4
  }
  function ratio(a, b) { return (b > 0) ? sprintf("%.3g", a / b) : "n/a" }
  END {
    printf "\nOSC decode, one op = one packet (message: 1 message; bundle8: a bundle of 8)\n"
    printf "%-8s  %-24s %14s %12s %9s   %s\n", "packet", "case", "ops/s", "+-99.9%", "B/op", "ring (full path only)"
    for (i = 1; i <= n; i++) {
      k = order[i]; split(k, part, SUBSEP)
      ring = ""
      if ((k, "valuesOffered") in value) {
        offered = value[k, "valuesOffered"]; dropped = value[k, "ringFullDrops"]
        total = offered + dropped
        ring = sprintf("%.1f%% of messages dropped ring-full; %.0f values delivered per iteration", \
                       total > 0 ? 100 * dropped / total : 0, offered / samples[k])
      }
      printf "%-8s  %-24s %14.0f %12.0f %9.2f   %s\n", part[1], part[2], value[k, "score"], \
             error[k, "score"], value[k, "gc.alloc.rate.norm"], ring
    }
    printf "\nRatios against JavaOSC 0.8 in this run (ops/s: above 1 is faster; B/op: below 1 allocates less)\n"
    for (i = 1; i <= n; i++) {
      k = order[i]; split(k, part, SUBSEP)
      if (part[2] == "javaOsc") continue
      base = part[1] SUBSEP "javaOsc"
      if (!((base, "score") in value)) continue
      printf "%-8s  %-24s ops/s x%-8s B/op %.2f / %.0f = %s\n", part[1], part[2] " / javaOsc", \
             ratio(value[k, "score"], value[base, "score"]), value[k, "gc.alloc.rate.norm"], \
             value[base, "gc.alloc.rate.norm"], ratio(value[k, "gc.alloc.rate.norm"], value[base, "gc.alloc.rate.norm"])
    }
  }
' "$csv" | tee -a "$log"
