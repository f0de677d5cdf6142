#!/usr/bin/env bash
# End-to-end benchmark: OSC receive over loopback UDP, the highest sustained loss-free rate and the
# bytes allocated per message, for Vernissage's OSC input (OscUdpReceiver -> OscBindingRouter ->
# InputRing -> Conductor with the artwork's BindingConditioner) and for JavaOSC 0.8's own receiver
# (OSCPortIn + dispatcher + listener) as the baseline, in the same run, taking turns trial by trial.
# Source: bench/src/main/java/org/vernissage/bench/OscReceiveRate.java; method in docs/performance.md.
#
#   bench/run-receive.sh                            the standard run (about 2-3 minutes on 2 cores)
#   bench/run-receive.sh --javaosc-default-buffer   adds JavaOSC with its own (OS default) socket buffer
#   bench/run-receive.sh --seconds 2 --trials 3 --rates 10000,20000,40000 --refine 3
#                        --ring-wait hosted|backoff|blocking|yielding --also-ring-wait W (a further Vernissage receiver with another wait, in the same run) --ring-size 65536  (experiments; defaults as the app)
#
# Prints one line per trial and a summary; keeps the output in bench/target/receive-rate.txt.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
echo "run-receive: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$JAVA_HOME/bin/java" -Xms1g -Xmx1g --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED -cp "$jar" org.vernissage.bench.OscReceiveRate "$@" 2>&1 \
  | grep -v '^SLF4J:' | tee "$root/bench/target/receive-rate.txt"
echo "run-receive: load average after $(cut -d' ' -f1-3 /proc/loadavg)" >&2
