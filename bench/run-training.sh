#!/usr/bin/env bash
# Training time of the typical MLP (8 inputs, 32-32 tanh hidden, 3 outputs, 600 Adam steps) with
# plain Java (org.vernissage.models.learn.MlpTrainer), against one forward pass over the examples
# as the baseline in the same run (bench/src/main/java/org/vernissage/bench/models/TrainingBenchmark.java).
#
#   bench/run-training.sh            about 2 minutes on 2 cores
#   bench/run-training.sh -p batch=64   extra arguments go to JMH
set -euo pipefail

. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jar.sh"
cd "$root"
echo "run-training: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)" >&2
"$JAVA_HOME/bin/java" -jar "$jar" TrainingBenchmark -prof gc -f 1 -wi 2 -w 2s -i 3 -r 2s "$@"
